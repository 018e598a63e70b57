#include <guildgate/engine/evaluate.hpp>

#define BOOST_TEST_MODULE engine_tests
#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_role.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

#include <boost/json/serialize.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace gg = guildgate;
using namespace gg::testing;
using strings = std::vector<std::string>;

const auto full_policy =
    gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild") >>
    gg::require_role(guild, members_role, "Members", "Example Guild") >>
    gg::map_roles_to_groups(guild, {{members_role, "members"}, {mods_role, "moderators"}},
                            gg::sync_on::both) >>
    gg::store_discord_attrs(gg::avatar_size<64>);

const std::string avatar_hash = "8342729096ea3675442027381ff50dfe";
const std::string hash_avatar_url =
    cdn + "/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png?size=64";

// A user_repository that counts apply() calls and keeps the last change.
struct counting_repository {
    explicit counting_repository(gg::memory_repository& repository) : inner(repository) {}

    gg::memory_repository& inner;
    int applies = 0;
    std::optional<gg::change_set> last_change;

    std::optional<gg::user_record> find_user(std::string_view discord_id)
    {
        return inner.find_user(discord_id);
    }

    gg::applied_change apply(const gg::change_set& change)
    {
        ++applies;
        last_change = change;
        return inner.apply(change);
    }
};

static_assert(gg::user_repository<counting_repository>);

// Routes a member who has the Members role, with an avatar that is a PNG.
void route_passing_login(login_fixture& fixture)
{
    fixture.route_user("\"" + avatar_hash + "\"");
    fixture.route_member({members_role.to_string()});
    fixture.transport.route(hash_avatar_url, {200, {{"Content-Type", "image/png"}}, png_bytes});
}

std::string stored_text(const gg::memory_repository& repository)
{
    auto record = repository.find_user(user_id);
    if (!record)
        return "";
    std::string text = record->username + " " + boost::json::serialize(record->attributes);
    for (const auto& group : record->groups)
        text += " " + group;
    return text;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(evaluate_test, login_fixture)

BOOST_AUTO_TEST_CASE(full_pipeline_allows)
{
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(result.passing());
    BOOST_TEST(result.messages.empty());
    BOOST_TEST(!result.error.has_value());
    BOOST_TEST(to_string(result.stage) == "authentication");
    BOOST_TEST_REQUIRE(result.discord_user.has_value());
    BOOST_TEST(result.discord_user->id == user_id);
}

BOOST_AUTO_TEST_CASE(one_member_request)
{
    route_passing_login(*this);

    run(full_policy);

    BOOST_TEST(transport.count(member_url) == 1u);
    BOOST_TEST(requests_to(user_url) == 1u);
    BOOST_TEST(transport.count(api + "/users/@me/guilds?") == 0u);
    BOOST_TEST(transport.count(cdn) == 1u);
    BOOST_TEST(transport.requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(allow_writes_in_one_apply)
{
    route_passing_login(*this);
    counting_repository counter(repository);

    auto result = gg::evaluate(full_policy, login, client, counter);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(counter.applies == 1);
    BOOST_TEST_REQUIRE(counter.last_change.has_value());
    BOOST_TEST(counter.last_change->discord_id == user_id);
    BOOST_TEST(counter.last_change->username == "nelly");
    BOOST_TEST(counter.last_change->add_groups == (strings{"members"}),
               boost::test_tools::per_element());
    BOOST_TEST(counter.last_change->remove_groups == (strings{"moderators"}),
               boost::test_tools::per_element());
    BOOST_TEST(counter.last_change->set_attributes.contains("discord"));
    BOOST_TEST(counter.last_change->set_attributes.contains("avatar"));

    auto record = repository.find_user(user_id);
    BOOST_TEST_REQUIRE(record.has_value());
    BOOST_TEST(record->groups == (strings{"members"}), boost::test_tools::per_element());
    BOOST_TEST(record->attributes.contains("discord"));
    BOOST_TEST(record->attributes.contains("avatar"));
}

BOOST_AUTO_TEST_CASE(allow_reports_applied)
{
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST_REQUIRE(result.applied.has_value());
    BOOST_TEST(result.applied->created);
    BOOST_TEST(result.applied->after.groups == (strings{"members"}),
               boost::test_tools::per_element());
    BOOST_TEST(events_named(result, "groups_synced").size() == 1u);
    BOOST_TEST(events_named(result, "discord_error").empty());
}

BOOST_AUTO_TEST_CASE(deny_writes_nothing)
{
    route_user("\"" + avatar_hash + "\"");
    route_member({mods_role.to_string()});
    counting_repository counter(repository);

    auto result = gg::evaluate(full_policy, login, client, counter);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(counter.applies == 0);
    BOOST_TEST(wrote_nothing());
    BOOST_TEST(!result.applied.has_value());
    BOOST_TEST(events_named(result, "groups_synced").empty());
    BOOST_TEST(transport.count(cdn) == 0u);
}

BOOST_AUTO_TEST_CASE(deny_keeps_existing_user)
{
    seed_user({"moderators", "outsiders"}, {{"locale", "en-GB"}});
    route_member({});

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "deny");
    BOOST_TEST(stored_groups() == (strings{"moderators", "outsiders"}),
               boost::test_tools::per_element());
    BOOST_TEST(!repository.find_user(user_id)->attributes.contains("discord"));
}

BOOST_AUTO_TEST_CASE(error_writes_nothing)
{
    route_user();
    transport.route(member_url, {503, {}, "upstream connect error"});
    counting_repository counter(repository);

    auto result = gg::evaluate(full_policy, login, client, counter);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST(counter.applies == 0);
    BOOST_TEST(wrote_nothing());
    BOOST_TEST(transport.count(cdn) == 0u);
}

BOOST_AUTO_TEST_CASE(pipeline_errors)
{
    check_failures(full_policy, member_url, R"({"nick": "Nel"})", [](login_fixture& fixture) {
        route_passing_login(fixture);
    });
}

BOOST_AUTO_TEST_CASE(missing_scope_names_scope)
{
    login.granted_scopes = gg::parse_scopes("identify guilds email");
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: guilds.members.read");
    BOOST_TEST(result.messages ==
                   (strings{"Discord did not grant the guilds.members.read permission; log in "
                            "again and allow it."}),
               boost::test_tools::per_element());
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());

    auto errors = events_named(result, "discord_error");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors.front()->data.at("kind").as_string() == "missing_scope");
}

BOOST_AUTO_TEST_CASE(missing_scopes_all_named)
{
    login.granted_scopes = gg::parse_scopes("guilds");
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(result.error->detail == "missing scope: identify guilds.members.read");
    BOOST_TEST(transport.requests().empty());
}

BOOST_AUTO_TEST_CASE(granted_scopes_suffice)
{
    login.granted_scopes = gg::parse_scopes("guilds.members.read identify");
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "allow");
}

BOOST_AUTO_TEST_CASE(error_event_fields)
{
    route_user();
    transport.route(member_url,
                    json_response(429, R"({"message": "You are being rate limited.",
                                           "retry_after": 64.57, "global": false})",
                                  {{"Retry-After", "65"}}));

    auto result = run(full_policy);

    auto errors = events_named(result, "discord_error");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    const boost::json::object& data = errors.front()->data;
    BOOST_TEST(data.at("kind").as_string() == "rate_limited");
    BOOST_TEST(data.at("status").to_number<int>() == 429);
    // The 429 body has no "code", so the event has none: 0 would mean a general error.
    BOOST_TEST(data.at("code").is_null());
    BOOST_TEST(data.at("route").as_string() == "GET /users/@me/guilds/812345678901234567/member");
    BOOST_TEST(std::abs(data.at("retry_after").to_number<double>() - 64.57) < 1e-9);
    BOOST_TEST(data.at("rule").as_string() == "require_guild(812345678901234567 \"Example Guild\")");
    BOOST_TEST(result.messages == (strings{"Discord is busy, try again in 65 s."}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(error_event_null_code)
{
    transport.fail_at(1, {gg::transport_failure::connection_refused, "connect failed"});

    auto result = run(full_policy);

    auto errors = events_named(result, "discord_error");
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors.front()->data.at("code").is_null());
    BOOST_TEST(errors.front()->data.at("status").to_number<int>() == 0);
    BOOST_TEST(errors.front()->data.at("kind").as_string() == "transport");
}

BOOST_AUTO_TEST_CASE(storage_failure)
{
    route_passing_login(*this);
    repository.fail_at(1);

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.verdict) == "error");
    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "storage");
    BOOST_TEST(!result.applied.has_value());
    BOOST_TEST(wrote_nothing());
    BOOST_TEST(result.messages == (strings{"The login could not be saved, try again later."}),
               boost::test_tools::per_element());
    auto failures = events_named(result, "storage_error");
    BOOST_TEST_REQUIRE(failures.size() == 1u);
    BOOST_TEST(failures.front()->data.at("kind").as_string() == "storage");
    BOOST_TEST(events_named(result, "groups_synced").empty());
}

BOOST_AUTO_TEST_CASE(storage_failure_mid_change)
{
    seed_user({"moderators", "outsiders"}, {{"locale", "en-GB"}});
    std::string before = stored_text(repository);
    route_passing_login(*this);

    // The update has six writes: the username, one removal, a new group and its membership,
    // and two attributes. Each one fails in turn.
    for (std::size_t write = 1; write <= 6; ++write) {
        BOOST_TEST_CONTEXT("fail_at(" << write << ")")
        {
            repository.fail_at(write);

            auto result = run(full_policy);

            BOOST_TEST_REQUIRE(result.error.has_value());
            BOOST_TEST(to_string(result.error->kind) == "storage");
            BOOST_TEST(stored_text(repository) == before);
            BOOST_TEST(repository.group_names() == (strings{"moderators", "outsiders"}),
                       boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(token_never_printed)
{
    std::vector<gg::evaluation> results;
    {
        login_fixture passing;
        route_passing_login(passing);
        results.push_back(passing.run(full_policy));
        BOOST_TEST(stored_text(passing.repository).find(token_text) == std::string::npos);
    }
    {
        login_fixture denied;
        denied.route_user();
        denied.route_member({});
        results.push_back(denied.run(full_policy));
    }
    {
        login_fixture storage;
        route_passing_login(storage);
        storage.repository.fail_at(2);
        results.push_back(storage.run(full_policy));
    }
    for (const auto& entry : failure_cases(R"({"roles": 1})")) {
        login_fixture failing;
        route_passing_login(failing);
        if (entry.response)
            failing.transport.route(member_url, *entry.response);
        else
            failing.transport.fail_at(1, {gg::transport_failure::tls, "certificate not trusted"});
        results.push_back(failing.run(full_policy));
    }

    BOOST_TEST(results.size() == 11u);
    for (std::size_t i = 0; i < results.size(); ++i) {
        BOOST_TEST_CONTEXT("scenario " << i << ", verdict " << to_string(results[i].verdict))
        {
            std::string text = printed(results[i]);
            BOOST_TEST(!text.empty());
            BOOST_TEST(text.find(token_text) == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(trace_names_decider)
{
    route_member({mods_role.to_string()});

    auto result = run(full_policy);

    BOOST_TEST_REQUIRE(result.trace.decided_by.has_value());
    BOOST_TEST(*result.trace.decided_by == 2u);
    BOOST_TEST(result.trace.entries.size() == 3u);
    BOOST_TEST(result.trace.entries.at(2).rule.rfind("require_role(", 0) == 0u);
    BOOST_TEST(result.trace.to_text().find("<- decided") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(trace_lists_reads)
{
    route_passing_login(*this);

    auto result = run(full_policy);

    // Rule 2 reads the member route, and rules 3 and 4 reuse it.
    BOOST_TEST_REQUIRE(result.trace.entries.size() >= 5u);
    BOOST_TEST(result.trace.entries[1].reads.size() == 1u);
    BOOST_TEST(result.trace.entries[2].reads.empty());
    BOOST_TEST(result.trace.entries[3].reads.empty());
    BOOST_TEST(!result.trace.decided_by.has_value());
}

BOOST_AUTO_TEST_CASE(enrollment_stage_recorded)
{
    login.stage = gg::stage::enrollment;
    route_passing_login(*this);

    auto result = run(full_policy);

    BOOST_TEST(to_string(result.stage) == "enrollment");
    BOOST_TEST(result.enrollment_groups == (strings{"members"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gates_only_write_nothing)
{
    route_member({members_role.to_string()});

    auto result = run(gg::require_guild(guild, "Example Guild") >>
                      gg::require_role(guild, members_role, "Members", "Example Guild"));

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(wrote_nothing());
    BOOST_TEST(!result.applied.has_value());
    BOOST_TEST(transport.requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
