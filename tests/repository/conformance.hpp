#pragma once

// Conformance checks for any type that models guildgate::user_repository.
//
// Each check takes an empty repository and tests one part of the apply() and find_user()
// contract with Boost.Test assertions. To run every check on your own repository, give a
// fixture a default-constructible public member `repository` and write, in a Boost.Test
// translation unit:
//
//     struct my_fixture { my_repository repository; };
//     GUILDGATE_REPOSITORY_CONFORMANCE_SUITE(my_repository_conformance, my_fixture)
//
// When the repository also has `group_names()` (all groups, sorted) and `user_count()`, the
// checks that rejected input writes nothing compare those too.

#include <guildgate/repository/concept.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace guildgate::conformance {

template <class Repository>
concept lists_groups = requires(const Repository& repository) {
    { repository.group_names() } -> std::same_as<std::vector<std::string>>;
};

template <class Repository>
concept counts_users = requires(const Repository& repository) {
    { repository.user_count() } -> std::convertible_to<std::size_t>;
};

// Everything a check can observe of a repository: the listed users, plus the group names and
// the user count when the repository has those accessors (empty otherwise).
struct observed_state {
    std::vector<std::optional<user_record>> users;
    std::vector<std::string> groups;
    std::size_t user_count = 0;
};

template <user_repository Repository>
observed_state observe(Repository& repository, const std::vector<std::string>& discord_ids)
{
    observed_state state;
    for (const std::string& discord_id : discord_ids)
        state.users.push_back(repository.find_user(discord_id));

    if constexpr (lists_groups<Repository>)
        state.groups = repository.group_names();
    if constexpr (counts_users<Repository>)
        state.user_count = repository.user_count();
    return state;
}

inline void check_same_record(const user_record& actual, const user_record& expected)
{
    BOOST_TEST(actual.id == expected.id);
    BOOST_TEST(actual.discord_id == expected.discord_id);
    BOOST_TEST(actual.username == expected.username);
    BOOST_TEST(actual.groups == expected.groups, boost::test_tools::per_element());
    BOOST_TEST(actual.attributes == expected.attributes);
}

inline void check_same_state(const observed_state& actual, const observed_state& expected)
{
    BOOST_TEST_REQUIRE(actual.users.size() == expected.users.size());
    for (std::size_t i = 0; i < actual.users.size(); ++i) {
        BOOST_TEST_CONTEXT("user " << i)
        {
            BOOST_TEST(actual.users[i].has_value() == expected.users[i].has_value());
            if (actual.users[i] && expected.users[i])
                check_same_record(*actual.users[i], *expected.users[i]);
        }
    }
    BOOST_TEST(actual.groups == expected.groups, boost::test_tools::per_element());
    BOOST_TEST(actual.user_count == expected.user_count);
}

inline change_set change_for(std::string discord_id)
{
    change_set change;
    change.discord_id = std::move(discord_id);
    return change;
}

// The first apply() for a Discord ID creates the user with everything the change sets.
template <user_repository Repository>
void check_create_on_first_apply(Repository& repository)
{
    change_set change = change_for("100000000000000001");
    change.username = "alice";
    change.add_groups = {"members"};
    change.set_attributes = {{"locale", "en-GB"}};

    applied_change result = repository.apply(change);

    BOOST_TEST(result.created);
    BOOST_TEST(result.before.id == result.after.id);
    BOOST_TEST(result.before.discord_id == "100000000000000001");
    BOOST_TEST(result.before.username.empty());
    BOOST_TEST(result.before.groups.empty());
    BOOST_TEST(result.before.attributes.empty());
    BOOST_TEST(result.after.discord_id == "100000000000000001");
    BOOST_TEST(result.after.username == "alice");
    BOOST_TEST(result.after.groups == std::vector<std::string>{"members"},
               boost::test_tools::per_element());
    BOOST_TEST(result.after.attributes == (boost::json::object{{"locale", "en-GB"}}));

    std::optional<user_record> found = repository.find_user("100000000000000001");
    BOOST_TEST_REQUIRE(found.has_value());
    check_same_record(*found, result.after);
}

// A later apply() updates the existing user. created is false, the ID stays the same, and
// before equals the previous after.
template <user_repository Repository>
void check_second_apply_updates(Repository& repository)
{
    change_set first = change_for("100000000000000002");
    first.username = "bob";
    first.add_groups = {"members"};
    applied_change created = repository.apply(first);

    change_set second = change_for("100000000000000002");
    second.add_groups = {"staff"};
    applied_change updated = repository.apply(second);

    BOOST_TEST(!updated.created);
    BOOST_TEST(updated.after.id == created.after.id);
    check_same_record(updated.before, created.after);
    BOOST_TEST(updated.after.groups == (std::vector<std::string>{"members", "staff"}),
               boost::test_tools::per_element());

    std::optional<user_record> found = repository.find_user("100000000000000002");
    BOOST_TEST_REQUIRE(found.has_value());
    check_same_record(*found, updated.after);
}

// Different users get different IDs, and each user's ID is the same in every record.
template <user_repository Repository>
void check_ids_distinct(Repository& repository)
{
    applied_change first = repository.apply(change_for("100000000000000003"));
    applied_change second = repository.apply(change_for("100000000000000004"));
    applied_change first_again = repository.apply(change_for("100000000000000003"));

    BOOST_TEST(first.after.id != second.after.id);
    BOOST_TEST(first_again.after.id == first.after.id);
    BOOST_TEST(repository.find_user("100000000000000004").value().id == second.after.id);
}

// A non-empty username replaces the stored one, and an empty username leaves it unchanged.
template <user_repository Repository>
void check_username_update(Repository& repository)
{
    change_set rename = change_for("100000000000000005");
    rename.username = "carol";
    repository.apply(rename);
    rename.username = "carol.new";
    applied_change renamed = repository.apply(rename);

    BOOST_TEST(renamed.before.username == "carol");
    BOOST_TEST(renamed.after.username == "carol.new");

    applied_change unchanged = repository.apply(change_for("100000000000000005"));

    BOOST_TEST(unchanged.after.username == "carol.new");
    BOOST_TEST(repository.find_user("100000000000000005").value().username == "carol.new");
}

// set_attributes replaces whole top-level values and leaves the other keys untouched.
template <user_repository Repository>
void check_attributes_merge(Repository& repository)
{
    change_set first = change_for("100000000000000006");
    first.set_attributes = {
        {"locale", "en-GB"},
        {"profile", {{"colour", "blue"}, {"size", 3}}},
        {"roles", boost::json::array{"a", "b"}},
    };
    repository.apply(first);

    change_set second = change_for("100000000000000006");
    second.set_attributes = {
        {"profile", {{"colour", "red"}}},
        {"verified", true},
        {"score", 0.5},
        {"nothing", nullptr},
    };
    applied_change result = repository.apply(second);

    boost::json::object expected = {
        {"locale", "en-GB"},
        {"profile", {{"colour", "red"}}},
        {"roles", boost::json::array{"a", "b"}},
        {"verified", true},
        {"score", 0.5},
        {"nothing", nullptr},
    };
    BOOST_TEST(result.before.attributes == first.set_attributes);
    BOOST_TEST(result.after.attributes == expected);
    BOOST_TEST(repository.find_user("100000000000000006").value().attributes == expected);
}

// remove_groups runs before add_groups. Removing a group that the user is not in does
// nothing.
template <user_repository Repository>
void check_group_add_remove(Repository& repository)
{
    change_set first = change_for("100000000000000007");
    first.add_groups = {"alpha", "beta", "gamma"};
    repository.apply(first);

    change_set second = change_for("100000000000000007");
    second.remove_groups = {"alpha", "gamma", "not-a-member"};
    second.add_groups = {"gamma", "delta"};
    applied_change result = repository.apply(second);

    std::vector<std::string> expected = {"beta", "delta", "gamma"};
    BOOST_TEST(result.before.groups == (std::vector<std::string>{"alpha", "beta", "gamma"}),
               boost::test_tools::per_element());
    BOOST_TEST(result.after.groups == expected, boost::test_tools::per_element());
    BOOST_TEST(repository.find_user("100000000000000007").value().groups == expected,
               boost::test_tools::per_element());
    if constexpr (lists_groups<Repository>) {
        // Removing a membership keeps the group, and removing from a missing group creates
        // nothing.
        std::vector<std::string> groups = {"alpha", "beta", "delta", "gamma"};
        BOOST_TEST(repository.group_names() == groups, boost::test_tools::per_element());
    }
}

// A group is shared: removing one user from it leaves the other users in it.
template <user_repository Repository>
void check_group_shared(Repository& repository)
{
    change_set join = change_for("100000000000000008");
    join.add_groups = {"team"};
    repository.apply(join);
    join.discord_id = "100000000000000009";
    repository.apply(join);

    change_set leave = change_for("100000000000000008");
    leave.remove_groups = {"team"};
    repository.apply(leave);

    BOOST_TEST(repository.find_user("100000000000000008").value().groups.empty());
    BOOST_TEST(repository.find_user("100000000000000009").value().groups
                   == std::vector<std::string>{"team"},
               boost::test_tools::per_element());
}

// Groups are sorted by bytes (so "Z" < "a" < "\xc3\x84") and listed once.
template <user_repository Repository>
void check_groups_sorted_unique(Repository& repository)
{
    change_set change = change_for("100000000000000010");
    change.add_groups = {"\xc3\x84rzte", "beta", "Zeta", "alpha", "beta", "alpha"};
    applied_change result = repository.apply(change);

    std::vector<std::string> expected = {"Zeta", "alpha", "beta", "\xc3\x84rzte"};
    BOOST_TEST(result.after.groups == expected, boost::test_tools::per_element());
    BOOST_TEST(repository.find_user("100000000000000010").value().groups == expected,
               boost::test_tools::per_element());
}

// Values are stored byte for byte, including quotes and SQL syntax.
template <user_repository Repository>
void check_values_verbatim(Repository& repository)
{
    change_set change = change_for("100000000000000011");
    change.username = "o'brien\"; DROP TABLE users; --";
    change.add_groups = {"a'); DELETE FROM groups; --", "%_*", std::string(256, 'x')};
    change.set_attributes = {{"k\xc3\xa9y'\"", "v\nalue"}};
    applied_change result = repository.apply(change);

    std::optional<user_record> found = repository.find_user("100000000000000011");
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->username == change.username);
    std::vector<std::string> expected = {"%_*", "a'); DELETE FROM groups; --",
                                         std::string(256, 'x')};
    BOOST_TEST(found->groups == expected, boost::test_tools::per_element());
    BOOST_TEST(found->attributes == change.set_attributes);
    check_same_record(*found, result.after);
}

// The smallest and the largest Discord IDs are valid.
template <user_repository Repository>
void check_discord_id_limits(Repository& repository)
{
    for (std::string discord_id : {"0", "18446744073709551615"}) {
        BOOST_TEST_CONTEXT("discord_id \"" << discord_id << "\"")
        {
            applied_change result = repository.apply(change_for(discord_id));

            BOOST_TEST(result.created);
            BOOST_TEST(result.after.discord_id == discord_id);
            BOOST_TEST(repository.find_user(discord_id).has_value());
        }
    }
}

// An invalid Discord ID throws repository_error and writes nothing.
template <user_repository Repository>
void check_bad_discord_id_rejected(Repository& repository)
{
    repository.apply(change_for("100000000000000012"));
    observed_state before = observe(repository, {"100000000000000012"});

    for (std::string discord_id : {"", "12a", " 12", "12 ", "-12", "+12", "012", "1.5",
                                   "123456789012345678901", "18446744073709551616"}) {
        BOOST_TEST_CONTEXT("discord_id \"" << discord_id << "\"")
        {
            change_set change = change_for(discord_id);
            change.username = "mallory";
            change.add_groups = {"new-group"};
            BOOST_CHECK_THROW(repository.apply(change), repository_error);
            check_same_state(observe(repository, {"100000000000000012"}), before);
        }
    }
}

// An empty or over-long group name anywhere in the change throws repository_error and writes
// nothing, neither to an existing user nor by creating a new one.
template <user_repository Repository>
void check_bad_group_rejected(Repository& repository)
{
    change_set existing = change_for("100000000000000013");
    existing.username = "dave";
    existing.add_groups = {"members"};
    existing.set_attributes = {{"locale", "en-GB"}};
    repository.apply(existing);
    std::vector<std::string> ids = {"100000000000000013", "100000000000000014"};
    observed_state before = observe(repository, ids);

    std::vector<change_set> changes;
    for (const std::string& discord_id : ids) {
        change_set long_name = change_for(discord_id);
        long_name.username = "renamed";
        long_name.add_groups = {"first-new", std::string(257, 'x'), "last-new"};
        long_name.set_attributes = {{"locale", "fr-FR"}};
        changes.push_back(long_name);

        change_set empty_added = long_name;
        empty_added.add_groups = {"first-new", "", "last-new"};
        changes.push_back(empty_added);

        change_set empty_removed = long_name;
        empty_removed.add_groups = {"first-new"};
        empty_removed.remove_groups = {"members", ""};
        changes.push_back(empty_removed);
    }

    for (std::size_t i = 0; i < changes.size(); ++i) {
        BOOST_TEST_CONTEXT("change " << i)
        {
            BOOST_CHECK_THROW(repository.apply(changes[i]), repository_error);
            check_same_state(observe(repository, ids), before);
        }
    }
}

// The rejection message names the problem, so that a caller can fix the input.
template <user_repository Repository>
void check_rejection_message(Repository& repository)
{
    change_set change = change_for("100000000000000015");
    change.add_groups = {"ok", std::string(300, 'y')};

    try {
        repository.apply(change);
        BOOST_ERROR("apply() accepted a group name of 300 bytes");
    } catch (const repository_error& error) {
        std::string message = error.what();
        BOOST_TEST(message.find("300") != std::string::npos, message);
        BOOST_TEST(message.find("256") != std::string::npos, message);
    }
}

// find_user() returns empty for an unknown or invalid ID and creates nothing.
template <user_repository Repository>
void check_find_unknown(Repository& repository)
{
    repository.apply(change_for("100000000000000016"));
    observed_state before = observe(repository, {"100000000000000016"});

    BOOST_TEST(!repository.find_user("100000000000000017").has_value());
    BOOST_TEST(!repository.find_user("").has_value());
    BOOST_TEST(!repository.find_user("not-an-id").has_value());
    BOOST_TEST(!repository.find_user("0100000000000000016").has_value());
    check_same_state(observe(repository, {"100000000000000016"}), before);
}

} // namespace guildgate::conformance

#define GUILDGATE_REPOSITORY_CONFORMANCE_CASE(check)                                           \
    BOOST_AUTO_TEST_CASE(check) { ::guildgate::conformance::check_##check(repository); }

// Defines the Boost.Test suite `suite_name`, which runs every conformance check on the
// `repository` member of a fresh `Fixture`.
#define GUILDGATE_REPOSITORY_CONFORMANCE_SUITE(suite_name, Fixture)                            \
    BOOST_FIXTURE_TEST_SUITE(suite_name, Fixture)                                              \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(create_on_first_apply)                               \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(second_apply_updates)                                \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(ids_distinct)                                        \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(username_update)                                     \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(attributes_merge)                                    \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(group_add_remove)                                    \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(group_shared)                                        \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(groups_sorted_unique)                                \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(values_verbatim)                                     \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(discord_id_limits)                                   \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(bad_discord_id_rejected)                             \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(bad_group_rejected)                                  \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(rejection_message)                                   \
    GUILDGATE_REPOSITORY_CONFORMANCE_CASE(find_unknown)                                        \
    BOOST_AUTO_TEST_SUITE_END()
