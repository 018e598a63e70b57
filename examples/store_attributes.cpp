// Stores the Discord profile in attributes.discord and the avatar, as a data: URI, in
// attributes.avatar: the authentik policy "Store OAuth info in attribute and create avatar
// attribute from Discord avatar". The OAuth2 source needs the scope `identify`, and `email`
// to store the address.

#include "example_runner.hpp"

namespace gg = guildgate;

int main(int argc, char** argv)
{
    auto policy = gg::only_for_provider("discord") >> gg::store_discord_attrs(gg::avatar_size<64>);

    static_assert(decltype(policy)::writes_attributes());
    return example::run(argc, argv, policy);
}
