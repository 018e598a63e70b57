#pragma once

// The policies that the fault matrix evaluates and login_gate's way of deciding one attempt,
// written with the library alone so that the matrix can run without the login_gate program.

#include <guildgate.hpp>

#include <stdexcept>
#include <string>

namespace guildgate::faults {

inline constexpr const char* guild_id = "812345678901234567";
inline constexpr const char* guild_name = "Example Guild";
inline constexpr const char* members_role = "823456789012345678";
inline constexpr const char* moderators_role = "823456789012345679";

// Calls `next` with the policy that the matrix row's "pipeline" names:
//   full            only_for_provider >> require_guild >> require_role(Members)
//                     >> map_roles_to_groups(Members: members, Moderators: moderators)
//                     >> store_discord_attrs(64), as login_gate builds it from a configuration
//                     with guild, role, role_groups and avatar_size
//   guild_list      only_for_provider >> require_guild >> store_discord_attrs(64), which reads
//                     membership from GET /users/@me/guilds
//   deny_pending    full, with require_guild checking member_requirements{.deny_pending}
//   deny_timed_out  full, with require_guild checking member_requirements{.deny_timed_out}
template <class Next>
void with_pipeline(const std::string& name, Next&& next)
{
    auto provider = only_for_provider("discord");
    auto guild = require_guild(guild_id, guild_name);
    auto role = require_role(guild_id, members_role, "Members", guild_name);
    auto groups = map_roles_to_groups(
        guild_id,
        role_group_map::from_strings({{members_role, "members"}, {moderators_role, "moderators"}}),
        sync_on::both);
    auto attributes = store_discord_attrs(avatar_size<64>);

    if (name == "full")
        next(provider >> guild >> role >> groups >> attributes);
    else if (name == "guild_list")
        next(provider >> guild >> attributes);
    else if (name == "deny_pending")
        next(provider >> guild.with({.deny_pending = true}) >> role >> groups >> attributes);
    else if (name == "deny_timed_out")
        next(provider >> guild.with({.deny_timed_out = true}) >> role >> groups >> attributes);
    else
        throw std::invalid_argument("unknown fault matrix pipeline \"" + name +
                                    "\"; use full, guild_list, deny_pending or deny_timed_out");
}

// Decides one Discord login as login_gate does: GET /users/@me first, the stage from whether
// the user is stored (enrollment when not), then the policy in the same session.
template <class Policy, class Transport, class Repository>
evaluation decide_like_login_gate(const Policy& policy, login_context& login,
                                  discord::client<Transport>& client, Repository& repository)
{
    using pipeline_type = decltype(as_pipeline(policy));
    login.stage = stage::enrollment;

    session fetches(client, login, pipeline_type::scopes());
    if (auto failed = identify(fetches))
        return *failed;
    if (repository.find_user(fetches.data().current_user->id))
        login.stage = stage::authentication;
    return evaluate(policy, fetches, repository);
}

} // namespace guildgate::faults
