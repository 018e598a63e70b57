#pragma once

#include <guildgate/config.hpp>
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

    void record(const discord::api_error& error);

    // Writes one line for every error that repeated since it was last written.
    void flush();

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

    static std::string describe(const discord::api_error& error);

    sink write_;
    std::chrono::seconds interval_;
    std::shared_ptr<clock_source> clock_;
    std::mutex mutex_;
    std::map<key_type, entry> counts_;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/error_log.ipp>
#endif
