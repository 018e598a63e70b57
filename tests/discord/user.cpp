#include <guildgate/discord/user.hpp>

#include <guildgate/discord/decode.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using guildgate::discord::decode;
using guildgate::discord::user;

user decode_user(const std::string& body)
{
    auto result = decode<user>(body);
    BOOST_TEST_REQUIRE(result.value.has_value(), "decode failed: " << result.error);
    return *result.value;
}

std::string decode_error_of(const std::string& body)
{
    auto result = decode<user>(body);
    BOOST_TEST(!result.value.has_value(), "decode accepted " << body);
    return result.error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(user_test)

BOOST_AUTO_TEST_CASE(full_object)
{
    user who = decode_user(R"({
        "id": "80351110224678912", "username": "nelly", "discriminator": "0",
        "global_name": "Nelly", "avatar": "8342729096ea3675442027381ff50dfe",
        "email": "nelly@example.com", "verified": true})");

    BOOST_TEST(who.id == "80351110224678912");
    BOOST_TEST(who.username == "nelly");
    BOOST_TEST(who.discriminator.value() == "0");
    BOOST_TEST(who.global_name.value() == "Nelly");
    BOOST_TEST(who.avatar.value() == "8342729096ea3675442027381ff50dfe");
    BOOST_TEST(who.email.value() == "nelly@example.com");
    BOOST_TEST(who.verified.value() == true);
}

BOOST_AUTO_TEST_CASE(unknown_fields_ignored)
{
    user who = decode_user(R"({
        "id": "80351110224678912", "username": "nelly", "banner": null, "accent_color": 16711680,
        "flags": 64, "premium_type": 2, "avatar_decoration_data": {"asset": "a_1", "sku_id": "1"},
        "clan": [1, [2, {"x": null}]]})");

    BOOST_TEST(who.id == "80351110224678912");
    BOOST_TEST(who.username == "nelly");
}

BOOST_AUTO_TEST_CASE(absent_field)
{
    user who = decode_user(R"({"id": "80351110224678912", "username": "nelly"})");

    BOOST_TEST(who.global_name.absent());
    BOOST_TEST(!who.global_name.is_null());
    BOOST_TEST(who.avatar.absent());
    BOOST_TEST(who.email.absent());
    BOOST_TEST(who.verified.absent());
}

BOOST_AUTO_TEST_CASE(null_field)
{
    user who = decode_user(R"({"id": "80351110224678912", "username": "nelly",
                               "global_name": null, "avatar": null, "email": null,
                               "verified": null})");

    BOOST_TEST(who.global_name.is_null());
    BOOST_TEST(!who.global_name.absent());
    BOOST_TEST(who.avatar.is_null());
    BOOST_TEST(who.email.is_null());
    BOOST_TEST(who.verified.is_null());
}

BOOST_AUTO_TEST_CASE(id_kept_as_text)
{
    user who = decode_user(R"({"id": "18446744073709551615", "username": "max"})");

    BOOST_TEST(who.id == "18446744073709551615");
}

BOOST_AUTO_TEST_CASE(id_number_rejected)
{
    std::string error = decode_error_of(R"({"id": 80351110224678912, "username": "nelly"})");

    BOOST_TEST(error.find("\"id\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(id_not_snowflake_rejected)
{
    decode_error_of(R"({"id": "nelly", "username": "nelly"})");
    decode_error_of(R"({"id": "", "username": "nelly"})");
    decode_error_of(R"({"id": "18446744073709551616", "username": "nelly"})");
}

BOOST_AUTO_TEST_CASE(id_missing_rejected)
{
    std::string error = decode_error_of(R"({"username": "nelly"})");

    BOOST_TEST(error.find("\"id\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(username_wrong_type)
{
    decode_error_of(R"({"id": "80351110224678912", "username": 5})");
    decode_error_of(R"({"id": "80351110224678912", "username": null})");
    decode_error_of(R"({"id": "80351110224678912"})");
}

BOOST_AUTO_TEST_CASE(verified_wrong_type)
{
    std::string error =
        decode_error_of(R"({"id": "80351110224678912", "username": "n", "verified": "true"})");

    BOOST_TEST(error.find("\"verified\"") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(avatar_wrong_type)
{
    decode_error_of(R"({"id": "80351110224678912", "username": "n", "avatar": 12})");
}

BOOST_AUTO_TEST_CASE(avatar_path_characters_rejected)
{
    for (const char* hash : {"../../evil", "abc?x=1", "abc#top", "a.b", "", "a/b"}) {
        std::string body = std::string(R"({"id": "80351110224678912", "username": "n", )") +
            R"("avatar": ")" + hash + R"("})";
        std::string error = decode_error_of(body);

        BOOST_TEST(error.find("\"avatar\"") != std::string::npos, hash << ": " << error);
    }
}

BOOST_AUTO_TEST_CASE(avatar_animated_hash_accepted)
{
    auto who = decode_user(R"({"id": "80351110224678912", "username": "n", )"
                           R"("avatar": "a_1269e74af4df7417b13759eae50c83dc"})");

    BOOST_TEST(who.avatar.value() == "a_1269e74af4df7417b13759eae50c83dc");
}

BOOST_AUTO_TEST_CASE(array_rejected)
{
    std::string error = decode_error_of(R"([{"id": "80351110224678912", "username": "n"}])");

    BOOST_TEST(error.find("object") != std::string::npos, "error: " << error);
}

BOOST_AUTO_TEST_CASE(new_style_name)
{
    user who = decode_user(R"({"id": "1", "username": "nelly", "discriminator": "0",
                               "global_name": "Nelly"})");

    BOOST_TEST(!who.is_legacy());
    BOOST_TEST(who.tag() == "nelly");
    BOOST_TEST(who.display_name() == "Nelly");
}

BOOST_AUTO_TEST_CASE(legacy_name)
{
    user who = decode_user(R"({"id": "1", "username": "nelly", "discriminator": "1337",
                               "global_name": null})");

    BOOST_TEST(who.is_legacy());
    BOOST_TEST(who.tag() == "nelly#1337");
    BOOST_TEST(who.display_name() == "nelly");
}

BOOST_AUTO_TEST_SUITE_END()
