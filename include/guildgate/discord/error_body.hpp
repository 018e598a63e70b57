#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <cstdint>
#include <string>

namespace guildgate::discord {

// Discord's JSON error body, `{"code": int, "message": string}`; a 429 adds `retry_after`
// (float seconds on API v8 and later) and `global`.
struct error_body {
    std::int64_t code = 0;  // 0 when absent or null, and then has_code is false
    bool has_code = false;
    field<std::string> message;
    field<double> retry_after;
    field<bool> global;
};

inline error_body tag_invoke(boost::json::value_to_tag<error_body>,
                             const boost::json::value& value)
{
    const auto& object = detail::as_object(value, "the error body");
    error_body result;
    auto code = detail::nullable_int(object, "code");
    result.code = code.value_or(0);
    result.has_code = code.has_value();
    result.message = detail::nullable_string(object, "message");
    result.retry_after = detail::nullable_number(object, "retry_after");
    result.global = detail::nullable_bool(object, "global");
    return result;
}

} // namespace guildgate::discord
