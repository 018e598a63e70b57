// libFuzzer target for decode<guild_member>.
//
// The whole input is the body of GET /users/@me/guilds/{id}/member. A decoded member must hold
// only valid role IDs, find each of them with has_role(), and survive a JSON round trip
// unchanged.

#include "fuzz_support.hpp"

#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/guild_member.hpp>

#include <boost/json/src.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace discord = guildgate::discord;

void check_roles(const discord::guild_member& member)
{
    for (const auto& role : member.roles) {
        GUILDGATE_FUZZ_CHECK(guildgate_fuzz::is_snowflake_text(role));
        GUILDGATE_FUZZ_CHECK(member.has_role(role));
    }

    // No role ID is empty or contains a letter, so these never match.
    GUILDGATE_FUZZ_CHECK(!member.has_role(""));
    GUILDGATE_FUZZ_CHECK(!member.has_role("x"));
}

void check_round_trip(const discord::guild_member& member)
{
    boost::json::object object;
    boost::json::array roles;
    for (const auto& role : member.roles)
        roles.push_back(boost::json::string(role));
    object["roles"] = std::move(roles);
    guildgate_fuzz::put_field(object, "nick", member.nick);
    guildgate_fuzz::put_field(object, "pending", member.pending);
    guildgate_fuzz::put_field(object, "communication_disabled_until",
                              member.communication_disabled_until);
    guildgate_fuzz::put_field(object, "joined_at", member.joined_at);

    auto again = discord::decode<discord::guild_member>(boost::json::serialize(object));
    GUILDGATE_FUZZ_CHECK(again.value.has_value());
    GUILDGATE_FUZZ_CHECK(again.value->roles == member.roles);
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->nick, member.nick));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->pending, member.pending));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->communication_disabled_until,
                                                    member.communication_disabled_until));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->joined_at, member.joined_at));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto result = discord::decode<discord::guild_member>(guildgate_fuzz::as_text(data, size));
    guildgate_fuzz::check_decoded(result);
    if (result.value) {
        check_roles(*result.value);
        check_round_trip(*result.value);
    }
    return 0;
}
