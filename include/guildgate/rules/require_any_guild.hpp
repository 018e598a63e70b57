#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>
#include <guildgate/rules/detail/deny_message.hpp>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace guildgate {

// Allows members of at least one of several guilds, from one paged read of
// GET /users/@me/guilds (scope guilds). The member route is not used, because it would cost
// one request per guild against its low per-user limit. Denies others with "User is not a
// member of any of the required guilds."
class require_any_guild_rule : public detail::deny_message_option<require_any_guild_rule> {
public:
    static constexpr scope_set scopes{scope::guilds};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{resource::guild_list};
    static constexpr effect_set effects{};

    explicit require_any_guild_rule(std::vector<snowflake> guilds);

    std::string describe() const;

    void plan(fetch_plan& plan, const plan_context&) const;

    step decide(const fetched_data& data, const plan_context&) const;

private:
    std::vector<std::string> guilds_;
};

// require_any_guild({guild_a, guild_b}).
inline require_any_guild_rule require_any_guild(std::initializer_list<snowflake> guilds)
{
    return require_any_guild_rule(std::vector<snowflake>(guilds));
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/require_any_guild.ipp>
#endif
