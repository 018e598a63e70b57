// expect: guildgate::evaluate: the policy is not a rule or a pipeline
#include <guildgate/engine/evaluate.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/memory.hpp>

guildgate::evaluation run(guildgate::discord::client<guildgate::memory_transport>& client)
{
    guildgate::memory_repository repository;
    return guildgate::evaluate(42, guildgate::login_context{}, client, repository);
}
