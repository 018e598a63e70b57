#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/fwd.hpp>

#include <string>

namespace guildgate::discord {

// The current user, as GET /users/@me returns it. Unknown fields are ignored.
struct user {
    std::string id;
    std::string username;

    // "0" or absent: a new-style (unique) username; four digits: a legacy "name#1234" user.
    field<std::string> discriminator;

    field<std::string> global_name;
    field<std::string> avatar;
    field<std::string> email;  // needs the email scope; may be null even with it
    field<bool> verified;      // needs the email scope

    bool is_legacy() const
    {
        return discriminator.has_value() && discriminator.value() != "0";
    }

    // The display name: global_name, falling back to username.
    const std::string& display_name() const
    {
        return global_name.has_value() ? global_name.value() : username;
    }

    // "name#1234" for legacy users, the plain username otherwise (never "name#0").
    std::string tag() const
    {
        return is_legacy() ? username + "#" + discriminator.value() : username;
    }
};

GUILDGATE_DECL user tag_invoke(boost::json::value_to_tag<user>, const boost::json::value& value);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/user.ipp>
#endif
