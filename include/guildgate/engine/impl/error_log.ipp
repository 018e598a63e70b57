#pragma once

#include <guildgate/engine/error_log.hpp>

namespace guildgate {

GUILDGATE_DECL void error_log::record(const discord::api_error& error)
{
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    auto key = key_type{error.kind, error.http_status, error.discord_code, error.route};
    auto it = counts_.find(key);
    if (it == counts_.end()) {
        counts_.emplace(key, entry{now, 0});
        write_(describe(error));
        return;
    }

    ++it->second.repeats;
    if (now - it->second.since >= interval_) {
        write_(describe(error) + " (repeated " + std::to_string(it->second.repeats) +
               " times in " + std::to_string(seconds(now - it->second.since)) + " s)");
        it->second = entry{now, 0};
    }
}

GUILDGATE_DECL void error_log::flush()
{
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    for (auto& [key, counted] : counts_) {
        if (counted.repeats == 0)
            continue;
        discord::api_error error{std::get<0>(key), std::get<1>(key), std::get<2>(key),
                                 std::get<3>(key), std::nullopt, {}};
        write_(describe(error) + " (repeated " + std::to_string(counted.repeats) +
               " times in " + std::to_string(seconds(now - counted.since)) + " s)");
        counted = entry{now, 0};
    }
}

GUILDGATE_DECL std::string error_log::describe(const discord::api_error& error)
{
    // A storage error comes from the repository, not from Discord.
    std::string source = error.kind == error_kind::storage ? "storage" : "Discord";
    std::string line = "guildgate: " + source + " error kind=" + std::string(to_string(error.kind)) +
        " status=" + std::to_string(error.http_status) + " code=" +
        (error.discord_code ? std::to_string(*error.discord_code) : std::string("none")) +
        " route=\"" + error.route + "\"";
    if (!error.detail.empty())
        line += ": " + error.detail;

    // One error is one line: a line break in a route or detail must not forge another.
    for (char& c : line)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return line;
}

} // namespace guildgate
