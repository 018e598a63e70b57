#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

// 2^64-1, the largest ID that fits.
inline constexpr auto guild = "18446744073709551615"_snowflake;
static_assert(guild.value() == 0xFFFF'FFFF'FFFF'FFFFull);
