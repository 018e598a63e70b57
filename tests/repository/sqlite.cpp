#include <guildgate/repository/sqlite.hpp>

#define BOOST_TEST_MODULE repository_sqlite
#include <boost/test/unit_test.hpp>

#include "conformance.hpp"
#include "sqlite_test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using guildgate::applied_change;
using guildgate::change_set;
using guildgate::repository_error;
using guildgate::sqlite_options;
using guildgate::sqlite_repository;
using guildgate::user_record;
using guildgate::conformance::change_for;
using guildgate::conformance::check_same_record;
using guildgate::test::hash_file;
using guildgate::test::raw_connection;
using guildgate::test::temporary_directory;

static_assert(guildgate::user_repository<sqlite_repository>);

struct sqlite_memory_fixture {
    sqlite_repository repository{":memory:"};
};

struct sqlite_file_fixture {
    temporary_directory directory;
    sqlite_repository repository{directory.file("users.db")};
};

// A directory holding users.db with two users and three groups, written and closed.
struct populated_fixture {
    populated_fixture()
    {
        sqlite_repository repository(path);
        change_set change = change_for("300000000000000001");
        change.username = "heidi";
        change.add_groups = {"members", "staff"};
        change.set_attributes = {{"locale", "en-GB"}};
        stored = repository.apply(change).after;

        change = change_for("300000000000000002");
        change.add_groups = {"members", "guests"};
        repository.apply(change);
    }

    temporary_directory directory;
    std::string path = directory.file("users.db");
    user_record stored;
};

// Runs `action` and returns the repository_error message, or fails the test when none is
// thrown.
template <class Action>
std::string error_message(Action action)
{
    try {
        action();
    } catch (const repository_error& error) {
        return error.what();
    }
    BOOST_ERROR("no repository_error was thrown");
    return {};
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

boost::test_tools::assertion_result not_root(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result result(geteuid() != 0);
    result.message() << "root may write read-only files, so the test needs another user";
    return result;
}

} // namespace

GUILDGATE_REPOSITORY_CONFORMANCE_SUITE(sqlite_memory_conformance, sqlite_memory_fixture)
GUILDGATE_REPOSITORY_CONFORMANCE_SUITE(sqlite_file_conformance, sqlite_file_fixture)

BOOST_AUTO_TEST_SUITE(sqlite_repository_test)

BOOST_FIXTURE_TEST_CASE(reopen_keeps_data, populated_fixture)
{
    sqlite_repository reopened(path);

    std::optional<user_record> found = reopened.find_user("300000000000000001");
    BOOST_TEST_REQUIRE(found.has_value());
    check_same_record(*found, stored);
    BOOST_TEST(reopened.user_count() == 2u);
    BOOST_TEST(reopened.group_names()
                   == (std::vector<std::string>{"guests", "members", "staff"}),
               boost::test_tools::per_element());

    applied_change third = reopened.apply(change_for("300000000000000003"));
    BOOST_TEST(third.created);
    BOOST_TEST(third.after.id != stored.id);
}

BOOST_AUTO_TEST_CASE(new_file_schema)
{
    temporary_directory directory;
    std::string path = directory.file("users.db");
    sqlite_repository repository(path);
    repository.apply(change_for("300000000000000004"));

    raw_connection raw(path);
    BOOST_TEST(raw.query("PRAGMA user_version") == "1");
    BOOST_TEST(raw.query("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                         " AND name IN ('users', 'groups', 'user_groups')")
               == "3");
    BOOST_TEST(raw.query("PRAGMA journal_mode") == "delete");
    BOOST_TEST(directory.list() == std::vector<std::string>{"users.db"},
               boost::test_tools::per_element());
}

// Opening and reading must not write: the file's bytes and the directory stay the same, both
// while the repository is open and after it is closed.
BOOST_FIXTURE_TEST_CASE(reads_leave_file_unchanged, populated_fixture)
{
    std::uint64_t hash = hash_file(path);
    std::vector<std::string> files = directory.list();

    {
        sqlite_repository repository(path);
        BOOST_TEST(repository.find_user("300000000000000001").has_value());
        BOOST_TEST(!repository.find_user("300000000000000009").has_value());
        BOOST_TEST(!repository.find_user("not-an-id").has_value());
        BOOST_TEST(repository.group_names().size() == 3u);
        BOOST_TEST(repository.user_count() == 2u);

        BOOST_TEST(hash_file(path) == hash);
        BOOST_TEST(directory.list() == files, boost::test_tools::per_element());
    }

    BOOST_TEST(hash_file(path) == hash);
    BOOST_TEST(directory.list() == files, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(rejected_apply_leaves_file_unchanged, populated_fixture)
{
    sqlite_repository repository(path);
    std::uint64_t hash = hash_file(path);

    change_set change = change_for("300000000000000001");
    change.username = "renamed";
    change.add_groups = {"first-new", std::string(257, 'x'), "last-new"};
    BOOST_CHECK_THROW(repository.apply(change), repository_error);

    BOOST_TEST(hash_file(path) == hash);
    BOOST_TEST(directory.list() == std::vector<std::string>{"users.db"},
               boost::test_tools::per_element());
}

// A SQLite error in the middle of apply() (here a trigger that rejects one group) rolls back
// the user, username and groups that the same apply() had already written.
BOOST_FIXTURE_TEST_CASE(sqlite_failure_rolls_back, populated_fixture)
{
    raw_connection(path).execute(
        "CREATE TRIGGER reject_forbidden BEFORE INSERT ON groups WHEN NEW.name = 'forbidden'"
        " BEGIN SELECT RAISE(ABORT, 'group name rejected by the test trigger'); END");
    std::uint64_t hash = hash_file(path);
    sqlite_repository repository(path);

    for (std::string discord_id : {"300000000000000001", "300000000000000005"}) {
        BOOST_TEST_CONTEXT("discord_id " << discord_id)
        {
            change_set change = change_for(discord_id);
            change.username = "renamed";
            change.remove_groups = {"staff"};
            change.add_groups = {"allowed", "forbidden", "later"};
            change.set_attributes = {{"locale", "fr-FR"}};

            std::string message = error_message([&] { repository.apply(change); });

            BOOST_TEST(contains(message, "group name rejected by the test trigger"), message);
            BOOST_TEST(contains(message, "create group \"forbidden\""), message);
            BOOST_TEST(contains(message, path), message);
            BOOST_TEST(hash_file(path) == hash);
        }
    }

    check_same_record(repository.find_user("300000000000000001").value(), stored);
    BOOST_TEST(!repository.find_user("300000000000000005").has_value());
    BOOST_TEST(repository.group_names()
                   == (std::vector<std::string>{"guests", "members", "staff"}),
               boost::test_tools::per_element());

    // The failed transaction is closed, so the connection can write again.
    BOOST_CHECK_NO_THROW(repository.apply(change_for("300000000000000005")));
}

// While another connection holds the write lock, apply() fails once the busy timeout (here
// zero) runs out, and reads still work because they need only a shared lock.
BOOST_FIXTURE_TEST_CASE(write_lock_busy, populated_fixture)
{
    sqlite_options options{.busy_timeout = std::chrono::milliseconds{0}};
    sqlite_repository repository(path, options);
    raw_connection writer(path);
    writer.execute("BEGIN IMMEDIATE");

    std::string message =
        error_message([&] { repository.apply(change_for("300000000000000006")); });

    BOOST_TEST(contains(message, "begin a write transaction"), message);
    BOOST_TEST(contains(message, "database is locked"), message);
    BOOST_TEST(contains(message, "busy_timeout"), message);
    BOOST_TEST(repository.find_user("300000000000000001").has_value());

    writer.execute("ROLLBACK");
    BOOST_CHECK_NO_THROW(repository.apply(change_for("300000000000000006")));
}

// Two objects on one file, four threads each, log in the same new users at the same time.
// Every user and group must exist exactly once, and no membership or attribute may be lost.
BOOST_AUTO_TEST_CASE(concurrent_first_logins)
{
    temporary_directory directory;
    std::string path = directory.file("users.db");
    // The long timeout is an upper bound for lock waits, not a measured duration.
    sqlite_options options{.busy_timeout = std::chrono::seconds{60}};
    sqlite_repository first(path, options);
    sqlite_repository second(path, options);

    constexpr int thread_count = 8;
    constexpr int rounds = 10;
    std::latch start(thread_count);
    std::vector<std::atomic<int>> created(rounds);
    std::mutex errors_mutex;
    std::vector<std::string> errors;

    auto discord_id = [](int round) { return std::to_string(310000000000000000 + round); };

    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            sqlite_repository& repository = t % 2 == 0 ? first : second;
            std::string thread_name = "thread-" + std::to_string(t);
            start.arrive_and_wait();

            for (int round = 0; round < rounds; ++round) {
                change_set change = change_for(discord_id(round));
                change.add_groups = {"shared-a", "shared-b", "round-" + std::to_string(round),
                                     thread_name};
                change.set_attributes = {{thread_name, round}};
                try {
                    if (repository.apply(change).created)
                        ++created[static_cast<std::size_t>(round)];
                } catch (const repository_error& error) {
                    std::lock_guard lock(errors_mutex);
                    errors.push_back(error.what());
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();

    BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front()));
    raw_connection raw(path);
    BOOST_TEST(raw.query("SELECT count(*) FROM users") == std::to_string(rounds));
    BOOST_TEST(raw.query("SELECT count(*) FROM groups")
               == std::to_string(2 + rounds + thread_count));
    BOOST_TEST(raw.query("SELECT count(DISTINCT name) FROM groups")
               == std::to_string(2 + rounds + thread_count));

    for (int round = 0; round < rounds; ++round) {
        BOOST_TEST_CONTEXT("round " << round)
        {
            BOOST_TEST(created[static_cast<std::size_t>(round)].load() == 1);
            user_record user = first.find_user(discord_id(round)).value();
            BOOST_TEST(user.groups.size() == std::size_t{3 + thread_count});
            BOOST_TEST(user.attributes.size() == std::size_t{thread_count});
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_directory_rejected)
{
    temporary_directory directory;
    std::string path = directory.file("missing/users.db");

    std::string message = error_message([&] { sqlite_repository repository(path); });

    BOOST_TEST(contains(message, "open the database"), message);
    BOOST_TEST(contains(message, path), message);
    BOOST_TEST(!std::filesystem::exists(directory.path() / "missing"));
}

BOOST_AUTO_TEST_CASE(directory_path_rejected)
{
    temporary_directory directory;

    BOOST_CHECK_THROW(sqlite_repository repository(directory.path().string()), repository_error);
}

BOOST_AUTO_TEST_CASE(empty_path_rejected)
{
    std::string message = error_message([&] { sqlite_repository repository(""); });

    BOOST_TEST(contains(message, "path is empty"), message);
}

BOOST_AUTO_TEST_CASE(not_a_database_rejected)
{
    temporary_directory directory;
    std::string path = directory.file("notes.txt");
    std::ofstream(path) << std::string(2048, 'n');
    std::uint64_t hash = hash_file(path);

    std::string message = error_message([&] { sqlite_repository repository(path); });

    BOOST_TEST(contains(message, "not a database"), message);
    BOOST_TEST(hash_file(path) == hash);
}

BOOST_FIXTURE_TEST_CASE(newer_schema_rejected, populated_fixture)
{
    raw_connection(path).execute("PRAGMA user_version = 2");

    std::string message = error_message([&] { sqlite_repository repository(path); });

    BOOST_TEST(contains(message, "schema version 2"), message);
}

BOOST_FIXTURE_TEST_CASE(invalid_attributes_rejected, populated_fixture)
{
    raw_connection(path).execute("UPDATE users SET attributes = '[1]'");
    sqlite_repository repository(path);

    std::string message = error_message([&] { repository.find_user("300000000000000001"); });

    BOOST_TEST(contains(message, "users.attributes"), message);
    BOOST_TEST(contains(message, "\"300000000000000001\""), message);
}

BOOST_FIXTURE_TEST_CASE(read_only_file_rejected, populated_fixture,
                        *boost::unit_test::precondition(not_root))
{
    std::filesystem::permissions(path, std::filesystem::perms::owner_read);
    std::uint64_t hash = hash_file(path);

    std::string message = error_message([&] { sqlite_repository repository(path); });

    BOOST_TEST(contains(message, "read-only"), message);
    BOOST_TEST(hash_file(path) == hash);
}

// Debian's SQLite reads a name starting with "file:" as a URI, but the repository keeps it a
// file path.
BOOST_AUTO_TEST_CASE(file_prefix_is_path)
{
    temporary_directory directory;
    std::filesystem::path previous = std::filesystem::current_path();
    std::filesystem::current_path(directory.path());

    try {
        sqlite_repository repository("file:users.db?mode=ro");
        repository.apply(change_for("300000000000000007"));
    } catch (...) {
        std::filesystem::current_path(previous);
        throw;
    }
    std::filesystem::current_path(previous);

    BOOST_TEST(directory.list() == std::vector<std::string>{"file:users.db?mode=ro"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
