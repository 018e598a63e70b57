#pragma once

#include <guildgate/core/snowflake.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::discord {

// Thrown by the tag_invoke conversions when a response does not have the documented shape.
class decode_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace guildgate::discord

namespace guildgate::discord::detail {

namespace json = boost::json;

[[noreturn]] inline void shape_error(std::string_view key, std::string_view expected)
{
    throw decode_error("field \"" + std::string(key) + "\" must be " + std::string(expected));
}

inline const json::object& as_object(const json::value& value, std::string_view what)
{
    if (!value.is_object())
        throw decode_error(std::string(what) + " must be a JSON object");
    return value.get_object();
}

inline const json::value* find(const json::object& object, std::string_view key)
{
    auto it = object.find(key);
    return it == object.end() ? nullptr : &it->value();
}

inline std::string read_string(const json::value& value, std::string_view key)
{
    if (!value.is_string())
        shape_error(key, "a string");
    return std::string(value.get_string());
}

// A snowflake kept as its string, after checking it is one (IDs are strings in Discord JSON).
inline std::string read_id(const json::value& value, std::string_view key)
{
    if (!value.is_string() || !snowflake::parse(value.get_string()))
        shape_error(key, "a snowflake string of 1 to 20 digits");
    return std::string(value.get_string());
}

inline std::string required_string(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        shape_error(key, "present");
    return read_string(*value, key);
}

inline std::string required_id(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        shape_error(key, "present");
    return read_id(*value, key);
}

// A `field?` of type `?string`: absent, null, or a string.
inline field<std::string> nullable_string(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        return {};
    if (value->is_null())
        return field<std::string>::null();
    return read_string(*value, key);
}

// A `?string` image hash, such as a user's avatar: absent, null, or 1 to 64 characters of
// A-Z a-z 0-9 and '_' ("a_" marks an animated image). The hash becomes part of a CDN path, so
// a '/', '.', '?' or '#' in it would change which URL is requested.
inline field<std::string> nullable_image_hash(const json::object& object, std::string_view key)
{
    auto hash = nullable_string(object, key);
    if (!hash.has_value())
        return hash;
    const std::string& text = hash.value();
    bool valid = !text.empty() && text.size() <= 64;
    for (char c : text)
        valid = valid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_');
    if (!valid)
        shape_error(key, "null or an image hash of 1 to 64 letters, digits and '_'");
    return hash;
}

inline field<bool> nullable_bool(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        return {};
    if (value->is_null())
        return field<bool>::null();
    if (!value->is_bool())
        shape_error(key, "a boolean");
    return value->get_bool();
}

inline field<std::int64_t> nullable_int(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        return {};
    if (value->is_null())
        return field<std::int64_t>::null();
    if (value->is_int64())
        return value->get_int64();
    if (value->is_uint64() && value->get_uint64() <= std::uint64_t(INT64_MAX))
        return static_cast<std::int64_t>(value->get_uint64());
    shape_error(key, "an integer");
}

inline field<double> nullable_number(const json::object& object, std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        return {};
    if (value->is_null())
        return field<double>::null();
    if (value->is_double())
        return value->get_double();
    if (value->is_int64())
        return static_cast<double>(value->get_int64());
    if (value->is_uint64())
        return static_cast<double>(value->get_uint64());
    shape_error(key, "a number");
}

inline std::vector<std::string> required_id_array(const json::object& object,
                                                  std::string_view key)
{
    const auto* value = find(object, key);
    if (!value)
        shape_error(key, "present");
    if (!value->is_array())
        shape_error(key, "an array of snowflake strings");
    std::vector<std::string> ids;
    ids.reserve(value->get_array().size());
    for (const auto& element : value->get_array())
        ids.push_back(read_id(element, key));
    return ids;
}

} // namespace guildgate::discord::detail
