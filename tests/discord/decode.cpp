#include <guildgate/discord/decode.hpp>

#include <guildgate/discord/user.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using guildgate::discord::decode;
using guildgate::discord::user;

std::string nested_arrays(std::size_t depth)
{
    return std::string(depth, '[') + std::string(depth, ']');
}

} // namespace

BOOST_AUTO_TEST_SUITE(decode_test)

BOOST_AUTO_TEST_CASE(valid_body)
{
    auto result = decode<user>(R"({"id": "80351110224678912", "username": "nelly"})");

    BOOST_TEST_REQUIRE(result.value.has_value());
    BOOST_TEST(result.error.empty());
    BOOST_TEST(result.value->username == "nelly");
}

BOOST_AUTO_TEST_CASE(invalid_json)
{
    auto result = decode<user>(R"({"id": "80351110224678912", "username": )");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(result.error.rfind("invalid JSON", 0) == 0u, "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(empty_body)
{
    auto result = decode<user>("");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(result.error.rfind("invalid JSON", 0) == 0u, "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(html_body)
{
    auto result = decode<user>("<!DOCTYPE html><html><body>Bad Gateway</body></html>");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(!result.error.empty());
}

BOOST_AUTO_TEST_CASE(trailing_garbage)
{
    auto result = decode<user>(R"({"id": "80351110224678912", "username": "nelly"} x)");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(!result.error.empty());
}

BOOST_AUTO_TEST_CASE(shape_error_message)
{
    auto result = decode<user>(R"({"id": 80351110224678912, "username": "nelly"})");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(result.error.find("\"id\"") != std::string::npos, "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(shallow_junk_ignored)
{
    std::string body = R"({"id": "80351110224678912", "username": "nelly", "junk": )" +
        nested_arrays(20) + "}";

    auto result = decode<user>(body);

    BOOST_TEST(result.value.has_value(), "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(deep_junk_rejected)
{
    // Far deeper than any Discord object, so Boost.JSON's depth limit (parse_options::max_depth,
    // 32 by default) rejects it as invalid JSON.
    std::string body = R"({"id": "80351110224678912", "username": "nelly", "junk": )" +
        nested_arrays(100'000) + "}";

    auto result = decode<user>(body);

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(result.error.rfind("invalid JSON", 0) == 0u, "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(deep_objects_rejected)
{
    std::string body;
    for (int i = 0; i < 50'000; ++i)
        body += R"({"a":)";
    body += "1";
    body += std::string(50'000, '}');

    auto result = decode<user>(body);

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(!result.error.empty());
}

BOOST_AUTO_TEST_SUITE_END()
