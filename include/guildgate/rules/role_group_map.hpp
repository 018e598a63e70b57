#pragma once

#include <guildgate/core/snowflake.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace guildgate {

// Discord role ID -> group name, as map_roles_to_groups uses it. Several roles may give the
// same group; one role gives one group. Groups are identified by their unique name.
class role_group_map {
public:
    role_group_map() = default;

    role_group_map(std::initializer_list<std::pair<snowflake, std::string>> entries)
    {
        for (const auto& [role, group] : entries)
            add(role, group);
    }

    // From configuration: throws std::invalid_argument naming a bad role ID or group name.
    static role_group_map from_strings(const std::map<std::string, std::string>& entries)
    {
        role_group_map map;
        for (const auto& [role, group] : entries)
            map.add(snowflake::from_string(role, "map_roles_to_groups: the role ID"), group);
        return map;
    }

    void add(snowflake role, std::string group)
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

    const std::vector<std::pair<std::string, std::string>>& entries() const noexcept
    {
        return entries_;
    }

    // Every group the map can give, sorted, once each: the groups the mapping owns.
    std::vector<std::string> owned_groups() const
    {
        std::vector<std::string> groups;
        for (const auto& entry : entries_)
            groups.push_back(entry.second);
        std::sort(groups.begin(), groups.end());
        groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
        return groups;
    }

    // The groups that `roles` map to, sorted, once each.
    std::vector<std::string> groups_for(const std::vector<std::string>& roles) const
    {
        std::vector<std::string> groups;
        for (const auto& [role, group] : entries_)
            if (std::find(roles.begin(), roles.end(), role) != roles.end())
                groups.push_back(group);
        std::sort(groups.begin(), groups.end());
        groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
        return groups;
    }

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

} // namespace guildgate
