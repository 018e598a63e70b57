#pragma once

#include <guildgate/repository/detail/validate_change.hpp>

namespace guildgate::detail {

GUILDGATE_DECL std::string quoted_excerpt(std::string_view text)
{
    constexpr std::size_t max_bytes = 40;

    std::string result = "\"";
    result += text.substr(0, max_bytes);
    result += text.size() > max_bytes ? "\"..." : "\"";
    return result;
}

GUILDGATE_DECL bool is_valid_discord_id(std::string_view discord_id) noexcept
{
    if (!snowflake::parse(discord_id).has_value())
        return false;
    return discord_id.size() == 1 || discord_id.front() != '0';
}

GUILDGATE_DECL void validate_group_names(const std::vector<std::string>& names,
                                         std::string_view field)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        std::string where = "change_set." + std::string(field) + "[" + std::to_string(i) + "]";

        if (name.empty())
            throw repository_error(where + " is an empty group name; remove the entry or give "
                                   "the group a name");

        if (name.size() > max_group_name_bytes)
            throw repository_error(where + " is a group name of " + std::to_string(name.size())
                                   + " bytes (" + quoted_excerpt(name) + "), over the maximum "
                                   "of " + std::to_string(max_group_name_bytes)
                                   + " bytes; use a shorter name");
    }
}

GUILDGATE_DECL void validate_change(const change_set& change)
{
    if (!is_valid_discord_id(change.discord_id))
        throw repository_error("change_set.discord_id " + quoted_excerpt(change.discord_id)
                               + " is invalid: a Discord ID is 1 to 20 decimal digits without "
                               "leading zeros that fit 64 bits; pass the user's `id` field "
                               "from Discord");

    validate_group_names(change.remove_groups, "remove_groups");
    validate_group_names(change.add_groups, "add_groups");
}

} // namespace guildgate::detail
