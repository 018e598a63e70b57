#pragma once

#include <boost/json/object.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace guildgate {

// An audit event: "discord_error", "groups_synced", "avatar_skipped", ... with its data.
// Events never contain a token.
struct event {
    std::string action;
    boost::json::object data;
};

// A group sync at authentication: the user's groups become (groups the mapping does not own)
// ∪ (mapped groups for the roles held).
struct group_sync {
    std::vector<std::string> owned;  // every group the mapping can give
    std::vector<std::string> target; // the groups the user's roles map to now
};

// The effects that rules collect during an evaluation; applied only when it passes.
struct effect_list {
    // Groups for the enrollment flow: given to the user being created.
    std::vector<std::string> enrollment_groups;

    std::vector<group_sync> syncs;

    // Top-level attributes to replace.
    boost::json::object attributes;

    std::vector<event> events;
};

} // namespace guildgate
