#pragma once

#include <guildgate/core/clock.hpp>

#include <thread>

namespace guildgate {

GUILDGATE_DECL void steady_clock_source::sleep_for(duration wait)
{
    std::this_thread::sleep_for(wait);
}

} // namespace guildgate
