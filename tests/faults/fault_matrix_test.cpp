// Runs every row of tests/faults/matrix.json through the library: an in-process emulator per
// row, the Beast transport over HTTPS, and a SQLite database seeded with the matrix user.
#define BOOST_TEST_MODULE fault_matrix
#include <guildgate.hpp>

#include "emulator/emulator.hpp"
#include "fault_support.hpp"
#include "matrix_pipeline.hpp"
#include "matrix_row.hpp"

#include <guildgate/engine/error_log.hpp>
#include <guildgate/repository/sqlite.hpp>
#include <guildgate/transport/beast.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#ifndef GUILDGATE_FAULT_MATRIX
#error "tests/faults/CMakeLists.txt defines GUILDGATE_FAULT_MATRIX, the path of matrix.json"
#endif

namespace gg = guildgate;
namespace faults = guildgate::faults;

namespace {

// The Discord user of every fault-*.json fixture.
constexpr const char* matrix_user_id = "412345678901234600";

// Stores the matrix user with the groups that login_gate gives at enrollment for the roles
// Members and Moderators, as an earlier login would have.
void seed_database(const std::string& path)
{
    gg::sqlite_repository repository(path);
    gg::change_set change;
    change.discord_id = matrix_user_id;
    change.username = "quinn";
    change.add_groups = {"members", "moderators"};
    repository.apply(change);
}

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

// What one evaluation left behind, as text, for the searches below.
struct outputs {
    std::string events;
    std::string trace_text;
    std::string trace_json;
    std::string messages;
    std::string error_detail;
    std::vector<std::string> log_lines;
};

outputs collect_outputs(const gg::evaluation& result)
{
    outputs out;
    for (const auto& event : result.events)
        out.events += event.action + " " + boost::json::serialize(event.data) + "\n";
    out.trace_text = result.trace.to_text();
    out.trace_json = boost::json::serialize(result.trace.to_json());
    for (const auto& message : result.messages)
        out.messages += message + "\n";
    if (result.error) {
        out.error_detail = result.error->detail;
        gg::error_log log([&](std::string_view line) { out.log_lines.emplace_back(line); });
        log.record(*result.error);
    }
    return out;
}

void check_no_token(const outputs& out, const std::string& token)
{
    BOOST_TEST(!contains(out.events, token), "the token is in the events: " << out.events);
    BOOST_TEST(!contains(out.trace_text, token), "the token is in trace.to_text()");
    BOOST_TEST(!contains(out.trace_json, token), "the token is in trace.to_json()");
    BOOST_TEST(!contains(out.messages, token), "the token is in the messages");
    BOOST_TEST(!contains(out.error_detail, token), "the token is in the error detail");
    for (const auto& line : out.log_lines)
        BOOST_TEST(!contains(line, token), "the token is in the error log line " << line);
}

void check_requests(const faults::matrix_row& row, const gg::testing::emulator_stats& stats)
{
    for (const auto& [path, count] : row.requests) {
        auto served = path == "*" ? stats.requests_total : stats.path(path);
        BOOST_TEST(served == count, "requests for " << path << ": " << served << ", expected "
                                                    << count);
    }
}

// Checks use BOOST_TEST, never BOOST_TEST_REQUIRE, because a failed requirement would end the
// test case and skip the remaining rows.
void check_outcome(const faults::matrix_row& row, const gg::evaluation& result,
                   const outputs& out)
{
    BOOST_TEST(to_string(result.verdict) == row.verdict);

    std::optional<std::string> kind;
    if (result.error)
        kind = std::string(to_string(result.error->kind));
    BOOST_TEST(kind.value_or("null") == row.error.value_or("null"));

    if (row.message)
        BOOST_TEST(contains(out.messages, *row.message),
                   "messages \"" << out.messages << "\" lack \"" << *row.message << "\"");
    if (row.http_status && result.error)
        BOOST_TEST(result.error->http_status == *row.http_status);
    if (row.retry_after) {
        auto seconds = result.error ? result.error->retry_after : std::nullopt;
        BOOST_TEST(seconds.has_value(), "no retry_after");
        if (seconds)
            BOOST_TEST(std::abs(*seconds - *row.retry_after) < 1e-6,
                       "retry_after " << *seconds << ", expected " << *row.retry_after);
    }
    if (row.detail)
        BOOST_TEST(contains(out.events, *row.detail),
                   "events \"" << out.events << "\" lack \"" << *row.detail << "\"");
    for (const auto& action : row.events)
        BOOST_TEST(contains(out.events, action + " "), "no " << action << " event");

    if (row.verdict != "allow") {
        BOOST_TEST(!result.applied.has_value());
        return;
    }
    BOOST_TEST(result.applied.has_value(), "an allow wrote nothing");
    if (!result.applied)
        return;
    const auto& stored = result.applied->after;
    if (row.avatar_stored)
        BOOST_TEST(stored.attributes.contains("avatar") == *row.avatar_stored);
    if (row.groups)
        BOOST_TEST(stored.groups == *row.groups, boost::test_tools::per_element());
}

void run_row(const faults::matrix_row& row)
{
    faults::temporary_directory directory;
    auto database = directory.file("users.sqlite");
    seed_database(database);
    auto hash_before = faults::sha256_of_file(database);

    // A listener that a followed redirect would reach; it must see no connection.
    faults::loopback_socket redirect_target(true);
    std::optional<faults::loopback_socket> closed_port;
    std::optional<gg::testing::emulator> server;
    std::string ca_file = gg::testing::test_cert_file().string();
    std::string base;

    if (row.server == "closed_port") {
        closed_port.emplace(false);
        base = "https://127.0.0.1:" + std::to_string(closed_port->port());
    } else {
        gg::testing::emulator_options options;
        if (row.server == "wrong_host_cert") {
            options.cert_file = gg::testing::test_wrong_host_cert_file();
            options.key_file = gg::testing::test_wrong_host_key_file();
            // Trusting the certificate leaves the host name as the only thing that fails.
            ca_file = options.cert_file.string();
        }
        server.emplace(options);
        base = server->base_url();
    }

    std::map<std::string, std::string> values{
        {"base", base}, {"listener_port", std::to_string(redirect_target.port())}};
    if (!row.route_faults.empty() && !server)
        throw std::invalid_argument("route_faults need an emulator, not server " + row.server);
    for (const auto& fault : row.route_faults)
        server->add_global_fault(faults::route_fault(fault, values));

    gg::beast_transport transport({.ca_file = ca_file});
    gg::discord::client_options options;
    options.endpoints = {faults::expand(row.api_base, values), base};
    if (row.request_timeout)
        options.request_timeout = *row.request_timeout;

    if (row.verdict == "invalid_endpoint") {
        try {
            gg::discord::client<gg::beast_transport> rejected(transport, options);
            BOOST_ERROR("the client accepted the API base " << options.endpoints.api_base);
        } catch (const gg::discord::invalid_endpoint& error) {
            BOOST_TEST(contains(error.what(), row.detail.value_or("")), error.what());
            BOOST_TEST(!contains(error.what(), row.token));
        }
        if (server)
            BOOST_TEST(server->stats().requests_total == 0u);
        BOOST_TEST(faults::sha256_of_file(database) == hash_before);
        return;
    }

    gg::discord::client<gg::beast_transport> client(transport, options);
    gg::login_context login;
    login.access_token = gg::access_token(row.token);
    if (row.scopes)
        login.granted_scopes = gg::parse_scopes(*row.scopes);

    gg::evaluation result;
    {
        gg::sqlite_repository repository(database);
        faults::with_pipeline(row.pipeline, [&](const auto& policy) {
            result = faults::decide_like_login_gate(policy, login, client, repository);
        });
    }

    auto out = collect_outputs(result);
    check_outcome(row, result, out);
    check_no_token(out, row.token);
    if (server)
        check_requests(row, server->stats());
    BOOST_TEST(!redirect_target.accepted_any(), "the redirect target received a connection");

    // An allow must change the file, which shows that the hash notices a write.
    auto hash_after = faults::sha256_of_file(database);
    if (row.verdict == "allow")
        BOOST_TEST(hash_after != hash_before, "an allow left the database unchanged");
    else
        BOOST_TEST(hash_after == hash_before, "a " << row.verdict << " changed the database");
}

const std::vector<faults::matrix_row>& matrix()
{
    static const auto rows = faults::load_matrix(GUILDGATE_FAULT_MATRIX);
    return rows;
}

} // namespace

BOOST_AUTO_TEST_SUITE(fault_matrix)

BOOST_AUTO_TEST_CASE(row_ids_unique)
{
    std::set<std::string> ids;
    for (const auto& row : matrix())
        BOOST_TEST(ids.insert(row.id).second, "duplicate row id " << row.id);
    BOOST_TEST(ids.size() >= 30u);
}

BOOST_AUTO_TEST_CASE(library_rows)
{
    for (const auto& row : matrix()) {
        BOOST_TEST_CONTEXT("row " << row.id << " (" << row.description << ")")
        {
            try {
                run_row(row);
            } catch (const std::exception& error) {
                BOOST_ERROR("the row threw: " << error.what());
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
