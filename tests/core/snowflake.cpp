#include <guildgate/core/snowflake.hpp>

#define BOOST_TEST_MODULE core_tests
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

namespace {

using guildgate::invalid_snowflake;
using guildgate::snowflake;
using namespace guildgate::literals;

// The literal must be usable where only constant expressions are allowed.
constexpr snowflake literal_guild = "812345678901234567"_snowflake;
static_assert(literal_guild.value() == 812345678901234567ull);
static_assert(std::integral_constant<std::uint64_t, "18446744073709551615"_snowflake.value()>::value
              == std::numeric_limits<std::uint64_t>::max());
static_assert(!snowflake::parse("18446744073709551616").has_value());

} // namespace

BOOST_AUTO_TEST_SUITE(snowflake_test)

BOOST_AUTO_TEST_CASE(parse_one_digit)
{
    auto id = snowflake::parse("7");

    BOOST_TEST_REQUIRE(id.has_value());
    BOOST_TEST(id->value() == 7u);
}

BOOST_AUTO_TEST_CASE(parse_zero)
{
    auto id = snowflake::parse("0");

    BOOST_TEST_REQUIRE(id.has_value());
    BOOST_TEST(id->value() == 0u);
}

BOOST_AUTO_TEST_CASE(parse_twenty_digits)
{
    auto id = snowflake::parse("12345678901234567890");

    BOOST_TEST_REQUIRE(id.has_value());
    BOOST_TEST(id->value() == 12345678901234567890ull);
}

BOOST_AUTO_TEST_CASE(parse_uint64_max)
{
    auto id = snowflake::parse("18446744073709551615");

    BOOST_TEST_REQUIRE(id.has_value());
    BOOST_TEST(id->value() == std::numeric_limits<std::uint64_t>::max());
}

BOOST_AUTO_TEST_CASE(parse_rejects_overflow)
{
    BOOST_TEST(!snowflake::parse("18446744073709551616").has_value());
    BOOST_TEST(!snowflake::parse("18446744073709551620").has_value());
    BOOST_TEST(!snowflake::parse("99999999999999999999").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_21_digits)
{
    BOOST_TEST(!snowflake::parse("123456789012345678901").has_value());

    // Leading zeros do not make a 21-digit string acceptable, even though the value fits.
    BOOST_TEST(!snowflake::parse("000000000000000000001").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_leading_zero)
{
    BOOST_TEST(!snowflake::parse("0812345678901234567").has_value());
    BOOST_TEST(!snowflake::parse("00").has_value());
    BOOST_TEST(snowflake::parse("0").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_letters)
{
    BOOST_TEST(!snowflake::parse("abc").has_value());
    BOOST_TEST(!snowflake::parse("8123456789a1234567").has_value());
    BOOST_TEST(!snowflake::parse("0x1F").has_value());
    BOOST_TEST(!snowflake::parse("1e5").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_empty)
{
    BOOST_TEST(!snowflake::parse("").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_sign)
{
    BOOST_TEST(!snowflake::parse("+123").has_value());
    BOOST_TEST(!snowflake::parse("-123").has_value());
    BOOST_TEST(!snowflake::parse("-0").has_value());
}

BOOST_AUTO_TEST_CASE(parse_rejects_whitespace)
{
    BOOST_TEST(!snowflake::parse(" 123").has_value());
    BOOST_TEST(!snowflake::parse("123 ").has_value());
    BOOST_TEST(!snowflake::parse("12 3").has_value());
    BOOST_TEST(!snowflake::parse("\t123").has_value());
    BOOST_TEST(!snowflake::parse("123\n").has_value());
    BOOST_TEST(!snowflake::parse(" ").has_value());
}

BOOST_AUTO_TEST_CASE(from_string_valid)
{
    BOOST_TEST(snowflake::from_string("812345678901234567").value() == 812345678901234567ull);
}

BOOST_AUTO_TEST_CASE(from_string_names_value)
{
    try {
        snowflake::from_string("81234x", "require_guild: the guild ID");
        BOOST_ERROR("from_string accepted \"81234x\"");
    } catch (const invalid_snowflake& error) {
        std::string message = error.what();
        BOOST_TEST(message.find("require_guild: the guild ID") != std::string::npos);
        BOOST_TEST(message.find("\"81234x\"") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(from_string_rejects_overflow)
{
    BOOST_CHECK_THROW(snowflake::from_string("18446744073709551616"), invalid_snowflake);
    BOOST_CHECK_THROW(snowflake::from_string(""), invalid_snowflake);
    BOOST_CHECK_THROW(snowflake::from_string(" 1"), invalid_snowflake);
}

BOOST_AUTO_TEST_CASE(literal_value)
{
    BOOST_TEST(literal_guild.value() == 812345678901234567ull);
    BOOST_TEST(("1"_snowflake).value() == 1u);
}

BOOST_AUTO_TEST_CASE(to_string_round_trip)
{
    BOOST_TEST(literal_guild.to_string() == "812345678901234567");
    BOOST_TEST(snowflake(18446744073709551615ull).to_string() == "18446744073709551615");
}

BOOST_AUTO_TEST_CASE(ordering_by_value)
{
    // Numeric order, not text order: "9" sorts after "10" as text.
    BOOST_TEST((snowflake::parse("9").value() < snowflake::parse("10").value()));
    BOOST_TEST((snowflake(5) == snowflake(5)));
}

BOOST_AUTO_TEST_SUITE_END()
