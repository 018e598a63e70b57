#include <guildgate/discord/guild_member.hpp>

#include <guildgate/discord/decode.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using guildgate::discord::decode;
using guildgate::discord::guild_member;

guild_member decode_member(const std::string& body)
{
    auto result = decode<guild_member>(body);
    BOOST_TEST_REQUIRE(result.value.has_value(), "decode failed: " << result.error);
    return *result.value;
}

std::string decode_error_of(const std::string& body)
{
    auto result = decode<guild_member>(body);
    BOOST_TEST(!result.value.has_value(), "decode accepted " << body);
    return result.error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(guild_member_test)

BOOST_AUTO_TEST_CASE(roles_kept_as_text)
{
    guild_member member = decode_member(
        R"({"roles": ["823456789012345678", "823456789012345679"], "nick": null})");
    std::vector<std::string> expected{"823456789012345678", "823456789012345679"};

    BOOST_TEST(member.roles == expected, boost::test_tools::per_element());
    BOOST_TEST(member.has_role("823456789012345679"));
    BOOST_TEST(!member.has_role("823456789012345670"));
}

BOOST_AUTO_TEST_CASE(empty_roles)
{
    guild_member member = decode_member(R"({"roles": []})");

    BOOST_TEST(member.roles.empty());
}

BOOST_AUTO_TEST_CASE(full_object)
{
    guild_member member = decode_member(R"({
        "user": {"id": "80351110224678912", "username": "nelly"}, "nick": "Nel",
        "avatar": null, "roles": ["823456789012345678"], "joined_at": "2015-04-26T06:26:56.936000+00:00",
        "deaf": false, "mute": false, "flags": 0, "pending": true,
        "communication_disabled_until": "2099-01-01T00:00:00.000000+00:00"})");

    BOOST_TEST(member.nick.value() == "Nel");
    BOOST_TEST(member.pending.value() == true);
    BOOST_TEST(member.joined_at.value() == "2015-04-26T06:26:56.936000+00:00");
    BOOST_TEST(member.communication_disabled_until.value() == "2099-01-01T00:00:00.000000+00:00");
}

BOOST_AUTO_TEST_CASE(absent_and_null)
{
    guild_member member = decode_member(R"({"roles": [], "nick": null})");

    BOOST_TEST(member.nick.is_null());
    BOOST_TEST(member.pending.absent());
    BOOST_TEST(member.communication_disabled_until.absent());
}

BOOST_AUTO_TEST_CASE(roles_not_array)
{
    std::string error = decode_error_of(R"({"roles": "823456789012345678"})");

    BOOST_TEST(error.find("\"roles\"") != std::string::npos, "error: " << error);
    decode_error_of(R"({"roles": {"0": "823456789012345678"}})");
    decode_error_of(R"({"roles": null})");
}

BOOST_AUTO_TEST_CASE(roles_missing)
{
    std::string error = decode_error_of(R"({"nick": "Nel"})");

    BOOST_TEST(error.find("\"roles\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(role_number_rejected)
{
    std::string error = decode_error_of(R"({"roles": ["823456789012345678", 823456789012345679]})");

    BOOST_TEST(error.find("\"roles\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(role_not_snowflake)
{
    decode_error_of(R"({"roles": ["Members"]})");
    decode_error_of(R"({"roles": [null]})");
}

BOOST_AUTO_TEST_CASE(pending_wrong_type)
{
    decode_error_of(R"({"roles": [], "pending": "yes"})");
}

BOOST_AUTO_TEST_CASE(not_an_object)
{
    decode_error_of(R"(["823456789012345678"])");
    decode_error_of("null");
}

BOOST_AUTO_TEST_SUITE_END()
