#pragma once

#include <guildgate/repository/detail/sqlite_handle.hpp>

#include <sqlite3.h>

namespace guildgate::detail {

// The prepared statements of one connection. Every value is a bound parameter. Each action
// reads as "failed to <action> <subject>" in error messages, where the subject is the
// quoted Discord ID or group name.
struct sqlite_statements {
    explicit sqlite_statements(const sqlite_database& database)
        : begin_read(database, "BEGIN", "begin a read transaction"),
          begin_write(database, "BEGIN IMMEDIATE", "begin a write transaction"),
          commit(database, "COMMIT", "commit the transaction"),
          rollback(database, "ROLLBACK", "roll back the transaction"),
          select_user(database,
                      "SELECT id, username, attributes FROM users WHERE discord_id = ?1",
                      "look up the user with Discord ID"),
          select_user_groups(database,
                             "SELECT groups.name FROM user_groups"
                             " JOIN groups ON groups.id = user_groups.group_id"
                             " WHERE user_groups.user_id = ?1 ORDER BY groups.name",
                             "read the groups of the user with Discord ID"),
          insert_user(database,
                      "INSERT INTO users (discord_id) VALUES (?1)"
                      " ON CONFLICT (discord_id) DO NOTHING",
                      "create the user with Discord ID"),
          update_username(database, "UPDATE users SET username = ?2 WHERE id = ?1",
                          "store the username of the user with Discord ID"),
          delete_membership(database,
                            "DELETE FROM user_groups WHERE user_id = ?1"
                            " AND group_id = (SELECT id FROM groups WHERE name = ?2)",
                            "remove the user from group"),
          insert_group(database,
                       "INSERT INTO groups (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
                       "create group"),
          // The WHERE clause is required, because without it SQLite would parse ON CONFLICT
          // as a join constraint of the SELECT.
          insert_membership(database,
                            "INSERT INTO user_groups (user_id, group_id)"
                            " SELECT ?1, id FROM groups WHERE name = ?2"
                            " ON CONFLICT DO NOTHING",
                            "add the user to group"),
          update_attributes(database, "UPDATE users SET attributes = ?2 WHERE id = ?1",
                            "store the attributes of the user with Discord ID"),
          select_group_names(database, "SELECT name FROM groups ORDER BY name",
                             "list the groups"),
          count_users(database, "SELECT count(*) FROM users", "count the users")
    {}

    sqlite_statement begin_read;
    sqlite_statement begin_write;
    sqlite_statement commit;
    sqlite_statement rollback;
    sqlite_statement select_user;
    sqlite_statement select_user_groups;
    sqlite_statement insert_user;
    sqlite_statement update_username;
    sqlite_statement delete_membership;
    sqlite_statement insert_group;
    sqlite_statement insert_membership;
    sqlite_statement update_attributes;
    sqlite_statement select_group_names;
    sqlite_statement count_users;
};

// A transaction that rolls back when destroyed before commit(), so that an exception at any
// step leaves the database as it was.
class sqlite_transaction {
public:
    sqlite_transaction(sqlite_statement& begin, sqlite_statement& commit,
                       sqlite_statement& rollback)
        : commit_(commit), rollback_(rollback)
    {
        sqlite_run(begin).run();
    }

    sqlite_transaction(const sqlite_transaction&) = delete;
    sqlite_transaction& operator=(const sqlite_transaction&) = delete;

    ~sqlite_transaction()
    {
        if (committed_)
            return;

        // After SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM, SQLite may already have rolled
        // back, and then ROLLBACK would fail. The rollback's own result is ignored because the
        // destructor runs while the original error propagates.
        sqlite3* connection = rollback_.database().get();
        if (sqlite3_get_autocommit(connection) == 0) {
            sqlite3_step(rollback_.get());
            sqlite3_reset(rollback_.get());
        }
    }

    // Commits. When COMMIT fails (SQLITE_BUSY after the busy timeout), throws, and the
    // destructor rolls back.
    void commit()
    {
        sqlite_run(commit_).run();
        committed_ = true;
    }

private:
    sqlite_statement& commit_;
    sqlite_statement& rollback_;
    bool committed_ = false;
};

} // namespace guildgate::detail
