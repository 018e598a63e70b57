// expect: guildgate::evaluate: the repository does not satisfy user_repository
#include <guildgate/engine/evaluate.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/transport/memory.hpp>

struct find_only_repository {
    std::optional<guildgate::user_record> find_user(std::string_view) { return std::nullopt; }
};

guildgate::evaluation run(guildgate::discord::client<guildgate::memory_transport>& client)
{
    find_only_repository repository;
    return guildgate::evaluate(guildgate::only_for_provider("discord"),
                               guildgate::login_context{}, client, repository);
}
