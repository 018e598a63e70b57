#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/repository/concept.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::detail {

// Maximum length of a group name in bytes (UTF-8 code units, not characters).
inline constexpr std::size_t max_group_name_bytes = 256;

// Returns `text` in double quotes, cut to its first 40 bytes so that a huge value cannot flood
// an error message.
GUILDGATE_DECL std::string quoted_excerpt(std::string_view text);

// Accepts only the canonical form, without leading zeros, so that one Discord user cannot be
// stored under two IDs such as "42" and "042".
GUILDGATE_DECL bool is_valid_discord_id(std::string_view discord_id) noexcept;

GUILDGATE_DECL void validate_group_names(const std::vector<std::string>& names,
                                         std::string_view field);

// Throws repository_error naming the first invalid value of `change`. Repositories call it
// before they write anything, so that bad input leaves the store as it was.
GUILDGATE_DECL void validate_change(const change_set& change);

} // namespace guildgate::detail

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/repository/impl/validate_change.ipp>
#endif
