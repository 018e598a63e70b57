#pragma once

#include <cstddef>
#include <string_view>

namespace guildgate::detail {

// A string usable as a C++20 class-type template argument, so literal operators can check
// their text at compile time and report failures with static_assert.
template <std::size_t N>
struct fixed_string {
    char chars[N]{};

    constexpr fixed_string(const char (&text)[N]) noexcept
    {
        for (std::size_t i = 0; i < N; ++i)
            chars[i] = text[i];
    }

    constexpr std::size_t size() const noexcept { return N - 1; }

    constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
};

} // namespace guildgate::detail
