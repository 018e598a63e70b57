#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/api_error.hpp>

#include <string>

namespace guildgate {

// Returns the default message for the user when a rule could not be checked.
GUILDGATE_DECL std::string user_message(const discord::api_error& error);

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/messages.ipp>
#endif
