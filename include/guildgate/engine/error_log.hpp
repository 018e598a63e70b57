#pragma once

#include <guildgate/core/clock.hpp>
#include <guildgate/discord/api_error.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace guildgate {

// Writes evaluation errors to a log sink with identical errors counted, not logged one line
// each. Errors are identical when kind, HTTP status, JSON code and route match. The first one
// is logged at once. Repeats are counted, and the count is written as one line when the error
// comes again after `interval` has passed, or on flush(). Lines never contain a token,
// because api_error never does. Thread-safe.
class error_log {
public:
    using sink = std::function<void(std::string_view line)>;

    explicit error_log(sink write, std::chrono::seconds interval = std::chrono::seconds(60),
                       std::shared_ptr<clock_source> clock = std::make_shared<steady_clock_source>())
        : write_(std::move(write)), interval_(interval), clock_(std::move(clock))
    {
    }

    error_log(const error_log&) = delete;
    error_log& operator=(const error_log&) = delete;

    ~error_log() { flush(); }

    void record(const discord::api_error& error)
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

    // Writes one line for every error that repeated since it was last written.
    void flush()
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

private:
    using key_type =
        std::tuple<error_kind, int, std::optional<std::int64_t>, std::string>;

    struct entry {
        clock_source::time_point since;
        std::size_t repeats = 0;
    };

    static long seconds(clock_source::duration elapsed)
    {
        return static_cast<long>(
            std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());
    }

    static std::string describe(const discord::api_error& error)
    {
        std::string line = "guildgate: Discord error kind=" + std::string(to_string(error.kind)) +
            " status=" + std::to_string(error.http_status) + " code=" +
            (error.discord_code ? std::to_string(*error.discord_code) : std::string("none")) +
            " route=\"" + error.route + "\"";
        if (!error.detail.empty())
            line += ": " + error.detail;
        return line;
    }

    sink write_;
    std::chrono::seconds interval_;
    std::shared_ptr<clock_source> clock_;
    std::mutex mutex_;
    std::map<key_type, entry> counts_;
};

} // namespace guildgate
