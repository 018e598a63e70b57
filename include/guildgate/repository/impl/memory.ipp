#pragma once

#include <guildgate/repository/memory.hpp>

namespace guildgate {

GUILDGATE_DECL std::optional<user_record>
memory_repository::find_user(std::string_view discord_id) const
{
    std::lock_guard lock(mutex_);

    auto user = users_.find(discord_id);
    if (user == users_.end())
        return std::nullopt;
    return make_record(user->first, *user->second);
}

GUILDGATE_DECL applied_change memory_repository::apply(const change_set& change)
{
    detail::validate_change(change);

    std::lock_guard lock(mutex_);
    write_counter writes{std::exchange(fail_at_, 0)};

    // Stage: every write goes to `staged_user` and `new_groups`, never to the members.
    auto existing = users_.find(change.discord_id);
    applied_change result;
    result.created = existing == users_.end();

    auto staged_user = std::make_unique<user_entry>();
    if (result.created) {
        writes.step("create the user");
        staged_user->id = next_user_id_;
    } else {
        *staged_user = *existing->second;
    }
    result.before = make_record(change.discord_id, *staged_user);

    std::set<std::string, std::less<>> new_groups;
    stage_change(change, writes, *staged_user, new_groups);
    result.after = make_record(change.discord_id, *staged_user);

    std::map<std::string, std::unique_ptr<user_entry>, std::less<>> new_user;
    if (result.created)
        new_user.emplace(change.discord_id, std::move(staged_user));

    // Commit: merge() relinks nodes and swap() exchanges pointers, so nothing below
    // allocates or throws.
    groups_.merge(new_groups);
    if (result.created) {
        users_.merge(new_user);
        ++next_user_id_;
    } else {
        existing->second.swap(staged_user);
    }
    return result;
}

GUILDGATE_DECL std::vector<std::string> memory_repository::group_names() const
{
    std::lock_guard lock(mutex_);
    return {groups_.begin(), groups_.end()};
}

GUILDGATE_DECL std::size_t memory_repository::user_count() const
{
    std::lock_guard lock(mutex_);
    return users_.size();
}

GUILDGATE_DECL void memory_repository::fail_at(std::size_t n)
{
    std::lock_guard lock(mutex_);
    fail_at_ = n;
}

GUILDGATE_DECL void
memory_repository::stage_change(const change_set& change, write_counter& writes, user_entry& user,
                                std::set<std::string, std::less<>>& new_groups) const
{
    if (!change.username.empty()) {
        writes.step("store the username");
        user.username = change.username;
    }

    for (const std::string& name : change.remove_groups) {
        writes.step("remove a group membership");
        user.groups.erase(name);
    }

    for (const std::string& name : change.add_groups) {
        if (!groups_.contains(name) && !new_groups.contains(name)) {
            writes.step("create a group");
            new_groups.insert(name);
        }
        writes.step("add a group membership");
        user.groups.insert(name);
    }

    for (const auto& attribute : change.set_attributes) {
        writes.step("set an attribute");
        user.attributes[attribute.key()] = attribute.value();
    }
}

GUILDGATE_DECL user_record memory_repository::make_record(std::string_view discord_id,
                                                          const user_entry& user)
{
    return user_record{
        .id = user.id,
        .discord_id = std::string(discord_id),
        .username = user.username,
        .groups = {user.groups.begin(), user.groups.end()},
        .attributes = user.attributes,
    };
}

GUILDGATE_DECL memory_repository::memory_repository() = default;

GUILDGATE_DECL memory_repository::~memory_repository() = default;

} // namespace guildgate
