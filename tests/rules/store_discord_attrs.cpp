#include <guildgate/rules/store_discord_attrs.hpp>

#include <boost/test/unit_test.hpp>

#include "rules/login_fixture.hpp"

#include <guildgate/rules/require_guild.hpp>

#include <boost/json/parse.hpp>

#include <string>

namespace {

namespace gg = guildgate;
using namespace gg::testing;

const auto profile = gg::store_discord_attrs(gg::avatar_size<64>);
const std::string avatar_hash = "8342729096ea3675442027381ff50dfe";
const std::string hash_avatar_url =
    cdn + "/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png?size=64";
const std::string png_data_uri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==";

const std::string full_user_body = R"({"id": "80351110224678912", "username": "nelly",
    "discriminator": "0", "global_name": "Nelly", "avatar": "8342729096ea3675442027381ff50dfe",
    "email": "nelly@example.com", "verified": true, "flags": 64, "banner": null})";

boost::json::object attributes_of(const gg::evaluation& result)
{
    BOOST_TEST_REQUIRE(result.applied.has_value());
    return result.applied->after.attributes;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(store_discord_attrs_test, login_fixture)

BOOST_AUTO_TEST_CASE(discord_attributes_exact)
{
    transport.route(user_url, json_response(200, full_user_body));
    transport.route(hash_avatar_url, {200, {{"Content-Type", "image/png"}}, png_bytes});

    auto result = run(profile);

    BOOST_TEST(to_string(result.verdict) == "allow");
    boost::json::value expected = boost::json::parse(R"({
        "id": "80351110224678912", "username": "nelly", "discriminator": "0",
        "global_name": "Nelly", "email": "nelly@example.com", "verified": true,
        "avatar": "8342729096ea3675442027381ff50dfe",
        "avatar_url": "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png?size=64"
    })");
    auto attributes = attributes_of(result);
    BOOST_TEST_REQUIRE(attributes.contains("discord"));
    BOOST_TEST(attributes.at("discord") == expected, boost::json::serialize(attributes.at("discord")));
}

BOOST_AUTO_TEST_CASE(avatar_data_uri)
{
    transport.route(user_url, json_response(200, full_user_body));
    transport.route(hash_avatar_url, {200, {{"Content-Type", "image/png"}}, png_bytes});

    auto result = run(profile);

    auto attributes = attributes_of(result);
    BOOST_TEST_REQUIRE(attributes.contains("avatar"));
    BOOST_TEST(attributes.at("avatar").as_string() == png_data_uri);
    BOOST_TEST(events_named(result, "avatar_skipped").empty());
}

BOOST_AUTO_TEST_CASE(stored_in_repository)
{
    transport.route(user_url, json_response(200, full_user_body));
    transport.route(hash_avatar_url, {200, {}, png_bytes});

    run(profile);

    auto record = repository.find_user(user_id);
    BOOST_TEST_REQUIRE(record.has_value());
    BOOST_TEST(record->username == "nelly");
    BOOST_TEST(record->attributes.at("avatar").as_string() == png_data_uri);
    BOOST_TEST(record->attributes.at("discord").at("id").as_string() == user_id);
    BOOST_TEST(record->groups.empty());
}

BOOST_AUTO_TEST_CASE(without_email_scope)
{
    route_user();
    transport.route(default_avatar_url, {200, {}, png_bytes});

    auto result = run(profile);

    auto discord = attributes_of(result).at("discord").as_object();
    BOOST_TEST(discord.at("email").is_null());
    BOOST_TEST(discord.at("verified").is_null());
    BOOST_TEST(discord.at("avatar").is_null());
    BOOST_TEST(discord.at("avatar_url").as_string() == default_avatar_url);
}

BOOST_AUTO_TEST_CASE(legacy_discriminator)
{
    transport.route(user_url, json_response(200, R"({"id": "80351110224678912",
        "username": "nelly", "discriminator": "1234", "avatar": null})"));

    auto result = run(profile);

    auto discord = attributes_of(result).at("discord").as_object();
    BOOST_TEST(discord.at("discriminator").as_string() == "1234");
    BOOST_TEST(discord.at("global_name").is_null());
    BOOST_TEST(discord.at("avatar_url").as_string() == cdn + "/embed/avatars/4.png");
}

BOOST_AUTO_TEST_CASE(avatar_size_in_url)
{
    route_user("\"" + avatar_hash + "\"");

    run(gg::store_discord_attrs(gg::avatar_size<128>));

    BOOST_TEST(transport.count(cdn + "/avatars/80351110224678912/" + avatar_hash +
                               ".png?size=128") == 1u);
}

BOOST_AUTO_TEST_CASE(avatar_no_bearer)
{
    route_user("\"" + avatar_hash + "\"");
    transport.route(hash_avatar_url, {200, {}, png_bytes});

    run(profile);

    int cdn_requests = 0;
    for (const auto& request : transport.requests()) {
        if (request.url.rfind(cdn, 0) != 0)
            continue;
        ++cdn_requests;
        BOOST_TEST(!request.bearer.has_value(), request.url);
        for (const auto& header : request.headers)
            BOOST_TEST(!gg::detail::iequals(header.name, "Authorization"));
    }
    BOOST_TEST(cdn_requests == 1);
}

BOOST_AUTO_TEST_CASE(avatar_not_image)
{
    route_user("\"" + avatar_hash + "\"");
    transport.route(hash_avatar_url, {200, {{"Content-Type", "image/png"}}, "<html>x</html>"});

    auto result = run(profile);

    BOOST_TEST(to_string(result.verdict) == "allow");
    auto attributes = attributes_of(result);
    BOOST_TEST(!attributes.contains("avatar"));
    BOOST_TEST(attributes.contains("discord"));
    auto skipped = events_named(result, "avatar_skipped");
    BOOST_TEST_REQUIRE(skipped.size() == 1u);
    BOOST_TEST(skipped.front()->data.at("kind").as_string() == "bad_response");
    BOOST_TEST(skipped.front()->data.at("status").to_number<int>() == 200);
}

BOOST_AUTO_TEST_CASE(avatar_not_found)
{
    route_user();
    transport.route(default_avatar_url, {404, {}, "Not Found"});

    auto result = run(profile);

    BOOST_TEST(to_string(result.verdict) == "allow");
    BOOST_TEST(!attributes_of(result).contains("avatar"));
    auto skipped = events_named(result, "avatar_skipped");
    BOOST_TEST_REQUIRE(skipped.size() == 1u);
    BOOST_TEST(skipped.front()->data.at("status").to_number<int>() == 404);
    BOOST_TEST(skipped.front()->data.at("route").as_string() == "GET /embed/avatars/5.png");
}

BOOST_AUTO_TEST_CASE(avatar_transport_failure)
{
    route_user();
    transport.fail_at(2, {gg::transport_failure::timed_out, "no response within 10000 ms"});

    auto result = run(profile);

    BOOST_TEST(to_string(result.verdict) == "allow");
    auto skipped = events_named(result, "avatar_skipped");
    BOOST_TEST_REQUIRE(skipped.size() == 1u);
    BOOST_TEST(skipped.front()->data.at("kind").as_string() == "transport");
}

BOOST_AUTO_TEST_CASE(avatar_skip_keeps_old)
{
    seed_user({}, {{"avatar", "data:image/png;base64,AAAA"}, {"locale", "en-GB"}});
    route_user();
    transport.route(default_avatar_url, {404, {}, "Not Found"});

    run(profile);

    auto record = repository.find_user(user_id);
    BOOST_TEST_REQUIRE(record.has_value());
    BOOST_TEST(record->attributes.at("avatar").as_string() == "data:image/png;base64,AAAA");
    BOOST_TEST(record->attributes.at("locale").as_string() == "en-GB");
    BOOST_TEST(record->attributes.contains("discord"));
}

BOOST_AUTO_TEST_CASE(denied_no_avatar_request)
{
    route_user("\"" + avatar_hash + "\"");
    transport.route(hash_avatar_url, {200, {}, png_bytes});
    transport.route(guilds_url, json_response(200, "[]"));

    auto before = run(gg::require_guild(guild, "Example Guild") >> profile);
    auto after = run(profile >> gg::require_guild(guild, "Example Guild"));

    BOOST_TEST(to_string(before.verdict) == "deny");
    BOOST_TEST(to_string(after.verdict) == "deny");
    BOOST_TEST(transport.count(cdn) == 0u);
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(user_errors)
{
    check_failures(profile, user_url, R"({"id": 80351110224678912, "username": "nelly"})", {});
}

BOOST_AUTO_TEST_CASE(missing_scope_no_request)
{
    login.granted_scopes = gg::parse_scopes("guilds email");
    route_user();

    auto result = run(profile);

    BOOST_TEST_REQUIRE(result.error.has_value());
    BOOST_TEST(to_string(result.error->kind) == "missing_scope");
    BOOST_TEST(result.error->detail == "missing scope: identify");
    BOOST_TEST(transport.requests().empty());
    BOOST_TEST(wrote_nothing());
}

BOOST_AUTO_TEST_CASE(configured_size_checked)
{
    BOOST_CHECK_THROW(gg::avatar_pixels::from_int(100), std::invalid_argument);
    BOOST_CHECK_THROW(gg::avatar_pixels::from_int(8), std::invalid_argument);
    BOOST_TEST(gg::store_discord_attrs(gg::avatar_pixels::from_int(4096)).avatar_size() == 4096);
}

BOOST_AUTO_TEST_SUITE_END()
