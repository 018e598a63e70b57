// Allows only members of one Discord guild: the authentik policy "Checking for membership of
// a Discord Guild". Copy it and put your guild's ID and name below; the OAuth2 source needs
// the scopes `identify guilds`.

#include "example_runner.hpp"

namespace gg = guildgate;
using namespace gg::literals;

int main(int argc, char** argv)
{
    auto policy = gg::only_for_provider("discord")
        >> gg::require_guild("812345678901234567"_snowflake, "Example Guild");

    static_assert(decltype(policy)::scopes() == (gg::scope::identify | gg::scope::guilds));
    return example::run(argc, argv, policy);
}
