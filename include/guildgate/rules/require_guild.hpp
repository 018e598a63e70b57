#pragma once

#include <guildgate/core/requirements.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/detail/deny_message.hpp>

#include <string>
#include <string_view>

namespace guildgate {

// Allows members of one guild. Membership comes from the member route when the pipeline has
// the guilds.members.read scope (one request that later rules reuse), and otherwise from
// GET /users/@me/guilds, paged until the guild is found or a page is empty.
class require_guild_rule : public detail::deny_message_option<require_guild_rule> {
public:
    static constexpr scope_set scopes{};
    static constexpr bool needs_membership = true;
    static constexpr resource_set resources{};
    static constexpr effect_set effects{};

    require_guild_rule(snowflake guild, std::string guild_name)
        : guild_(guild.to_string()), guild_name_(std::move(guild_name))
    {
    }

    const std::string& guild_id() const noexcept { return guild_; }

    std::string describe() const { return "require_guild(" + guild_ + " \"" + guild_name_ + "\")"; }

    void plan(fetch_plan& plan, const plan_context& context) const
    {
        if (context.pipeline_scopes.contains(scope::guilds_members_read))
            plan.need_member(guild_);
        else
            plan.need_listed_guild(guild_);
    }

    step decide(const fetched_data& data, const plan_context&) const
    {
        if (data.in_guild(guild_))
            return step::allow("member of " + guild_ + " (" + guild_name_ + ")");
        return step::deny("not a member of " + guild_ + " (" + guild_name_ + ")",
                          deny_text("User is not a member of " + guild_name_ + "."));
    }

private:
    std::string guild_;
    std::string guild_name_;
};

// require_guild("812345678901234567"_snowflake, "Example Guild").
inline require_guild_rule require_guild(snowflake guild, std::string guild_name)
{
    return {guild, std::move(guild_name)};
}

// The same with an ID from configuration; throws invalid_snowflake when it is not one.
inline require_guild_rule require_guild(std::string_view guild_id, std::string guild_name)
{
    return {snowflake::from_string(guild_id, "require_guild: the guild ID"), std::move(guild_name)};
}

} // namespace guildgate
