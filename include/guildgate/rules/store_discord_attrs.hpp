#pragma once

#include <guildgate/core/requirements.hpp>
#include <guildgate/discord/avatar.hpp>
#include <guildgate/engine/effects.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/avatar_size.hpp>

#include <boost/json/value.hpp>

#include <string>

namespace guildgate {

namespace detail {

template <class Value>
boost::json::value to_json(const discord::field<Value>& field)
{
    if (!field.has_value())
        return nullptr;
    return boost::json::value(field.value());
}

} // namespace detail

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

    std::string describe() const
    {
        return "store_discord_attrs(" + std::to_string(size_.value()) + " px)";
    }

    void plan(fetch_plan& plan, const plan_context&) const { plan.need_current_user(); }

    step decide(const fetched_data&, const plan_context&) const
    {
        return step::allow("profile read");
    }

    void plan_effects(fetch_plan& plan, const fetched_data& data,
                      const plan_context& context) const
    {
        plan.need_avatar(discord::avatar_url(context.cdn_base, *data.current_user, size_.value()));
    }

    void collect_effects(const fetched_data& data, const plan_context& context,
                         effect_list& effects) const
    {
        const discord::user& who = *data.current_user;
        std::string avatar_url = discord::avatar_url(context.cdn_base, who, size_.value());

        effects.attributes["discord"] = boost::json::object{
            {"id", who.id},
            {"username", who.username},
            {"discriminator", who.discriminator.value_or("0")},
            {"global_name", detail::to_json(who.global_name)},
            {"email", detail::to_json(who.email)},
            {"verified", detail::to_json(who.verified)},
            {"avatar", detail::to_json(who.avatar)},
            {"avatar_url", avatar_url},
        };

        const auto& image = data.avatars.at(avatar_url);
        if (image.value) {
            effects.attributes["avatar"] = "data:" + image.value->mime_type + ";base64," +
                discord::base64_encode(image.value->bytes);
            return;
        }
        const discord::api_error& error = *image.error;
        effects.events.push_back(
            {"avatar_skipped",
             {{"route", error.route},
              {"kind", to_string(error.kind)},
              {"status", error.http_status},
              {"reason", error.detail}}});
    }

private:
    avatar_pixels size_;
};

// store_discord_attrs(avatar_size<64>), or store_discord_attrs(avatar_pixels::from_int(n)).
inline store_discord_attrs_rule store_discord_attrs(avatar_pixels size)
{
    return store_discord_attrs_rule(size);
}

} // namespace guildgate
