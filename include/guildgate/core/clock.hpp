#pragma once

#include <guildgate/config.hpp>

#include <chrono>
#include <mutex>

namespace guildgate {

// The time source behind deadlines, backoff and rate-limit waits. Tests replace it with
// manual_clock so that waits are checked without sleeping.
class clock_source {
public:
    using duration = std::chrono::steady_clock::duration;
    using time_point = std::chrono::steady_clock::time_point;

    virtual ~clock_source() = default;
    virtual time_point now() = 0;
    virtual void sleep_for(duration wait) = 0;
};

// The real steady clock.
class steady_clock_source final : public clock_source {
public:
    time_point now() override { return std::chrono::steady_clock::now(); }
    void sleep_for(duration wait) override;
};

// A clock that moves only through advance() or when code sleeps on it. Thread-safe.
class manual_clock final : public clock_source {
public:
    time_point now() override
    {
        std::lock_guard lock(mutex_);
        return now_;
    }

    void sleep_for(duration wait) override { advance(wait); }

    void advance(duration step)
    {
        std::lock_guard lock(mutex_);
        now_ += step;
        slept_ += step;
    }

    // The total time that code slept or that advance() moved the clock.
    duration total_slept()
    {
        std::lock_guard lock(mutex_);
        return slept_;
    }

private:
    std::mutex mutex_;
    time_point now_{std::chrono::hours(1)};
    duration slept_{};
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/core/impl/clock.ipp>
#endif
