#pragma once

#include <guildgate/config.hpp>

#include <stdexcept>
#include <string>

namespace guildgate {

namespace detail {

constexpr bool valid_avatar_size(long pixels) noexcept
{
    return pixels >= 16 && pixels <= 4096 && (pixels & (pixels - 1)) == 0;
}

} // namespace detail

// The edge length in pixels of a downloaded avatar: a power of two from 16 to 4096, the sizes
// Discord's CDN serves.
class avatar_pixels {
public:
    // From configuration: throws std::invalid_argument when `pixels` is not a valid size.
    static avatar_pixels from_int(long pixels);

    constexpr int value() const noexcept { return pixels_; }

private:
    template <int Pixels>
    friend struct avatar_size_t;

    constexpr explicit avatar_pixels(int pixels) noexcept : pixels_(pixels) {}

    int pixels_;
};

// A size checked at compile time: avatar_size<64>.
template <int Pixels>
struct avatar_size_t {
    static_assert(detail::valid_avatar_size(Pixels),
                  "guildgate::avatar_size<N>: N must be a power of two from 16 to 4096, the "
                  "sizes Discord's CDN serves; use 64 for a small inline avatar");

    static constexpr int value = Pixels;

    constexpr operator avatar_pixels() const noexcept { return avatar_pixels(Pixels); }
};

template <int Pixels>
inline constexpr avatar_size_t<Pixels> avatar_size{};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/avatar_size.ipp>
#endif
