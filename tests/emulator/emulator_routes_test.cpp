#include "emulator/emulator.hpp"

#define BOOST_TEST_MODULE emulator_routes
#include <boost/test/unit_test.hpp>

#include <guildgate/transport/beast.hpp>

#include <boost/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

using namespace guildgate;
using guildgate::testing::emulator;
using guildgate::testing::fault;
using guildgate::testing::fault_action;
namespace route_name = guildgate::testing::route_name;

namespace {

const std::string member_path = "/api/v10/users/@me/guilds/812345678901234567/member";
const std::string example_guild = "812345678901234567";
const std::string members_role = "823456789012345678";
const std::string moderators_role = "823456789012345679";

// One emulator and a client that trusts its certificate.
struct emulator_client {
    emulator server;
    beast_transport transport{make_options()};

    static beast_transport_options make_options()
    {
        beast_transport_options options;
        options.ca_file = guildgate::testing::test_cert_file().string();
        return options;
    }

    http_response get(const std::string& path, std::optional<std::string> token = std::nullopt)
    {
        http_request request;
        request.url = server.base_url() + path;
        if (token)
            request.bearer = access_token(*token);
        auto result = transport.send(request);
        if (!result.has_response())
            throw std::runtime_error("GET " + path + " failed: " + result.error().message);
        return result.response();
    }

    boost::json::value get_json(const std::string& path, std::optional<std::string> token)
    {
        return boost::json::parse(get(path, std::move(token)).body);
    }
};

bool has_role(const boost::json::value& member, const std::string& role)
{
    for (const auto& entry : member.at("roles").as_array())
        if (entry.as_string() == role)
            return true;
    return false;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(emulator_routes, emulator_client)

BOOST_AUTO_TEST_CASE(current_user_new_style)
{
    auto user = get_json("/api/v10/users/@me", "tok-member-role").as_object();

    BOOST_TEST(user.at("id").as_string() == "412345678901234501");
    BOOST_TEST(user.at("username").as_string() == "ada");
    BOOST_TEST(user.at("discriminator").as_string() == "0");
    BOOST_TEST(user.at("global_name").as_string() == "Ada Lovelace");
    BOOST_TEST(user.at("email").as_string() == "ada@example.com");
    BOOST_TEST(user.at("verified").as_bool());
    BOOST_TEST(user.at("avatar").as_string() == "8342729096ea3675442027381ff50dfe");
}

BOOST_AUTO_TEST_CASE(current_user_legacy)
{
    auto user = get_json("/api/v10/users/@me", "tok-member-norole").as_object();

    BOOST_TEST(user.at("discriminator").as_string() == "1337");
    BOOST_TEST(user.at("global_name").is_null());
    BOOST_TEST(user.at("avatar").is_null());
}

BOOST_AUTO_TEST_CASE(current_user_without_email)
{
    auto user = get_json("/api/v10/users/@me", "tok-animated").as_object();

    BOOST_TEST(!user.contains("email"));
    BOOST_TEST(user.at("avatar").as_string().starts_with("a_"));
}

BOOST_AUTO_TEST_CASE(unauthorized_tokens)
{
    const std::optional<std::string> tokens[] = {std::nullopt, "tok-unknown", "tok-revoked"};
    for (const auto& token : tokens) {
        auto response = get("/api/v10/users/@me", token);
        BOOST_TEST(response.status == 401);
        BOOST_TEST(response.body == R"({"message":"401: Unauthorized","code":0})");
        BOOST_TEST(response.header("Via").value_or("") == "1.1 google");
    }
}

BOOST_AUTO_TEST_CASE(revoked_token_every_route)
{
    BOOST_TEST(get("/api/v10/users/@me/guilds", "tok-revoked").status == 401);
    BOOST_TEST(get(member_path, "tok-revoked").status == 401);
}

BOOST_AUTO_TEST_CASE(guilds_sorted_by_id)
{
    auto guilds = get_json("/api/v10/users/@me/guilds", "tok-member-role").as_array();

    BOOST_TEST_REQUIRE(guilds.size() == 2u);
    BOOST_TEST(guilds[0].at("id").as_string() == "812345678901230001");
    BOOST_TEST(guilds[1].at("id").as_string() == example_guild);
    BOOST_TEST(guilds[1].at("name").as_string() == "Example Guild");
}

BOOST_AUTO_TEST_CASE(guilds_second_page)
{
    auto first = get_json("/api/v10/users/@me/guilds?limit=200", "tok-many-guilds").as_array();
    BOOST_TEST_REQUIRE(first.size() == 200u);
    for (const auto& guild : first)
        BOOST_TEST(guild.at("id").as_string() != example_guild);

    auto last_id = std::string(first.back().at("id").as_string());
    auto second = get_json("/api/v10/users/@me/guilds?limit=200&after=" + last_id,
                           "tok-many-guilds")
                      .as_array();

    BOOST_TEST_REQUIRE(second.size() == 50u);
    BOOST_TEST(second.back().at("id").as_string() == example_guild);
    BOOST_TEST(std::stoull(std::string(second.front().at("id").as_string()))
               > std::stoull(last_id));
}

BOOST_AUTO_TEST_CASE(guilds_default_limit)
{
    auto guilds = get_json("/api/v10/users/@me/guilds", "tok-many-guilds").as_array();

    BOOST_TEST(guilds.size() == 200u);
}

BOOST_AUTO_TEST_CASE(guilds_small_limit)
{
    auto guilds = get_json("/api/v10/users/@me/guilds?limit=3", "tok-many-guilds").as_array();

    BOOST_TEST(guilds.size() == 3u);
}

BOOST_AUTO_TEST_CASE(guilds_bad_limit)
{
    for (const std::string limit : {"0", "201", "abc", ""}) {
        auto response = get("/api/v10/users/@me/guilds?limit=" + limit, "tok-many-guilds");
        BOOST_TEST(response.status == 400, "limit=" << limit);
        auto body = boost::json::parse(response.body);
        BOOST_TEST(body.at("code").as_int64() == 50035, "limit=" << limit);
    }
}

BOOST_AUTO_TEST_CASE(member_with_roles)
{
    auto member = get_json(member_path, "tok-member-role");

    BOOST_TEST(has_role(member, members_role));
    BOOST_TEST(has_role(member, moderators_role));
    BOOST_TEST(member.at("user").at("id").as_string() == "412345678901234501");
    BOOST_TEST(member.at("pending").as_bool() == false);
}

BOOST_AUTO_TEST_CASE(member_without_members_role)
{
    auto member = get_json(member_path, "tok-member-norole");

    BOOST_TEST(!has_role(member, members_role));
}

BOOST_AUTO_TEST_CASE(nonmember_unknown_guild)
{
    auto response = get(member_path, "tok-nonmember");

    BOOST_TEST(response.status == 404);
    BOOST_TEST(response.body == R"({"message":"Unknown Guild","code":10004})");
}

BOOST_AUTO_TEST_CASE(pending_and_timeout_members)
{
    auto pending = get_json(member_path, "tok-pending");
    auto timed_out = get_json(member_path, "tok-timeout");

    BOOST_TEST(pending.at("pending").as_bool());
    BOOST_TEST(timed_out.at("communication_disabled_until").as_string().starts_with("2099-"));
}

BOOST_AUTO_TEST_CASE(many_guilds_member)
{
    BOOST_TEST(has_role(get_json(member_path, "tok-many-guilds"), members_role));
}

BOOST_AUTO_TEST_CASE(api_rate_limit_headers)
{
    auto response = get("/api/v10/users/@me", "tok-member-role");

    BOOST_TEST(response.header("X-RateLimit-Limit").value_or("") == "50");
    BOOST_TEST(response.header("X-RateLimit-Remaining").value_or("") == "49");
    BOOST_TEST(response.header("X-RateLimit-Reset-After").value_or("").find('.')
               != std::string_view::npos);
    BOOST_TEST(response.header("X-RateLimit-Reset").has_value());
    BOOST_TEST(response.header("X-RateLimit-Bucket").has_value());
    BOOST_TEST(response.header("Via").value_or("") == "1.1 google");
}

BOOST_AUTO_TEST_CASE(rate_limited_member)
{
    auto response = get(member_path, "tok-ratelimited");

    BOOST_TEST(response.status == 429);
    BOOST_TEST(response.header("Retry-After").value_or("") == "65");
    BOOST_TEST(response.header("Via").value_or("") == "1.1 google");
    auto body = boost::json::parse(response.body);
    BOOST_TEST(body.at("retry_after").as_double() == 64.57);
    BOOST_TEST(body.at("global").as_bool() == false);
    BOOST_TEST(get("/api/v10/users/@me", "tok-ratelimited").status == 200);
}

BOOST_AUTO_TEST_CASE(discord_down_always)
{
    BOOST_TEST(get(member_path, "tok-discord-down").status == 503);
    BOOST_TEST(get(member_path, "tok-discord-down").status == 503);
    BOOST_TEST(get(member_path, "tok-discord-down").status == 503);
}

BOOST_AUTO_TEST_CASE(flaky_recovers_after_two)
{
    BOOST_TEST(get(member_path, "tok-flaky").status == 503);
    BOOST_TEST(get(member_path, "tok-flaky").status == 503);
    BOOST_TEST(get(member_path, "tok-flaky").status == 200);
}

BOOST_AUTO_TEST_CASE(cloudflare_page_without_via)
{
    auto response = get("/api/v10/users/@me", "tok-cloudflare");

    BOOST_TEST(response.status == 429);
    BOOST_TEST(!response.header("Via").has_value());
    BOOST_TEST(!response.header("X-RateLimit-Limit").has_value());
    BOOST_TEST(response.header("Retry-After").value_or("") == "1800");
    BOOST_TEST(response.header("Content-Type").value_or("").starts_with("text/html"));
}

BOOST_AUTO_TEST_CASE(bad_json_sent_raw)
{
    auto response = get(member_path, "tok-bad-json");

    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == R"({"roles": ["823456789012345678")");
}

BOOST_AUTO_TEST_CASE(redirect_fault)
{
    auto response = get(member_path, "tok-redirect");

    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location").value_or("").starts_with("https://127.0.0.2:8443/"));
}

BOOST_AUTO_TEST_CASE(delay_keeps_normal_response)
{
    fault delay;
    delay.path = "/api/v10/users/@me";
    delay.delay = std::chrono::milliseconds(50);
    server.add_fault("tok-member-role", delay);

    auto response = get("/api/v10/users/@me", "tok-member-role");

    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body.find("\"ada\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fault_extra_headers)
{
    fault headers;
    headers.path_prefix = "/api/v10/users/@me";
    headers.headers = {{"X-RateLimit-Remaining", "0"}, {"X-Test", "yes"}};
    headers.times = 1;
    server.add_fault("tok-member-role", headers);

    auto faulted = get("/api/v10/users/@me", "tok-member-role");
    auto normal = get("/api/v10/users/@me", "tok-member-role");

    BOOST_TEST(faulted.status == 200);
    BOOST_TEST(faulted.header("X-RateLimit-Remaining").value_or("") == "0");
    BOOST_TEST(faulted.header("X-Test").value_or("") == "yes");
    BOOST_TEST(!normal.header("X-Test").has_value());
}

BOOST_AUTO_TEST_CASE(add_fault_unknown_token_throws)
{
    BOOST_CHECK_THROW(server.add_fault("tok-unknown", fault{}), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(set_account_adds_token)
{
    guildgate::testing::account extra;
    extra.user = {{"id", "412345678901234599"}, {"username", "extra"}};
    server.set_account("tok-extra", extra);

    auto user = get_json("/api/v10/users/@me", "tok-extra");

    BOOST_TEST(user.at("username").as_string() == "extra");
}

BOOST_AUTO_TEST_CASE(static_avatar_png)
{
    auto response = get("/avatars/412345678901234501/8342729096ea3675442027381ff50dfe.png");

    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.header("Content-Type").value_or("") == "image/png");
    BOOST_TEST(response.body.starts_with("\x89PNG\r\n\x1a\n"));
    BOOST_TEST(!response.header("Via").has_value());
}

BOOST_AUTO_TEST_CASE(animated_avatar_gif)
{
    auto gif = get("/avatars/412345678901234504/a_1269e74af4df7417b13759eae50c83dc.gif?size=64");
    auto png = get("/avatars/412345678901234504/a_1269e74af4df7417b13759eae50c83dc.png");

    BOOST_TEST(gif.status == 200);
    BOOST_TEST(gif.header("Content-Type").value_or("") == "image/gif");
    BOOST_TEST(gif.body.starts_with("GIF89a"));
    BOOST_TEST(png.status == 200);
    BOOST_TEST(png.body.starts_with("\x89PNG"));
}

BOOST_AUTO_TEST_CASE(avatar_mismatches_not_found)
{
    // GIF of a static hash, another user's hash, an unknown user.
    BOOST_TEST(get("/avatars/412345678901234501/8342729096ea3675442027381ff50dfe.gif").status
               == 404);
    BOOST_TEST(get("/avatars/412345678901234503/8342729096ea3675442027381ff50dfe.png").status
               == 404);
    BOOST_TEST(get("/avatars/1/8342729096ea3675442027381ff50dfe.png").status == 404);
}

BOOST_AUTO_TEST_CASE(avatar_bad_size)
{
    auto path = std::string("/avatars/412345678901234501/8342729096ea3675442027381ff50dfe.png");

    BOOST_TEST(get(path + "?size=100").status == 400);
    BOOST_TEST(get(path + "?size=8192").status == 400);
    BOOST_TEST(get(path + "?size=4096").status == 200);
}

BOOST_AUTO_TEST_CASE(default_avatars)
{
    for (int index = 0; index <= 5; ++index) {
        auto response = get("/embed/avatars/" + std::to_string(index) + ".png");
        BOOST_TEST(response.status == 200, "index " << index);
        BOOST_TEST(response.body.starts_with("\x89PNG"), "index " << index);
    }
    BOOST_TEST(get("/embed/avatars/6.png").status == 404);
}

BOOST_AUTO_TEST_CASE(cdn_authorization_rejected)
{
    auto response = get("/embed/avatars/0.png", "tok-member-role");

    BOOST_TEST(response.status == 400);
    BOOST_TEST(server.stats().cdn_authorization == 1u);
}

BOOST_AUTO_TEST_CASE(global_fault_on_cdn)
{
    fault outage;
    outage.path_prefix = "/embed/";
    outage.status = 503;
    outage.content_type = "text/plain";
    outage.body = "unavailable";
    server.add_global_fault(outage);

    auto response = get("/embed/avatars/0.png");

    BOOST_TEST(response.status == 503);
    BOOST_TEST(response.body == "unavailable");
}

BOOST_AUTO_TEST_CASE(unknown_paths)
{
    const std::string expected = R"({"message":"404: Not Found","code":0})";

    BOOST_TEST(get("/api/v10/nothing", "tok-member-role").body == expected);
    BOOST_TEST(get("/api/v9/users/@me", "tok-member-role").status == 404);
    BOOST_TEST(get("/").body == expected);
}

BOOST_AUTO_TEST_CASE(stats_endpoint)
{
    get("/api/v10/users/@me", "tok-member-role");
    get("/api/v10/users/@me", "tok-member-role");
    get(member_path, "tok-member-role");
    get("/embed/avatars/1.png");

    auto stats = boost::json::parse(get("/__emulator/stats").body).as_object();

    BOOST_TEST(stats.at("connections_accepted").as_int64() == 1);
    BOOST_TEST(stats.at("requests_total").as_int64() == 4);
    auto routes = stats.at("routes").as_object();
    BOOST_TEST(routes.at(route_name::current_user).as_int64() == 2);
    BOOST_TEST(routes.at(route_name::current_user_member).as_int64() == 1);
    BOOST_TEST(routes.at(route_name::default_avatar).as_int64() == 1);
    BOOST_TEST(stats.at("paths").at("/embed/avatars/1.png").as_int64() == 1);
    BOOST_TEST(stats.at("authorization").at("api").as_int64() == 3);
    BOOST_TEST(stats.at("authorization").at("cdn").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(reset_stats_clears)
{
    get("/api/v10/users/@me", "tok-member-role");
    server.reset_stats();

    BOOST_TEST(server.stats().requests_total == 0u);
    BOOST_TEST(server.stats().route(route_name::current_user) == 0u);
}

BOOST_AUTO_TEST_CASE(non_loopback_host_rejected)
{
    guildgate::testing::emulator_options options;
    options.host = "0.0.0.0";

    BOOST_CHECK_THROW(emulator{options}, std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
