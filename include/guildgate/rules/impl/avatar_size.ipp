#pragma once

#include <guildgate/rules/avatar_size.hpp>

namespace guildgate {

GUILDGATE_DECL avatar_pixels avatar_pixels::from_int(long pixels)
{
    if (!detail::valid_avatar_size(pixels))
        throw std::invalid_argument("avatar size " + std::to_string(pixels) +
                                    " is not a power of two from 16 to 4096; use 64 for a "
                                    "small inline avatar");
    return avatar_pixels(static_cast<int>(pixels));
}

} // namespace guildgate
