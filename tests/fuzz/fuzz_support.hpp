#pragma once

// Checks and JSON helpers shared by the libFuzzer targets in this folder.

#include <guildgate/core/snowflake.hpp>
#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>

// Aborts with the failed condition, so that libFuzzer saves the input as a crash.
#define GUILDGATE_FUZZ_CHECK(condition)                                                      \
    do {                                                                                     \
        if (!(condition)) {                                                                  \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__,        \
                         #condition);                                                        \
            std::abort();                                                                    \
        }                                                                                    \
    } while (false)

namespace guildgate_fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// A Discord ID as decoders accept it: 1 to 20 ASCII digits that fit 64 bits.
inline bool is_snowflake_text(std::string_view text)
{
    if (text.empty() || text.size() > 20)
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return guildgate::snowflake::parse(text).has_value();
}

// Checks the contract of decode(): exactly one of value and error is set.
template <class Object>
void check_decoded(const guildgate::discord::decoded<Object>& result)
{
    GUILDGATE_FUZZ_CHECK(result.value.has_value() != !result.error.empty());
}

// Writes `value` under `key` the way Discord would send it: left out when absent, null when
// null, the value otherwise.
template <class Value>
void put_field(boost::json::object& object, std::string_view key,
               const guildgate::discord::field<Value>& value)
{
    if (value.absent())
        return;
    if (value.is_null())
        object[key] = nullptr;
    else
        object[key] = value.value();
}

// Returns whether two values read from JSON are equal. Boost.JSON 1.81 does not always parse a
// double to the nearest value (400e60 comes back one unit in the last place off after serialize
// and parse), so doubles may differ by a relative 1e-12.
template <class Value>
bool same_value(const Value& a, const Value& b)
{
    if constexpr (std::is_floating_point_v<Value>)
        return a == b || std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
    else
        return a == b;
}

template <class Value>
bool same_field(const guildgate::discord::field<Value>& a,
                const guildgate::discord::field<Value>& b)
{
    if (a.absent() != b.absent() || a.is_null() != b.is_null())
        return false;
    return !a.has_value() || same_value(a.value(), b.value());
}

} // namespace guildgate_fuzz
