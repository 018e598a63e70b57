// policy_only.cpp plus the Boost.Beast HTTPS transport: what a service that sends real
// requests compiles.
#include <guildgate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/beast.hpp>
#include <guildgate/transport/memory.hpp>

namespace gg = guildgate;
using namespace gg::literals;

int main()
{
    constexpr auto guild = "812345678901234567"_snowflake;
    constexpr auto members = "823456789012345678"_snowflake;

    const auto policy = gg::only_for_provider("discord") >> gg::require_guild(guild, "Example Guild") >>
        gg::require_role(guild, members, "Members", "Example Guild") >>
        gg::map_roles_to_groups(guild, {{members, "members"}}, gg::sync_on::both) >>
        gg::store_discord_attrs(gg::avatar_size<64>);

    gg::beast_transport https;
    gg::discord::client https_client(https);

    gg::memory_transport transport;
    gg::discord::client client(transport);
    gg::memory_repository repository;
    gg::login_context login;
    login.access_token = gg::access_token("bench-token");

    gg::evaluation result = gg::evaluate(policy, login, client, repository);
    return result.passing() ? 0 : 1;
}
