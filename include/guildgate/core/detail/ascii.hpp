#pragma once

#include <cstddef>
#include <string_view>

namespace guildgate::detail {

// Compares two strings ignoring the case of ASCII letters, as HTTP header names and OAuth
// provider names are compared. Other bytes must match exactly.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] - 'A' + 'a') : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? char(b[i] - 'A' + 'a') : b[i];
        if (x != y)
            return false;
    }
    return true;
}

} // namespace guildgate::detail
