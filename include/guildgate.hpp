#pragma once

// Everything a translation unit needs to compose and evaluate policies. The Beast HTTPS
// transport (guildgate/transport/beast.hpp) and the SQLite repository
// (guildgate/repository/sqlite.hpp) have their own headers, so policy code stays light.
#include <guildgate/core/condition.hpp>
#include <guildgate/core/pipeline.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/discord/client.hpp>
#include <guildgate/engine/evaluate.hpp>
#include <guildgate/rules/all_of.hpp>
#include <guildgate/rules/any_of.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/not.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_any_guild.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_role.hpp>
#include <guildgate/rules/require_roles.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>
#include <guildgate/rules/when.hpp>
#include <guildgate/version.hpp>
