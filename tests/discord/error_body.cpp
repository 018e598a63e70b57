#include <guildgate/discord/error_body.hpp>

#include <guildgate/discord/decode.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

namespace {

using guildgate::discord::decode;
using guildgate::discord::error_body;

error_body decode_body(const std::string& text)
{
    auto result = decode<error_body>(text);
    BOOST_TEST_REQUIRE(result.value.has_value(), "decode failed: " << result.error);
    return *result.value;
}

} // namespace

BOOST_AUTO_TEST_SUITE(error_body_test)

BOOST_AUTO_TEST_CASE(with_code)
{
    error_body body = decode_body(R"({"message": "Missing Access", "code": 50001})");

    BOOST_TEST(body.code == 50001);
    BOOST_TEST(body.message.value() == "Missing Access");
    BOOST_TEST(body.retry_after.absent());
    BOOST_TEST(body.global.absent());
}

BOOST_AUTO_TEST_CASE(without_code)
{
    error_body body =
        decode_body(R"({"message": "You are being rate limited.", "retry_after": 64.57,
                        "global": false})");

    BOOST_TEST(body.code == 0);
    BOOST_TEST(std::abs(body.retry_after.value() - 64.57) < 1e-9);
    BOOST_TEST(body.global.value() == false);
}

BOOST_AUTO_TEST_CASE(integer_retry_after)
{
    error_body body = decode_body(R"({"message": "m", "retry_after": 3, "global": true})");

    BOOST_TEST(body.retry_after.value() == 3.0);
    BOOST_TEST(body.global.value() == true);
}

BOOST_AUTO_TEST_CASE(null_code)
{
    error_body body = decode_body(R"({"code": null})");

    BOOST_TEST(body.code == 0);
    BOOST_TEST(body.message.absent());
}

BOOST_AUTO_TEST_CASE(nested_errors_ignored)
{
    error_body body = decode_body(R"({"code": 50035, "message": "Invalid Form Body",
        "errors": {"limit": {"_errors": [{"code": "NUMBER_TYPE_MAX", "message": "m"}]}}})");

    BOOST_TEST(body.code == 50035);
}

BOOST_AUTO_TEST_CASE(code_as_text_rejected)
{
    auto result = decode<error_body>(R"({"code": "50026", "message": "m"})");

    BOOST_TEST(!result.value.has_value());
    BOOST_TEST(result.error.find("\"code\"") != std::string::npos, "error: " << result.error);
}

BOOST_AUTO_TEST_CASE(code_fraction_rejected)
{
    auto result = decode<error_body>(R"({"code": 1.5})");

    BOOST_TEST(!result.value.has_value());
}

BOOST_AUTO_TEST_CASE(retry_after_text_rejected)
{
    auto result = decode<error_body>(R"({"retry_after": "64.57"})");

    BOOST_TEST(!result.value.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
