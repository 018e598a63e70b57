#pragma once

#include <guildgate/rules/store_discord_attrs.hpp>

#include <boost/json/value.hpp>

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

GUILDGATE_DECL std::string store_discord_attrs_rule::describe() const
{
    return "store_discord_attrs(" + std::to_string(size_.value()) + " px)";
}

GUILDGATE_DECL void store_discord_attrs_rule::plan_effects(fetch_plan& plan,
                                                           const fetched_data& data,
                                                           const plan_context& context) const
{
    plan.need_avatar(discord::avatar_url(context.cdn_base, *data.current_user, size_.value()));
}

GUILDGATE_DECL void
store_discord_attrs_rule::collect_effects(const fetched_data& data, const plan_context& context,
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

} // namespace guildgate
