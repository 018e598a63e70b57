// expect: guildgate::_snowflake: the ID is empty
#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = ""_snowflake;
