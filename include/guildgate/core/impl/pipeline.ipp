#pragma once

#include <guildgate/core/pipeline.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace guildgate::detail {

GUILDGATE_DECL group_mapping_check::group_mapping_check() = default;

GUILDGATE_DECL group_mapping_check::~group_mapping_check() = default;

GUILDGATE_DECL void group_mapping_check::add(const std::string& guild,
                                             std::vector<std::string> groups)
{
    for (const auto& other : seen_) {
        if (other.guild == guild)
            throw std::invalid_argument(
                "map_roles_to_groups: guild " + guild +
                " is mapped twice in one pipeline; use one mapping with sync_on::both");
        for (const auto& group : groups)
            if (std::find(other.groups.begin(), other.groups.end(), group) != other.groups.end())
                throw std::invalid_argument(
                    "map_roles_to_groups: group \"" + group +
                    "\" is owned by two mappings, so each would remove the other's members; "
                    "give each mapping its own groups");
    }
    seen_.push_back({guild, std::move(groups)});
}

} // namespace guildgate::detail
