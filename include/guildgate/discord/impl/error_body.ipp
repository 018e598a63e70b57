#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/error_body.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

namespace guildgate::discord {

GUILDGATE_DECL error_body tag_invoke(boost::json::value_to_tag<error_body>,
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
