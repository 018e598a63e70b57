#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/detail/deny_message.hpp>
#include <guildgate/rules/detail/member_status.hpp>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate {

// The number of roles in a set that a member must hold: any one, or all.
enum class role_match { any, all };

// Allows members of a guild who hold any (or all) of a set of roles, read from the member
// route with one request. The @everyone role (ID equal to the guild's) is held by every
// member. A user not in the guild is denied with "User is not a member of {guild name}.";
// a member without the roles with "User does not have the required roles in {guild name}."
template <role_match Match>
class require_roles_rule : public detail::deny_message_option<require_roles_rule<Match>> {
public:
    static constexpr scope_set scopes{scope::guilds_members_read};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{resource::guild_member};
    static constexpr effect_set effects{};

    require_roles_rule(snowflake guild, std::vector<snowflake> roles, std::string guild_name);

    // Returns a copy that also checks Membership Screening and timeouts.
    require_roles_rule with(member_requirements requirements) const
    {
        auto copy = *this;
        copy.requirements_ = requirements;
        return copy;
    }

    std::string describe() const;

    void plan(fetch_plan& plan, const plan_context&) const { plan.need_member(guild_); }

    step decide(const fetched_data& data, const plan_context&) const;

private:
    static constexpr std::string_view entry_point()
    {
        return Match == role_match::any ? "require_any_role" : "require_all_roles";
    }

    std::string guild_;
    std::vector<std::string> roles_;
    std::string guild_name_;
    member_requirements requirements_;
};

// require_any_role(guild, {moderator, admin}, "Example Guild").
inline require_roles_rule<role_match::any>
require_any_role(snowflake guild, std::initializer_list<snowflake> roles,
                 std::string guild_name = "the guild")
{
    return {guild, std::vector<snowflake>(roles), std::move(guild_name)};
}

// require_all_roles(guild, {verified, member}, "Example Guild").
inline require_roles_rule<role_match::all>
require_all_roles(snowflake guild, std::initializer_list<snowflake> roles,
                  std::string guild_name = "the guild")
{
    return {guild, std::vector<snowflake>(roles), std::move(guild_name)};
}

} // namespace guildgate

#ifdef GUILDGATE_SEPARATE_COMPILATION
namespace guildgate {
extern template class require_roles_rule<role_match::any>;
extern template class require_roles_rule<role_match::all>;
} // namespace guildgate
#else
#include <guildgate/rules/impl/require_roles.ipp>
#endif
