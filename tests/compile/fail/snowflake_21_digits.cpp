// expect: guildgate::_snowflake: the ID has more than 20 digits
#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = "123456789012345678901"_snowflake;
