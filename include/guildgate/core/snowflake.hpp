#pragma once

#include <guildgate/core/detail/fixed_string.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace guildgate {

namespace detail {

inline constexpr std::uint64_t snowflake_max = 0xFFFF'FFFF'FFFF'FFFFull;

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr bool all_digits(std::string_view text) noexcept
{
    for (char c : text)
        if (!is_digit(c))
            return false;
    return true;
}

// Parses 1 to 20 ASCII digits into a 64-bit value; empty on anything else or on overflow.
constexpr std::optional<std::uint64_t> parse_snowflake(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 20 || !all_digits(text))
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (snowflake_max - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

// The problem with the text of a _snowflake literal, checked in this order.
enum class snowflake_literal_problem { none, empty, too_long, not_digit, too_large };

constexpr snowflake_literal_problem check_snowflake_literal(std::string_view text) noexcept
{
    if (text.empty())
        return snowflake_literal_problem::empty;
    if (text.size() > 20)
        return snowflake_literal_problem::too_long;
    if (!all_digits(text))
        return snowflake_literal_problem::not_digit;
    if (!parse_snowflake(text))
        return snowflake_literal_problem::too_large;
    return snowflake_literal_problem::none;
}

} // namespace detail

// Thrown when a runtime Discord ID is not 1 to 20 digits or does not fit 64 bits.
class invalid_snowflake : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// A Discord ID: a 64-bit unsigned integer that Discord sends as a decimal string.
class snowflake {
public:
    constexpr explicit snowflake(std::uint64_t value) noexcept : value_(value) {}

    // Returns the ID for `text`, or empty unless it is 1 to 20 digits fitting 64 bits, without
    // leading zeros. Discord writes IDs without them, so "0812..." is a typo, and accepting it
    // would let two spellings name one ID.
    static constexpr std::optional<snowflake> parse(std::string_view text) noexcept
    {
        if (text.size() > 1 && text.front() == '0')
            return std::nullopt;
        if (auto value = detail::parse_snowflake(text))
            return snowflake{*value};
        return std::nullopt;
    }

    // Returns the ID for `text`; throws invalid_snowflake naming `what` on bad input.
    static snowflake from_string(std::string_view text, std::string_view what = "Discord ID")
    {
        if (auto id = parse(text))
            return *id;
        throw invalid_snowflake(std::string(what) + " must be a string of 1 to 20 digits that "
                                "fits 64 bits, without leading zeros; got \"" +
                                std::string(text.substr(0, 40)) + "\"");
    }

    constexpr std::uint64_t value() const noexcept { return value_; }

    std::string to_string() const { return std::to_string(value_); }

    friend constexpr auto operator<=>(snowflake, snowflake) noexcept = default;

private:
    std::uint64_t value_;
};

// A Discord ID known at compile time, which "812345678901234567"_snowflake returns. It is a
// snowflake whose value is also in its type, so rules given one can be checked against the
// rest of their pipeline at compile time.
template <std::uint64_t Value>
struct snowflake_constant : snowflake {
    static constexpr std::uint64_t id = Value;

    constexpr snowflake_constant() noexcept : snowflake(Value) {}
};

namespace literals {

// "812345678901234567"_snowflake: a Discord ID checked at compile time.
template <detail::fixed_string Text>
consteval auto operator""_snowflake()
{
    // The problem is computed once and named, so that clang's "due to requirement" shows
    // `problem != ...` instead of the literal's characters as a list of numbers.
    using detail::snowflake_literal_problem;
    constexpr snowflake_literal_problem problem = detail::check_snowflake_literal(Text.view());

    static_assert(problem != snowflake_literal_problem::empty,
                  "guildgate::_snowflake: the ID is empty; write the 17 to 20 digit ID that "
                  "Discord's \"Copy ID\" gives");
    static_assert(problem != snowflake_literal_problem::too_long,
                  "guildgate::_snowflake: the ID has more than 20 digits; a Discord ID fits "
                  "64 bits, so check for a pasted extra digit");
    static_assert(problem != snowflake_literal_problem::not_digit,
                  "guildgate::_snowflake: the ID contains a character that is not a digit; "
                  "write only the digits of the Discord ID");
    static_assert(problem != snowflake_literal_problem::too_large,
                  "guildgate::_snowflake: the ID is greater than 2^64-1; a Discord ID fits "
                  "64 bits, so check the digits");

    return snowflake_constant<detail::parse_snowflake(Text.view()).value_or(0)>{};
}

} // namespace literals

} // namespace guildgate
