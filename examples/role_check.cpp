// Allows only members of one Discord guild who hold one role: the authentik policy "Checking
// for membership of a Discord Guild role". The OAuth2 source needs the scopes
// `identify guilds.members.read`.

#include "example_runner.hpp"

namespace gg = guildgate;
using namespace gg::literals;

int main(int argc, char** argv)
{
    constexpr auto guild = "812345678901234567"_snowflake;
    constexpr auto members_role = "823456789012345678"_snowflake;

    auto policy = gg::only_for_provider("discord")
        >> gg::require_role(guild, members_role, "Members", "Example Guild");

    static_assert(decltype(policy)::scopes()
                  == (gg::scope::identify | gg::scope::guilds_members_read));
    return example::run(argc, argv, policy);
}
