#pragma once

#include <guildgate/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate {

// One OAuth2 scope that a guildgate rule can need.
enum class scope : std::uint8_t {
    identify = 1 << 0,            // GET /users/@me without email
    email = 1 << 1,               // adds email and verified to GET /users/@me
    guilds = 1 << 2,              // GET /users/@me/guilds
    guilds_members_read = 1 << 3, // GET /users/@me/guilds/{guild.id}/member
};

// A set of OAuth2 scopes, usable in constant expressions.
class scope_set {
public:
    constexpr scope_set() noexcept = default;
    constexpr scope_set(scope one) noexcept : bits_(static_cast<std::uint8_t>(one)) {}

    constexpr bool contains(scope one) const noexcept
    {
        return (bits_ & static_cast<std::uint8_t>(one)) != 0;
    }

    constexpr bool contains(scope_set other) const noexcept
    {
        return (bits_ & other.bits_) == other.bits_;
    }

    constexpr bool empty() const noexcept { return bits_ == 0; }

    constexpr std::uint8_t bits() const noexcept { return bits_; }

    friend constexpr scope_set operator|(scope_set a, scope_set b) noexcept
    {
        return from_bits(a.bits_ | b.bits_);
    }

    // The scopes of `a` that `b` lacks.
    friend constexpr scope_set operator-(scope_set a, scope_set b) noexcept
    {
        return from_bits(a.bits_ & ~b.bits_);
    }

    friend constexpr bool operator==(scope_set, scope_set) noexcept = default;

private:
    static constexpr scope_set from_bits(unsigned bits) noexcept
    {
        scope_set set;
        set.bits_ = static_cast<std::uint8_t>(bits);
        return set;
    }

    std::uint8_t bits_ = 0;
};

constexpr scope_set operator|(scope a, scope b) noexcept
{
    return scope_set{a} | scope_set{b};
}

inline constexpr scope all_scopes[] = {scope::identify, scope::email, scope::guilds,
                                       scope::guilds_members_read};

// Returns Discord's spelling of a scope, as written in the OAuth2 `scope` parameter.
constexpr std::string_view scope_name(scope one) noexcept
{
    switch (one) {
    case scope::identify: return "identify";
    case scope::email: return "email";
    case scope::guilds: return "guilds";
    case scope::guilds_members_read: return "guilds.members.read";
    }
    return "";
}

// Returns the scopes space-separated, in a fixed order, as the OAuth2 source expects them.
GUILDGATE_DECL std::string to_string(scope_set set);

// Returns the scope names of `set`, one per element, in the order of to_string.
GUILDGATE_DECL std::vector<std::string> scope_names(scope_set set);

// Parses a token response's space-separated `scope` string as a set, in any order.
// Scopes that guildgate does not use (bot, connections, ...) are ignored.
constexpr scope_set parse_scopes(std::string_view text) noexcept
{
    scope_set set;
    while (!text.empty()) {
        auto start = text.find_first_not_of(' ');
        if (start == std::string_view::npos)
            break;
        text.remove_prefix(start);
        auto end = text.find(' ');
        auto word = text.substr(0, end);
        for (scope one : all_scopes)
            if (word == scope_name(one))
                set = set | one;
        text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    }
    return set;
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/core/impl/scope.ipp>
#endif
