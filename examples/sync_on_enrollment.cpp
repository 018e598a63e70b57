// Gives a new user the groups that their Discord roles map to: the authentik policy "Sync on
// enrollment". Bind it to the enrollment flow; the OAuth2 source needs the scopes
// `identify guilds.members.read`.

#include "example_runner.hpp"

namespace gg = guildgate;
using namespace gg::literals;

int main(int argc, char** argv)
{
    constexpr auto guild = "812345678901234567"_snowflake;

    auto policy = gg::only_for_provider("discord")
        >> gg::map_roles_to_groups(guild,
                                   {{"823456789012345678"_snowflake, "members"},
                                    {"823456789012345679"_snowflake, "moderators"}},
                                   gg::sync_on::enrollment);

    static_assert(decltype(policy)::writes_groups());
    return example::run(argc, argv, policy, gg::stage::enrollment);
}
