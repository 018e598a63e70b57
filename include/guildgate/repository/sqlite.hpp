#pragma once

#include <guildgate/repository/concept.hpp>
#include <guildgate/repository/detail/sqlite_handle.hpp>
#include <guildgate/repository/detail/sqlite_schema.hpp>
#include <guildgate/repository/detail/sqlite_statements.hpp>
#include <guildgate/repository/detail/validate_change.hpp>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guildgate {

struct sqlite_options {
    // Maximum time that a statement waits for another connection's lock before it fails
    // with SQLITE_BUSY, which apply() and find_user() report as repository_error.
    std::chrono::milliseconds busy_timeout{5000};
};

// A user_repository stored in a SQLite database file, for deployments where several
// processes or connections share the users and groups.
//
// Thread safety: the object owns one connection, and every member function locks one mutex
// around its use, so threads may share one object but its calls run one at a time. For
// parallel writers, open one object per thread or process on the same file: apply() runs in
// BEGIN IMMEDIATE, and INSERT ... ON CONFLICT DO NOTHING keeps users and groups unique.
//
// Reading does not write: opening a database that has the schema and calling find_user(),
// group_names() or user_count() leaves the file byte-for-byte unchanged, because files are
// created in SQLite's rollback journal mode (not WAL) and reads take only a shared lock.
// The exceptions are SQLite's own recovery, when a reader rolls back the hot journal of a
// writer that crashed mid-transaction, and a file that another program switched to WAL.
class sqlite_repository {
public:
    // Opens or creates the database at `path` (a file path, or ":memory:") and creates the
    // schema when missing. Throws repository_error when the file cannot be opened for
    // writing, is not a SQLite database or has a schema version from another release.
    explicit sqlite_repository(std::string path, sqlite_options options = {})
        : database_(detail::open_sqlite_database(std::move(path), options.busy_timeout)),
          statements_(database_)
    {}

    sqlite_repository(const sqlite_repository&) = delete;
    sqlite_repository& operator=(const sqlite_repository&) = delete;

    const std::string& path() const noexcept { return database_.path(); }

    // Returns the user with `discord_id`, or empty when there is none or the ID is invalid.
    // Does not write.
    std::optional<user_record> find_user(std::string_view discord_id) const
    {
        if (!detail::is_valid_discord_id(discord_id))
            return std::nullopt;

        // A deferred transaction reads the user and the groups from one snapshot. It takes
        // only a shared lock and writes nothing.
        std::lock_guard lock(mutex_);
        detail::sqlite_transaction transaction(statements_.begin_read, statements_.commit,
                                               statements_.rollback);
        std::optional<user_record> user = read_user(discord_id);
        transaction.commit();
        return user;
    }

    // Applies `change` in one BEGIN IMMEDIATE transaction, with the semantics that the
    // user_repository concept gives apply(). Throws repository_error on invalid input, which
    // writes nothing, and on any SQLite failure, after rolling back.
    applied_change apply(const change_set& change)
    {
        detail::validate_change(change);

        std::lock_guard lock(mutex_);
        detail::sqlite_transaction transaction(statements_.begin_write, statements_.commit,
                                               statements_.rollback);
        std::string user_subject = quote(change.discord_id);

        applied_change result;
        std::optional<user_record> before = read_user(change.discord_id);
        result.created = !before.has_value();
        if (result.created) {
            detail::sqlite_run(statements_.insert_user, user_subject)
                .bind(1, change.discord_id)
                .run();
            before = read_user(change.discord_id);
        }
        result.before = std::move(before).value();
        std::int64_t user_id = result.before.id;

        if (!change.username.empty()) {
            detail::sqlite_run(statements_.update_username, user_subject)
                .bind(1, user_id)
                .bind(2, change.username)
                .run();
        }

        for (const std::string& name : change.remove_groups) {
            std::string group_subject = quote(name);
            detail::sqlite_run(statements_.delete_membership, group_subject)
                .bind(1, user_id)
                .bind(2, name)
                .run();
        }

        for (const std::string& name : change.add_groups) {
            std::string group_subject = quote(name);
            detail::sqlite_run(statements_.insert_group, group_subject).bind(1, name).run();
            detail::sqlite_run(statements_.insert_membership, group_subject)
                .bind(1, user_id)
                .bind(2, name)
                .run();
        }

        if (!change.set_attributes.empty()) {
            boost::json::object attributes = result.before.attributes;
            for (const auto& attribute : change.set_attributes)
                attributes[attribute.key()] = attribute.value();
            detail::sqlite_run(statements_.update_attributes, user_subject)
                .bind(1, user_id)
                .bind(2, boost::json::serialize(attributes))
                .run();
        }

        result.after = read_user(change.discord_id).value();
        transaction.commit();
        return result;
    }

    // Returns the name of every group that exists, sorted by bytes. Does not write.
    std::vector<std::string> group_names() const
    {
        std::lock_guard lock(mutex_);

        std::vector<std::string> names;
        detail::sqlite_run run(statements_.select_group_names);
        while (run.next_row())
            names.push_back(run.text(0));
        return names;
    }

    // Returns the number of users. Does not write.
    std::size_t user_count() const
    {
        std::lock_guard lock(mutex_);

        detail::sqlite_run run(statements_.count_users);
        run.next_row();
        return static_cast<std::size_t>(run.integer(0));
    }

private:
    static std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

    // Reads the user inside the caller's transaction.
    std::optional<user_record> read_user(std::string_view discord_id) const
    {
        std::string user_subject = quote(discord_id);
        user_record user;
        user.discord_id = discord_id;

        {
            detail::sqlite_run run(statements_.select_user, user_subject);
            run.bind(1, discord_id);
            if (!run.next_row())
                return std::nullopt;
            user.id = run.integer(0);
            user.username = run.text(1);
            user.attributes = parse_attributes(run.text(2), user_subject);
        }

        detail::sqlite_run run(statements_.select_user_groups, user_subject);
        run.bind(1, user.id);
        while (run.next_row())
            user.groups.push_back(run.text(0));
        return user;
    }

    boost::json::object parse_attributes(std::string_view text,
                                         std::string_view user_subject) const
    {
        boost::system::error_code error;
        boost::json::value value = boost::json::parse(text, error);
        if (!error && value.is_object())
            return std::move(value.get_object());

        std::string reason = error ? error.message() : "the JSON value is not an object";
        throw repository_error("sqlite_repository: the users.attributes column of the user "
                               "with Discord ID " + std::string(user_subject) + " in \""
                               + database_.path() + "\" is invalid (" + reason + "); it must "
                               "contain a JSON object such as {}");
    }

    mutable std::mutex mutex_;
    detail::sqlite_database database_;
    mutable detail::sqlite_statements statements_;
};

} // namespace guildgate
