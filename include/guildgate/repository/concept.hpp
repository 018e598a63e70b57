#pragma once

#include <boost/json/object.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate {

// A user as the repository stores it. Groups are identified by their unique name (the key
// that role-to-group mappings use) and listed sorted.
struct user_record {
    std::int64_t id = 0;
    std::string discord_id;
    std::string username;
    std::vector<std::string> groups;
    boost::json::object attributes;
};

// Everything one passing login writes, applied as one transaction.
struct change_set {
    // The Discord user the change is for; the user is created when missing.
    std::string discord_id;

    // Stored as the user's name; empty leaves the stored name unchanged.
    std::string username;

    // Groups to take the user out of, then groups to put the user in (created when missing,
    // at most once per name even under concurrent logins).
    std::vector<std::string> remove_groups;
    std::vector<std::string> add_groups;

    // Top-level attribute keys to replace; other keys stay as they are.
    boost::json::object set_attributes;
};

// The user before and after a change_set was applied.
struct applied_change {
    bool created = false;
    user_record before; // empty groups and attributes when created
    user_record after;
};

// Thrown when the store fails; the transaction is rolled back and nothing is written.
class repository_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A store of users, groups and attributes.
//
// - find_user(discord_id): the user, or empty when none has that Discord ID.
// - apply(change): applies the whole change in one transaction or, on failure, nothing, and
//   throws repository_error.
template <class Repository>
concept user_repository = requires(Repository& repository, std::string_view discord_id,
                                   const change_set& change) {
    { repository.find_user(discord_id) } -> std::same_as<std::optional<user_record>>;
    { repository.apply(change) } -> std::same_as<applied_change>;
};

} // namespace guildgate
