// A program that uses guildgate the way a downstream project does: it composes a policy,
// checks its scopes at compile time and evaluates two logins over the in-memory transport and
// repository. run.sh builds it with each supported way of getting guildgate.

#include <guildgate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/memory.hpp>

#include <iostream>
#include <string>

namespace gg = guildgate;
using namespace gg::literals;

namespace {

const std::string guilds_url = "https://discord.com/api/v10/users/@me/guilds?limit=200";

// Prints `expectation` and returns false when `condition` is false.
bool check(bool condition, const std::string& expectation)
{
    if (!condition)
        std::cerr << "packaging consumer: check failed: expected " << expectation << "\n";
    return condition;
}

} // namespace

int main()
{
    const auto policy = gg::only_for_provider("discord")
        >> gg::require_guild("812345678901234567"_snowflake, "Example Guild");

    static_assert(decltype(policy)::size() == 2);
    static_assert(decltype(policy)::scopes() == (gg::scope::identify | gg::scope::guilds));
    static_assert(!decltype(policy)::scopes().contains(gg::scope::guilds_members_read));

    gg::memory_transport transport;
    transport.route(guilds_url,
                    gg::json_response(200, R"([{"id": "812345678901234567",
                                                "name": "Example Guild", "owner": false}])"));
    gg::discord::client<gg::memory_transport> client(transport);
    gg::memory_repository repository;

    gg::login_context discord_login;
    discord_login.access_token = gg::access_token("packaging-consumer-token");
    auto member = gg::evaluate(policy, discord_login, client, repository);

    gg::login_context github_login = discord_login;
    github_login.provider = "github";
    auto other_provider = gg::evaluate(policy, github_login, client, repository);

    bool ok = true;
    ok &= check(member.passing(), "a guild member to be allowed");
    ok &= check(other_provider.passing(), "a login through another provider to be allowed");
    ok &= check(transport.count(guilds_url) == 1, "one guild list request in total");
    ok &= check(repository.user_count() == 0, "no user written by a policy without effects");
    if (!ok)
        return 1;

    std::cout << "guildgate " << GUILDGATE_VERSION_STRING << ": packaging consumer passed\n";
    return 0;
}
