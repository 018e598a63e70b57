#pragma once

#include <cstdint>

namespace guildgate {

// A Discord resource that rules read. A pipeline's set of them is a compile-time constant.
enum class resource : std::uint8_t {
    current_user = 1 << 0, // GET /users/@me
    guild_list = 1 << 1,   // GET /users/@me/guilds, paged
    guild_member = 1 << 2, // GET /users/@me/guilds/{id}/member
    avatar = 1 << 3,       // the avatar image on the CDN
};

// An effect that a rule may produce when the pipeline passes.
enum class effect : std::uint8_t {
    groups = 1 << 0,     // adds or removes group memberships
    attributes = 1 << 1, // writes user attributes
};

// A small constexpr bit set over one of the enums above.
template <class Flag>
class flag_set {
public:
    constexpr flag_set() noexcept = default;
    constexpr flag_set(Flag one) noexcept : bits_(static_cast<std::uint8_t>(one)) {}

    constexpr bool contains(Flag one) const noexcept
    {
        return (bits_ & static_cast<std::uint8_t>(one)) != 0;
    }

    constexpr bool empty() const noexcept { return bits_ == 0; }

    friend constexpr flag_set operator|(flag_set a, flag_set b) noexcept
    {
        flag_set set;
        set.bits_ = static_cast<std::uint8_t>(a.bits_ | b.bits_);
        return set;
    }

    friend constexpr bool operator==(flag_set, flag_set) noexcept = default;

private:
    std::uint8_t bits_ = 0;
};

using resource_set = flag_set<resource>;
using effect_set = flag_set<effect>;

constexpr resource_set operator|(resource a, resource b) noexcept
{
    return resource_set{a} | resource_set{b};
}

constexpr effect_set operator|(effect a, effect b) noexcept
{
    return effect_set{a} | effect_set{b};
}

} // namespace guildgate
