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

// The source from which require_guild learns membership.
enum class membership_source {
    automatic,    // the member route when the pipeline has guilds.members.read, else the list
    member_route, // always the member route: needed to see pending and timeout
};

// Allows members of one guild. Membership comes from the member route when the pipeline has
// the guilds.members.read scope (one request that later rules reuse), and otherwise from
// GET /users/@me/guilds, paged until the guild is found or a page is empty. With
// .with(member_requirements{...}) it always reads the member route and can deny members who
// are pending Membership Screening or timed out; by default both count as members.
template <membership_source Source>
class basic_require_guild : public detail::deny_message_option<basic_require_guild<Source>> {
public:
    static constexpr bool via_member = Source == membership_source::member_route;
    static constexpr scope_set scopes =
        via_member ? scope_set{scope::guilds_members_read} : scope_set{};
    static constexpr bool needs_membership = !via_member;
    static constexpr resource_set resources =
        via_member ? resource_set{resource::guild_member} : resource_set{};
    static constexpr effect_set effects{};

    basic_require_guild(snowflake guild, std::string guild_name,
                        member_requirements requirements = {})
        : guild_(guild.to_string()),
          guild_name_(std::move(guild_name)),
          requirements_(requirements)
    {
    }

    // Returns a rule that reads the member route and also checks `requirements`.
    basic_require_guild<membership_source::member_route>
    with(member_requirements requirements) const
    {
        return {*snowflake::parse(guild_), guild_name_, requirements};
    }

    const std::string& guild_id() const noexcept { return guild_; }

    std::string describe() const { return "require_guild(" + guild_ + " \"" + guild_name_ + "\")"; }

    void plan(fetch_plan& plan, const plan_context& context) const;

    step decide(const fetched_data& data, const plan_context&) const;

private:
    std::string guild_;
    std::string guild_name_;
    member_requirements requirements_;
};

using require_guild_rule = basic_require_guild<membership_source::automatic>;

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

#ifdef GUILDGATE_SEPARATE_COMPILATION
namespace guildgate {
extern template class basic_require_guild<membership_source::automatic>;
extern template class basic_require_guild<membership_source::member_route>;
} // namespace guildgate
#else
#include <guildgate/rules/impl/require_guild.ipp>
#endif
