#pragma once

// One login evaluated over memory_transport and memory_repository, shared by the rule and
// engine tests, with the standard table of Discord failures that every rule must turn into an
// error rather than a deny.

#include <guildgate/core/snowflake.hpp>
#include <guildgate/discord/client.hpp>
#include <guildgate/engine/evaluate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/memory.hpp>

#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace guildgate::testing {

using namespace guildgate::literals;

// Visible to test files through `using namespace guildgate::testing`.
using guildgate::http_response;
using guildgate::json_response;

inline constexpr snowflake guild = "812345678901234567"_snowflake;
inline constexpr snowflake members_role = "823456789012345678"_snowflake;
inline constexpr snowflake mods_role = "823456789012345679"_snowflake;
inline constexpr snowflake admins_role = "823456789012345680"_snowflake;

inline const std::string guild_id = "812345678901234567";
inline const std::string user_id = "80351110224678912";
inline const std::string api = "https://discord.com/api/v10";
inline const std::string cdn = "https://cdn.discordapp.com";
inline const std::string user_url = api + "/users/@me";
inline const std::string member_url = api + "/users/@me/guilds/812345678901234567/member";
inline const std::string guilds_url = api + "/users/@me/guilds?limit=200";

// (80351110224678912 >> 22) % 6 == 5: the default avatar of a user without a hash.
inline const std::string default_avatar_url = cdn + "/embed/avatars/5.png";

// Distinctive, so that a search of the printed output cannot match it by chance.
inline const std::string token_text = "gg-test-token-Zq8X2vN4";

// The first 16 bytes of a PNG file, which base64 encodes as "iVBORw0KGgoAAAANSUhEUg==".
inline const std::string png_bytes("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16);

inline const std::string not_member_body = R"({"message": "Unknown Guild", "code": 10004})";

inline std::string user_body(const std::string& avatar = "null")
{
    return R"({"id": "80351110224678912", "username": "nelly", "discriminator": "0",
               "global_name": "Nelly", "avatar": )" +
        avatar + "}";
}

inline std::string guilds_page_url(const std::string& after)
{
    return guilds_url + "&after=" + after;
}

// Returns a guild list page with one entry per ID.
inline std::string guild_list(const std::vector<std::string>& ids)
{
    std::string body = "[";
    for (const auto& id : ids) {
        if (body.size() > 1)
            body += ", ";
        body += R"({"id": ")" + id + R"(", "name": "Guild )" + id + R"(", "owner": false})";
    }
    return body + "]";
}

inline std::string member_body(const std::vector<std::string>& roles)
{
    std::string body = R"({"roles": [)";
    for (std::size_t i = 0; i < roles.size(); ++i)
        body += (i ? ", \"" : "\"") + roles[i] + "\"";
    return body + R"(], "nick": null, "joined_at": "2015-04-26T06:26:56.936000+00:00"})";
}

struct login_fixture {
    std::shared_ptr<manual_clock> clock = std::make_shared<manual_clock>();
    memory_transport transport;
    discord::client<memory_transport> client;
    memory_repository repository;
    login_context login;

    explicit login_fixture(std::function<void(discord::client_options&)> adjust = {})
        : client(transport, options(clock, adjust))
    {
        login.access_token = access_token(token_text);
        login.stage = stage::authentication;
    }

    static discord::client_options options(std::shared_ptr<manual_clock> clock,
                                           const std::function<void(discord::client_options&)>& adjust)
    {
        discord::client_options result;
        result.clock = std::move(clock);
        if (adjust)
            adjust(result);
        return result;
    }

    template <class Policy>
    evaluation run(const Policy& policy)
    {
        return evaluate(policy, login, client, repository);
    }

    // Runs `policy` as if its pipeline had `scopes`: require_guild alone then uses the member
    // route when the scopes contain guilds.members.read.
    template <class Policy>
    evaluation run_with_scopes(const Policy& policy, scope_set scopes)
    {
        session fetches(client, login, scopes);
        return evaluate(policy, fetches, repository);
    }

    void route_user(const std::string& avatar = "null")
    {
        transport.route(user_url, json_response(200, user_body(avatar)));
    }

    void route_member(const std::vector<std::string>& roles)
    {
        transport.route(member_url, json_response(200, member_body(roles)));
    }

    void route_not_member() { transport.route(member_url, json_response(404, not_member_body)); }

    // Returns the number of requests to exactly `url`, because memory_transport::count matches
    // a prefix.
    std::size_t requests_to(const std::string& url) const
    {
        std::size_t n = 0;
        for (const auto& request : transport.requests())
            if (request.url == url)
                ++n;
        return n;
    }

    bool wrote_nothing() const
    {
        return repository.user_count() == 0 && repository.group_names().empty();
    }

    // Puts the user into `groups` with `attributes`, as an earlier login would have.
    void seed_user(std::vector<std::string> groups, boost::json::object attributes = {})
    {
        change_set change;
        change.discord_id = user_id;
        change.username = "nelly";
        change.add_groups = std::move(groups);
        change.set_attributes = std::move(attributes);
        repository.apply(change);
    }

    std::vector<std::string> stored_groups() const
    {
        auto record = repository.find_user(user_id);
        return record ? record->groups : std::vector<std::string>{};
    }
};

// Returns everything an evaluation shows an operator or a user: messages, events, the trace as
// text and as JSON, and the error.
inline std::string printed(const evaluation& result)
{
    std::string text;
    for (const auto& message : result.messages)
        text += message + "\n";
    for (const auto& event : result.events)
        text += event.action + " " + boost::json::serialize(event.data) + "\n";
    text += result.trace.to_text();
    text += boost::json::serialize(result.trace.to_json()) + "\n";
    if (result.error)
        text += result.error->route + " " + result.error->detail + "\n";
    if (result.applied)
        text += boost::json::serialize(result.applied->after.attributes) + "\n";
    return text;
}

inline std::vector<const event*> events_named(const evaluation& result, const std::string& action)
{
    std::vector<const event*> found;
    for (const auto& entry : result.events)
        if (entry.action == action)
            found.push_back(&entry);
    return found;
}

// One way a Discord route can fail, and the error the evaluation must give for it.
struct failure_case {
    std::string name;
    std::optional<http_response> response; // empty: the transport fails at that call
    error_kind kind;
    int status;
    std::optional<std::int64_t> code;
};

// The failures of one route. `wrong_shape` is a valid JSON body that the route's object
// cannot be decoded from.
inline std::vector<failure_case> failure_cases(const std::string& wrong_shape)
{
    return {
        {"401", json_response(401, R"({"message": "401: Unauthorized", "code": 0})"),
         error_kind::token_invalid, 401, 0},
        {"403 50026", json_response(403, R"({"message": "Missing Permissions", "code": 50026})"),
         error_kind::missing_scope, 403, 50026},
        {"429 json",
         json_response(429,
                       R"({"message": "You are being rate limited.", "retry_after": 64.57,
                           "global": false})",
                       {{"Retry-After", "65"}}),
         error_kind::rate_limited, 429, std::nullopt},
        {"429 cloudflare", http_response{429, {{"Retry-After", "3600"}}, "error code: 1015"},
         error_kind::blocked, 429, std::nullopt},
        {"503", http_response{503, {}, "upstream connect error"}, error_kind::discord_unavailable,
         503, std::nullopt},
        {"transport", std::nullopt, error_kind::transport, 0, std::nullopt},
        {"bad json", json_response(200, R"({"id": "80351110224678912", )"),
         error_kind::bad_response, 200, std::nullopt},
        {"wrong shape", json_response(200, wrong_shape), error_kind::bad_response, 200,
         std::nullopt},
    };
}

// Checks that `result` is the error that `expected` describes, that a discord_error event
// reports it, and that nothing was written or leaked.
inline void check_failure(const login_fixture& fixture, const evaluation& result,
                          const failure_case& expected)
{
    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == to_string(expected.kind));
    BOOST_TEST(result.error->http_status == expected.status);
    if (expected.code)
        BOOST_TEST(result.error->discord_code.value_or(-1) == *expected.code);
    BOOST_TEST(result.messages.size() == 1u);
    BOOST_TEST(result.trace.decided_by.has_value());

    auto errors = events_named(result, "discord_error");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    const boost::json::object& data = errors.front()->data;
    BOOST_TEST(data.contains("kind"));
    BOOST_TEST(data.contains("status"));
    BOOST_TEST(data.contains("code"));
    BOOST_TEST(data.contains("route"));
    if (data.contains("kind"))
        BOOST_TEST(data.at("kind").as_string() == to_string(expected.kind));
    if (data.contains("status"))
        BOOST_TEST(data.at("status").to_number<int>() == expected.status);
    if (data.contains("route") && expected.status != 0)
        BOOST_TEST(!data.at("route").as_string().empty());

    BOOST_TEST(fixture.wrote_nothing());
    BOOST_TEST(!result.applied.has_value());
    BOOST_TEST(printed(result).find(token_text) == std::string::npos);
}

// Evaluates `policy` once per failure of `url`, each time in a fresh login where `prepare`
// routed every other request, and checks the error. `call` is the number of the send at which
// a transport failure is injected: the position of `url` among the requests. `scopes`, when
// set, replaces the pipeline's own scopes (see run_with_scopes).
template <class Policy>
void check_failures(const Policy& policy, const std::string& url, const std::string& wrong_shape,
                    const std::function<void(login_fixture&)>& prepare, std::size_t call = 1,
                    std::optional<scope_set> scopes = std::nullopt)
{
    for (const failure_case& entry : failure_cases(wrong_shape)) {
        BOOST_TEST_CONTEXT("failure " << entry.name << " of " << url)
        {
            login_fixture fixture;
            if (prepare)
                prepare(fixture);
            if (entry.response)
                fixture.transport.route(url, *entry.response);
            else
                fixture.transport.fail_at(call, {transport_failure::connection_reset,
                                                 "the peer closed the connection"});

            evaluation result =
                scopes ? fixture.run_with_scopes(policy, *scopes) : fixture.run(policy);

            check_failure(fixture, result, entry);
        }
    }
}

} // namespace guildgate::testing
