#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

// 20 digits, the longest ID, still below 2^64-1.
inline constexpr auto guild = "12345678901234567890"_snowflake;
static_assert(guild.value() == 12345678901234567890ull);
