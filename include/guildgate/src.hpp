#pragma once

// The definitions of guildgate's compiled functions, for programs built with
// GUILDGATE_SEPARATE_COMPILATION (see guildgate/config.hpp). Include this header in exactly one
// source file of such a program; every other file includes the headers as usual.
#ifndef GUILDGATE_SEPARATE_COMPILATION
#error "guildgate/src.hpp needs GUILDGATE_SEPARATE_COMPILATION; define it for every file"
#endif

#include <guildgate.hpp>
#include <guildgate/core/impl/clock.ipp>
#include <guildgate/core/impl/pipeline.ipp>
#include <guildgate/core/impl/scope.ipp>
#include <guildgate/discord/impl/avatar.ipp>
#include <guildgate/discord/impl/classify.ipp>
#include <guildgate/discord/impl/client.ipp>
#include <guildgate/discord/impl/endpoints.ipp>
#include <guildgate/discord/impl/error_body.ipp>
#include <guildgate/discord/impl/guild_member.ipp>
#include <guildgate/discord/impl/partial_guild.ipp>
#include <guildgate/discord/impl/rate_limiter.ipp>
#include <guildgate/discord/impl/user.ipp>
#include <guildgate/engine/error_log.hpp>
#include <guildgate/engine/impl/error_log.ipp>
#include <guildgate/engine/impl/evaluate.ipp>
#include <guildgate/engine/impl/evaluation.ipp>
#include <guildgate/engine/impl/fetch_plan.ipp>
#include <guildgate/engine/impl/messages.ipp>
#include <guildgate/engine/impl/session.ipp>
#include <guildgate/engine/impl/trace.ipp>
#include <guildgate/repository/impl/memory.ipp>
#include <guildgate/repository/impl/validate_change.ipp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/rules/impl/avatar_size.ipp>
#include <guildgate/rules/impl/map_roles_to_groups.ipp>
#include <guildgate/rules/impl/member_status.ipp>
#include <guildgate/rules/impl/only_for_provider.ipp>
#include <guildgate/rules/impl/require_any_guild.ipp>
#include <guildgate/rules/impl/require_guild.ipp>
#include <guildgate/rules/impl/require_role.ipp>
#include <guildgate/rules/impl/require_roles.ipp>
#include <guildgate/rules/impl/role_group_map.ipp>
#include <guildgate/rules/impl/store_discord_attrs.ipp>
#include <guildgate/transport/impl/memory.ipp>
#include <guildgate/transport/memory.hpp>

namespace guildgate {

template class basic_require_guild<membership_source::automatic>;
template class basic_require_guild<membership_source::member_route>;
template class require_roles_rule<role_match::any>;
template class require_roles_rule<role_match::all>;

} // namespace guildgate
