#include <guildgate/engine/evaluate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/transport/memory.hpp>

guildgate::evaluation run(guildgate::discord::client<guildgate::memory_transport>& client)
{
    guildgate::memory_repository repository;
    return guildgate::evaluate(guildgate::only_for_provider("discord"),
                               guildgate::login_context{}, client, repository);
}
