#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/discord/avatar.hpp>
#include <guildgate/engine/effects.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/avatar_size.hpp>

#include <string>

namespace guildgate {

// Stores the Discord profile as attributes.discord (id, username, discriminator, global_name,
// email, verified, avatar, avatar_url) and the avatar image as attributes.avatar, a
// data:image/...;base64 URI. The avatar is downloaded only after every gate passed, from the
// CDN without the token, and stored only after its status, size and image signature check
// out; otherwise attributes.avatar keeps its old value and an avatar_skipped event gives the reason.
// The email is stored when the token has the email scope, and is null otherwise.
class store_discord_attrs_rule {
public:
    static constexpr scope_set scopes{scope::identify};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{resource::current_user | resource::avatar};
    static constexpr effect_set effects{effect::attributes};

    explicit store_discord_attrs_rule(avatar_pixels size) : size_(size) {}

    int avatar_size() const noexcept { return size_.value(); }

    std::string describe() const;

    void plan(fetch_plan& plan, const plan_context&) const { plan.need_current_user(); }

    step decide(const fetched_data&, const plan_context&) const
    {
        return step::allow("profile read");
    }

    void plan_effects(fetch_plan& plan, const fetched_data& data,
                      const plan_context& context) const;

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const;

private:
    avatar_pixels size_;
};

// store_discord_attrs(avatar_size<64>), or store_discord_attrs(avatar_pixels::from_int(n)).
inline store_discord_attrs_rule store_discord_attrs(avatar_pixels size)
{
    return store_discord_attrs_rule(size);
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/store_discord_attrs.ipp>
#endif
