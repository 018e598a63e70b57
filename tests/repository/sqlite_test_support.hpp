#pragma once

// Helpers for the sqlite_repository tests: a temporary directory, file hashes and a plain
// SQLite connection that inspects or changes a database behind the repository's back.

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::test {

// A new directory under the system temporary directory, removed with its contents on
// destruction.
class temporary_directory {
public:
    temporary_directory()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "guildgate-repository-XXXXXX")
                           .string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed for \"" + pattern
                                     + "\": " + std::strerror(errno));
        path_ = pattern;
    }

    temporary_directory(const temporary_directory&) = delete;
    temporary_directory& operator=(const temporary_directory&) = delete;

    ~temporary_directory()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }

    const std::filesystem::path& path() const noexcept { return path_; }

    std::string file(std::string_view name) const { return (path_ / name).string(); }

    // Returns the names of the entries in the directory, sorted.
    std::vector<std::string> list() const
    {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(path_))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("failed to open \"" + path + "\" for reading");
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Returns the 64-bit FNV-1a hash of the file's bytes.
inline std::uint64_t hash_file(const std::string& path)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char byte : read_file(path)) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

// A plain connection that bypasses the repository, for checks and for setting up faults.
class raw_connection {
public:
    explicit raw_connection(const std::string& path)
    {
        int code = sqlite3_open_v2(path.c_str(), &connection_, SQLITE_OPEN_READWRITE, nullptr);
        if (code != SQLITE_OK) {
            std::string message = connection_ ? sqlite3_errmsg(connection_)
                                              : sqlite3_errstr(code);
            sqlite3_close_v2(connection_);
            throw std::runtime_error("failed to open \"" + path + "\": " + message);
        }
    }

    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;

    ~raw_connection() { sqlite3_close_v2(connection_); }

    void execute(const char* sql)
    {
        if (sqlite3_exec(connection_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("\"") + sql + "\" failed: "
                                     + sqlite3_errmsg(connection_));
    }

    // Returns the first column of the first row of `sql` as text.
    std::string query(const char* sql)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(connection_, sql, -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("\"") + sql + "\" failed: "
                                     + sqlite3_errmsg(connection_));

        std::string result;
        std::string error;
        int code = sqlite3_step(statement);
        if (code == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(statement, 0);
            result = text ? reinterpret_cast<const char*>(text) : "";
        } else {
            error = code == SQLITE_DONE ? "returned no row" : sqlite3_errmsg(connection_);
        }
        sqlite3_finalize(statement);

        if (!error.empty())
            throw std::runtime_error(std::string("\"") + sql + "\" failed: " + error);
        return result;
    }

private:
    sqlite3* connection_ = nullptr;
};

} // namespace guildgate::test
