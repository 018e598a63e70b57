#pragma once

#include <guildgate/repository/concept.hpp>
#include <guildgate/repository/detail/sqlite_handle.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <string>
#include <utility>

namespace guildgate::detail {

// The schema version that sqlite_repository stores in PRAGMA user_version.
inline constexpr int sqlite_schema_version = 1;

// users.attributes contains a JSON object serialized by Boost.JSON. IF NOT EXISTS lets the
// script complete a database that has only some of the tables.
inline constexpr const char* sqlite_schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    discord_id TEXT UNIQUE NOT NULL,
    username TEXT,
    attributes TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS groups (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE NOT NULL
);
CREATE TABLE IF NOT EXISTS user_groups (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_groups_by_group ON user_groups (group_id);
PRAGMA user_version = 1;
)sql";

inline int read_schema_version(const sqlite_database& database)
{
    sqlite_statement statement(database, "PRAGMA user_version", "read the schema version");
    sqlite_run run(statement);
    run.next_row();
    return static_cast<int>(run.integer(0));
}

// Creates the schema when the database has none. Reading the version takes only a shared
// lock, so opening a database that already has the schema leaves the file unchanged.
inline void ensure_schema(const sqlite_database& database)
{
    int version = read_schema_version(database);
    if (version == 0) {
        database.execute("BEGIN IMMEDIATE", "begin the transaction that creates the schema");
        try {
            // Another connection may have created the schema while this one waited.
            if (read_schema_version(database) == 0)
                database.execute(sqlite_schema_sql, "create the schema");
            database.execute("COMMIT", "commit the schema");
        } catch (...) {
            if (sqlite3_get_autocommit(database.get()) == 0)
                sqlite3_exec(database.get(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        version = read_schema_version(database);
    }

    if (version != sqlite_schema_version)
        throw repository_error("sqlite_repository: the database \"" + database.path()
                               + "\" has schema version " + std::to_string(version)
                               + " (PRAGMA user_version), but this release of guildgate reads "
                               "version " + std::to_string(sqlite_schema_version)
                               + "; open it with the release that wrote it");
}

// Opens or creates the database at `path`, read-write, and creates the schema if missing.
// It leaves the journal mode as the file has it, which is SQLite's default rollback journal
// (journal_mode DELETE) for files that sqlite_repository creates.
inline sqlite_database open_sqlite_database(std::string path,
                                            std::chrono::milliseconds busy_timeout)
{
    if (path.empty())
        throw repository_error("sqlite_repository: the database path is empty; pass a file "
                               "path, or \":memory:\" for a database that the object owns");

    // Debian builds SQLite with SQLITE_USE_URI=1, which reads a name that starts with "file:"
    // as a URI. The "./" prefix keeps such a name a relative file path.
    std::string file_name = path.starts_with("file:") ? "./" + path : path;

    // The repository's mutex serializes every use of the connection, so SQLite's own
    // connection mutex is not needed.
    sqlite3* connection = nullptr;
    int code = sqlite3_open_v2(file_name.c_str(), &connection,
                               SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                               nullptr);
    sqlite_database database(std::move(path), connection);
    if (code != SQLITE_OK)
        database.fail(code, "open the database");

    sqlite3_extended_result_codes(database.get(), 1);
    auto timeout_ms = std::clamp<std::chrono::milliseconds::rep>(busy_timeout.count(), 0, INT_MAX);
    sqlite3_busy_timeout(database.get(), static_cast<int>(timeout_ms));

    // SQLite falls back to read-only when the file exists but the process may not write it.
    if (sqlite3_db_readonly(database.get(), "main") == 1)
        throw repository_error("sqlite_repository: failed to open \"" + database.path()
                               + "\" for writing: SQLite opened it read-only because the "
                               "process may not write the file; give the process write "
                               "access to the file and its directory");

    database.execute("PRAGMA foreign_keys = ON", "enable foreign key checks");
    ensure_schema(database);
    return database;
}

} // namespace guildgate::detail
