#pragma once

#include <guildgate/core/scope.hpp>

namespace guildgate {

GUILDGATE_DECL std::string to_string(scope_set set)
{
    std::string text;
    for (scope one : all_scopes) {
        if (!set.contains(one))
            continue;
        if (!text.empty())
            text += ' ';
        text += scope_name(one);
    }
    return text;
}

GUILDGATE_DECL std::vector<std::string> scope_names(scope_set set)
{
    std::vector<std::string> names;
    for (scope one : all_scopes)
        if (set.contains(one))
            names.emplace_back(scope_name(one));
    return names;
}

} // namespace guildgate
