#include <guildgate/discord/partial_guild.hpp>

#include <guildgate/discord/decode.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using guildgate::discord::decode;
using guildgate::discord::guild_page;
using guildgate::discord::partial_guild;

std::string decode_error_of(const std::string& body)
{
    auto result = decode<guild_page>(body);
    BOOST_TEST(!result.value.has_value(), "decode accepted " << body);
    return result.error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(partial_guild_test)

BOOST_AUTO_TEST_CASE(page_of_two)
{
    auto result = decode<guild_page>(R"([
        {"id": "812345678901234567", "name": "Example Guild", "icon": null, "owner": false,
         "permissions": "2147483647", "features": ["COMMUNITY"], "approximate_member_count": 3},
        {"id": "80351110224678912", "name": "Other", "owner": true}])");

    BOOST_TEST_REQUIRE(result.value.has_value(), "error: " << result.error);
    const auto& guilds = result.value->guilds;
    BOOST_TEST_REQUIRE(guilds.size() == 2u);
    BOOST_TEST(guilds[0].id == "812345678901234567");
    BOOST_TEST(guilds[0].name.value() == "Example Guild");
    BOOST_TEST(guilds[0].owner.value() == false);
    BOOST_TEST(guilds[1].id == "80351110224678912");
    BOOST_TEST(guilds[1].owner.value() == true);
}

BOOST_AUTO_TEST_CASE(empty_page)
{
    auto result = decode<guild_page>("[]");

    BOOST_TEST_REQUIRE(result.value.has_value());
    BOOST_TEST(result.value->guilds.empty());
}

BOOST_AUTO_TEST_CASE(absent_name)
{
    auto result = decode<guild_page>(R"([{"id": "812345678901234567"}])");

    BOOST_TEST_REQUIRE(result.value.has_value(), "error: " << result.error);
    BOOST_TEST(result.value->guilds.at(0).name.absent());
}

BOOST_AUTO_TEST_CASE(object_rejected)
{
    std::string error = decode_error_of(R"({"id": "812345678901234567", "name": "Example"})");

    BOOST_TEST(error.find("array") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(wrapped_list_rejected)
{
    decode_error_of(R"({"guilds": [{"id": "812345678901234567"}]})");
}

BOOST_AUTO_TEST_CASE(id_number_rejected)
{
    std::string error = decode_error_of(R"([{"id": 812345678901234567}])");

    BOOST_TEST(error.find("\"id\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(element_not_object)
{
    decode_error_of(R"(["812345678901234567"])");
    decode_error_of(R"([null])");
}

BOOST_AUTO_TEST_CASE(one_bad_element_fails_page)
{
    decode_error_of(R"([{"id": "812345678901234567"}, {"name": "no id"}])");
}

BOOST_AUTO_TEST_CASE(single_guild_decode)
{
    auto result = decode<partial_guild>(R"({"id": "812345678901234567", "name": null})");

    BOOST_TEST_REQUIRE(result.value.has_value(), "error: " << result.error);
    BOOST_TEST(result.value->name.is_null());
}

BOOST_AUTO_TEST_SUITE_END()
