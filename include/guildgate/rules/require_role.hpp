#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/detail/deny_message.hpp>
#include <guildgate/rules/detail/member_status.hpp>

#include <string>
#include <string_view>

namespace guildgate {

// Allows members of a guild who hold one role, read from the member route. A 404 with code
// 10004 there means "not a member" (a deny). The @everyone role, whose ID equals the guild's,
// is never listed in `roles`, so requiring it means "any member".
class require_role_rule : public detail::deny_message_option<require_role_rule> {
public:
    static constexpr scope_set scopes{scope::guilds_members_read};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{resource::guild_member};
    static constexpr effect_set effects{};

    require_role_rule(snowflake guild, snowflake role, std::string role_name,
                      std::string guild_name)
        : guild_(guild.to_string()),
          role_(role.to_string()),
          role_name_(std::move(role_name)),
          guild_name_(std::move(guild_name))
    {
    }

    // Returns a copy that also checks Membership Screening and timeouts as `requirements` specifies.
    require_role_rule with(member_requirements requirements) const
    {
        require_role_rule copy = *this;
        copy.requirements_ = requirements;
        return copy;
    }

    const std::string& guild_id() const noexcept { return guild_; }
    const std::string& role_id() const noexcept { return role_; }

    std::string describe() const;

    void plan(fetch_plan& plan, const plan_context&) const { plan.need_member(guild_); }

    step decide(const fetched_data& data, const plan_context&) const;

private:
    std::string guild_;
    std::string role_;
    std::string role_name_;
    std::string guild_name_;
    member_requirements requirements_;
};

// require_role(guild, role, "Members", "Example Guild"): the names appear in deny messages.
inline require_role_rule require_role(snowflake guild, snowflake role, std::string role_name,
                                      std::string guild_name = "the guild")
{
    return {guild, role, std::move(role_name), std::move(guild_name)};
}

// The same with IDs from configuration; throws invalid_snowflake naming the bad one.
inline require_role_rule require_role(std::string_view guild_id, std::string_view role_id,
                                      std::string role_name,
                                      std::string guild_name = "the guild")
{
    return {snowflake::from_string(guild_id, "require_role: the guild ID"),
            snowflake::from_string(role_id, "require_role: the role ID"), std::move(role_name),
            std::move(guild_name)};
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/require_role.ipp>
#endif
