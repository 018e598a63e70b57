#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/field.hpp>

#include <boost/json/fwd.hpp>

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

GUILDGATE_DECL error_body tag_invoke(boost::json::value_to_tag<error_body>,
                                     const boost::json::value& value);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/error_body.ipp>
#endif
