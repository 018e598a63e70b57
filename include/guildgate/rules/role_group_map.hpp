#pragma once

#include <guildgate/config.hpp>
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

    role_group_map(std::initializer_list<std::pair<snowflake, std::string>> entries);

    // From configuration: throws std::invalid_argument naming a bad role ID or group name.
    static role_group_map from_strings(const std::map<std::string, std::string>& entries);

    void add(snowflake role, std::string group);

    const std::vector<std::pair<std::string, std::string>>& entries() const noexcept
    {
        return entries_;
    }

    // Every group the map can give, sorted, once each: the groups the mapping owns.
    std::vector<std::string> owned_groups() const;

    // The groups that `roles` map to, sorted, once each.
    std::vector<std::string> groups_for(const std::vector<std::string>& roles) const;

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/role_group_map.ipp>
#endif
