// expect: guildgate::_snowflake: the ID is greater than 2^64-1
#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = "18446744073709551616"_snowflake;
