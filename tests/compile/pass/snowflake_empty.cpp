#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = "1"_snowflake;
static_assert(guild.value() == 1);
