#include <guildgate/core/snowflake.hpp>

using namespace guildgate::literals;

inline constexpr auto guild = "812345678901234567"_snowflake;
