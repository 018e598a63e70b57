#include <guildgate/discord/field.hpp>

#define BOOST_TEST_MODULE discord_tests
#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using guildgate::discord::field;

} // namespace

BOOST_AUTO_TEST_SUITE(field_test)

BOOST_AUTO_TEST_CASE(default_is_absent)
{
    field<std::string> value;

    BOOST_TEST(value.absent());
    BOOST_TEST(!value.is_null());
    BOOST_TEST(!value.has_value());
    BOOST_TEST(value.value_or("fallback") == "fallback");
}

BOOST_AUTO_TEST_CASE(null_is_present)
{
    auto value = field<std::string>::null();

    BOOST_TEST(!value.absent());
    BOOST_TEST(value.is_null());
    BOOST_TEST(!value.has_value());
    BOOST_TEST(value.value_or("fallback") == "fallback");
}

BOOST_AUTO_TEST_CASE(value_is_present)
{
    field<std::string> value("nelly");

    BOOST_TEST(!value.absent());
    BOOST_TEST(!value.is_null());
    BOOST_TEST_REQUIRE(value.has_value());
    BOOST_TEST(value.value() == "nelly");
    BOOST_TEST(value.value_or("fallback") == "nelly");
}

BOOST_AUTO_TEST_CASE(false_is_a_value)
{
    field<bool> value(false);

    BOOST_TEST(value.has_value());
    BOOST_TEST(value.value_or(true) == false);
}

BOOST_AUTO_TEST_SUITE_END()
