#pragma once

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

    require_roles_rule(snowflake guild, std::vector<snowflake> roles, std::string guild_name)
        : guild_(guild.to_string()), guild_name_(std::move(guild_name))
    {
        if (roles.empty())
            throw std::invalid_argument(std::string(entry_point()) +
                                        ": the role list is empty; give at least one role ID");
        for (auto role : roles)
            roles_.push_back(role.to_string());
    }

    // Returns a copy that also checks Membership Screening and timeouts.
    require_roles_rule with(member_requirements requirements) const
    {
        auto copy = *this;
        copy.requirements_ = requirements;
        return copy;
    }

    std::string describe() const
    {
        std::string text = std::string(entry_point()) + "(" + guild_ + ", {";
        for (std::size_t i = 0; i < roles_.size(); ++i)
            text += (i ? ", " : "") + roles_[i];
        return text + "})";
    }

    void plan(fetch_plan& plan, const plan_context&) const { plan.need_member(guild_); }

    step decide(const fetched_data& data, const plan_context&) const
    {
        const discord::guild_member* member = data.member(guild_);
        if (!member)
            return step::deny("not a member of " + guild_ + " (" + guild_name_ + ")",
                              this->deny_text("User is not a member of " + guild_name_ + "."));

        std::string message = this->deny_text("User does not have the required roles in " +
                                              guild_name_ + ".");
        if (auto failed = detail::check_member_status(*member, requirements_, guild_, message))
            return *failed;

        std::size_t held = 0;
        std::string missing;
        for (const auto& role : roles_) {
            if (role == guild_ || member->has_role(role))
                ++held;
            else
                missing += (missing.empty() ? "" : ", ") + role;
        }

        bool passes = Match == role_match::any ? held > 0 : held == roles_.size();
        if (passes)
            return step::allow("holds " + std::to_string(held) + " of " +
                               std::to_string(roles_.size()) + " roles");
        return step::deny("lacks roles " + missing, message);
    }

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
