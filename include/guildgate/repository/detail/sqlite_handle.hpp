#pragma once

#include <guildgate/repository/concept.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace guildgate::detail {

// Returns advice for the SQLite result codes whose fix the SQLite message does not give.
inline std::string_view sqlite_advice(int code) noexcept
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "; another connection held the lock for longer than the busy timeout, so retry, "
               "raise sqlite_options::busy_timeout or shorten the other connection's "
               "transactions";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
        return "; check that the directory exists and that the process may write the "
               "database file and create files next to it";
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return "; check that the path names a SQLite database that guildgate created";
    default:
        return "";
    }
}

// An open connection plus the path it was opened with, which error messages name.
class sqlite_database {
public:
    sqlite_database(std::string path, sqlite3* connection) noexcept
        : path_(std::move(path)), connection_(connection)
    {}

    sqlite3* get() const noexcept { return connection_.get(); }
    const std::string& path() const noexcept { return path_; }

    // Throws repository_error for result `code`, naming `action` (a verb phrase such as
    // "look up the user"), the path, the SQLite message and advice where there is some.
    [[noreturn]] void fail(int code, std::string_view action) const
    {
        const char* message = get() ? sqlite3_errmsg(get()) : sqlite3_errstr(code);
        throw repository_error("sqlite_repository: failed to " + std::string(action) + " in \""
                               + path_ + "\": " + message + " (SQLite result code "
                               + std::to_string(code) + ")" + std::string(sqlite_advice(code)));
    }

    // Runs `sql`, which must be fixed SQL without values (the schema script, BEGIN, COMMIT).
    void execute(const char* sql, std::string_view action) const
    {
        int code = sqlite3_exec(get(), sql, nullptr, nullptr, nullptr);
        if (code != SQLITE_OK)
            fail(code, action);
    }

private:
    // sqlite3_close_v2 defers the close until every statement is finalized, so the order in
    // which owners destroy connections and statements does not matter.
    struct closer {
        void operator()(sqlite3* connection) const noexcept { sqlite3_close_v2(connection); }
    };

    std::string path_;
    std::unique_ptr<sqlite3, closer> connection_;
};

// A prepared statement and the action that error messages name when it fails.
class sqlite_statement {
public:
    sqlite_statement(const sqlite_database& database, std::string_view sql, std::string action)
        : database_(&database), action_(std::move(action))
    {
        sqlite3_stmt* statement = nullptr;
        int code = sqlite3_prepare_v3(database.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        statement_.reset(statement);
        if (code != SQLITE_OK)
            database.fail(code, "prepare the statement to " + action_);
    }

    sqlite3_stmt* get() const noexcept { return statement_.get(); }
    const sqlite_database& database() const noexcept { return *database_; }
    const std::string& action() const noexcept { return action_; }

private:
    struct finalizer {
        void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
    };

    const sqlite_database* database_;
    std::string action_;
    std::unique_ptr<sqlite3_stmt, finalizer> statement_;
};

// One execution of a prepared statement. The destructor resets the statement and clears its
// bindings, so that the statement releases its read lock and can run again.
class sqlite_run {
public:
    // `subject` (for example a quoted group name) follows the statement's action in error
    // messages. It must outlive the run.
    explicit sqlite_run(sqlite_statement& statement, std::string_view subject = {}) noexcept
        : statement_(statement), subject_(subject)
    {}
    sqlite_run(const sqlite_run&) = delete;
    sqlite_run& operator=(const sqlite_run&) = delete;

    ~sqlite_run()
    {
        sqlite3_reset(statement_.get());
        sqlite3_clear_bindings(statement_.get());
    }

    // Binds `text` to parameter `index`, counting from 1. SQLite copies the bytes.
    sqlite_run& bind(int index, std::string_view text)
    {
        check(sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(),
                                  SQLITE_TRANSIENT, SQLITE_UTF8));
        return *this;
    }

    sqlite_run& bind(int index, std::int64_t value)
    {
        check(sqlite3_bind_int64(statement_.get(), index, value));
        return *this;
    }

    // Steps once. Returns true when a row is ready to read and false when the statement is done.
    bool next_row()
    {
        int code = sqlite3_step(statement_.get());
        if (code == SQLITE_ROW)
            return true;
        if (code != SQLITE_DONE)
            statement_.database().fail(code, describe(""));
        return false;
    }

    // Runs a statement that returns no rows to completion.
    void run()
    {
        while (next_row()) {
        }
    }

    std::int64_t integer(int column) const noexcept
    {
        return sqlite3_column_int64(statement_.get(), column);
    }

    // Returns the column as text, with NULL as an empty string.
    std::string text(int column) const
    {
        const unsigned char* bytes = sqlite3_column_text(statement_.get(), column);
        if (bytes == nullptr)
            return {};
        auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column));
        return std::string(reinterpret_cast<const char*>(bytes), size);
    }

private:
    void check(int code) const
    {
        if (code != SQLITE_OK)
            statement_.database().fail(code, describe("bind a parameter of the statement to "));
    }

    std::string describe(std::string_view prefix) const
    {
        std::string action = std::string(prefix) + statement_.action();
        if (!subject_.empty())
            action += " " + std::string(subject_);
        return action;
    }

    sqlite_statement& statement_;
    std::string_view subject_;
};

} // namespace guildgate::detail
