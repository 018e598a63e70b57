#include <guildgate/core/access_token.hpp>

#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <type_traits>

namespace {

using guildgate::access_token;

template <class Type>
concept streamable = requires(std::ostream& stream, const Type& value) { stream << value; };

// The token must not reach a stream, and so a log line, by accident.
static_assert(!streamable<access_token>);
static_assert(streamable<std::string>, "the streamable check itself must accept a string");

// No implicit conversion in either direction.
static_assert(!std::is_convertible_v<access_token, std::string>);
static_assert(!std::is_convertible_v<access_token, std::string_view>);
static_assert(!std::is_convertible_v<std::string, access_token>);
static_assert(std::is_constructible_v<access_token, std::string>);

} // namespace

BOOST_AUTO_TEST_SUITE(access_token_test)

BOOST_AUTO_TEST_CASE(reveal_returns_value)
{
    access_token token("abc.def");

    BOOST_TEST(token.reveal() == "abc.def");
    BOOST_TEST(!token.empty());
}

BOOST_AUTO_TEST_CASE(default_is_empty)
{
    access_token token;

    BOOST_TEST(token.empty());
    BOOST_TEST(token.reveal() == "");
}

BOOST_AUTO_TEST_SUITE_END()
