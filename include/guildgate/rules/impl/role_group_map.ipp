#pragma once

#include <guildgate/rules/role_group_map.hpp>

namespace guildgate {

GUILDGATE_DECL
role_group_map::role_group_map(std::initializer_list<std::pair<snowflake, std::string>> entries)
{
    for (const auto& [role, group] : entries)
        add(role, group);
}

GUILDGATE_DECL role_group_map
role_group_map::from_strings(const std::map<std::string, std::string>& entries)
{
    role_group_map map;
    for (const auto& [role, group] : entries)
        map.add(snowflake::from_string(role, "map_roles_to_groups: the role ID"), group);
    return map;
}

GUILDGATE_DECL void role_group_map::add(snowflake role, std::string group)
{
    if (group.empty())
        throw std::invalid_argument("map_roles_to_groups: the group for role " +
                                    role.to_string() + " is empty; give a group name");
    auto id = role.to_string();
    for (const auto& entry : entries_)
        if (entry.first == id)
            throw std::invalid_argument("map_roles_to_groups: role " + id +
                                        " is mapped twice; map each role to one group");
    entries_.emplace_back(std::move(id), std::move(group));
}

GUILDGATE_DECL std::vector<std::string> role_group_map::owned_groups() const
{
    std::vector<std::string> groups;
    for (const auto& entry : entries_)
        groups.push_back(entry.second);
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    return groups;
}

GUILDGATE_DECL std::vector<std::string>
role_group_map::groups_for(const std::vector<std::string>& roles) const
{
    std::vector<std::string> groups;
    for (const auto& [role, group] : entries_)
        if (std::find(roles.begin(), roles.end(), role) != roles.end())
            groups.push_back(group);
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    return groups;
}

} // namespace guildgate
