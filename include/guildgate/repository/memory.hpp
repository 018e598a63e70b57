#pragma once

#include <guildgate/config.hpp>
#include <guildgate/repository/concept.hpp>
#include <guildgate/repository/detail/validate_change.hpp>

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guildgate {

// A user_repository that keeps users and groups in process memory, for tests and for
// deployments that need no persistence.
//
// Thread safety: every member function locks one mutex, so threads may share one object.
//
// apply() builds the change on a copy of the user's entry and a set of new group names, then
// commits them with node moves and a pointer swap, which do not allocate. An exception at any
// step before the commit (validation, an injected failure, std::bad_alloc) therefore leaves
// the repository as it was.
class memory_repository {
public:
    memory_repository();
    ~memory_repository();
    memory_repository(const memory_repository&) = delete;
    memory_repository& operator=(const memory_repository&) = delete;

    // Returns the user with `discord_id`, or empty when there is none. Never writes.
    std::optional<user_record> find_user(std::string_view discord_id) const;

    // Applies `change` as one transaction; see the user_repository concept for the semantics.
    // Throws repository_error on invalid input or an injected failure, writing nothing.
    applied_change apply(const change_set& change);

    // Returns the name of every group that exists, sorted by bytes.
    std::vector<std::string> group_names() const;

    std::size_t user_count() const;

    // Test hook: the next apply() that passes validation throws repository_error at its
    // n-th write operation, counting from 1. That apply() uses up the hook even when it makes
    // fewer than n writes, and n = 0 disarms it. The write operations, in order: creating the
    // user, storing the username, each entry of remove_groups, then for each entry of
    // add_groups creating the group when missing and adding the membership, then each key of
    // set_attributes.
    void fail_at(std::size_t n);

private:
    struct user_entry {
        std::int64_t id = 0;
        std::string username;
        std::set<std::string, std::less<>> groups;
        boost::json::object attributes;
    };

    // Counts the write operations of one apply() and throws at the one that fail_at() chose.
    struct write_counter {
        std::size_t fail_at = 0;
        std::size_t count = 0;

        void step(std::string_view operation)
        {
            ++count;
            if (count == fail_at)
                throw repository_error("memory_repository: injected failure at write operation "
                                       + std::to_string(count) + " (" + std::string(operation)
                                       + "), armed by fail_at(); nothing was written");
        }
    };

    void stage_change(const change_set& change, write_counter& writes, user_entry& user,
                      std::set<std::string, std::less<>>& new_groups) const;

    static user_record make_record(std::string_view discord_id, const user_entry& user);

    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<user_entry>, std::less<>> users_;
    std::set<std::string, std::less<>> groups_;
    std::int64_t next_user_id_ = 1;
    std::size_t fail_at_ = 0;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/repository/impl/memory.ipp>
#endif
