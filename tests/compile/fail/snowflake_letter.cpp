// expect: guildgate::_snowflake: the ID contains a character that is not a digit
#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = "81234567890123456x"_snowflake;
