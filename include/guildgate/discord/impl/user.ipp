#pragma once

#include <guildgate/discord/detail/json_read.hpp>
#include <guildgate/discord/user.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

namespace guildgate::discord {

GUILDGATE_DECL user tag_invoke(boost::json::value_to_tag<user>, const boost::json::value& value)
{
    const auto& object = detail::as_object(value, "the user");
    user result;
    result.id = detail::required_id(object, "id");
    result.username = detail::required_string(object, "username");
    result.discriminator = detail::nullable_string(object, "discriminator");
    result.global_name = detail::nullable_string(object, "global_name");
    result.avatar = detail::nullable_image_hash(object, "avatar");
    result.email = detail::nullable_string(object, "email");
    result.verified = detail::nullable_bool(object, "verified");
    return result;
}

} // namespace guildgate::discord
