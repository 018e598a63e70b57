// libFuzzer target for decode<guild_page> and decode<partial_guild>.
//
// The whole input is the body of GET /users/@me/guilds. A decoded page must keep one guild per
// array element, each with a valid ID, and survive a JSON round trip unchanged. The same bytes
// are also decoded as one partial guild, which must agree with the page on array elements.

#include "fuzz_support.hpp"

#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/partial_guild.hpp>

#include <boost/json/src.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace discord = guildgate::discord;

boost::json::object to_json(const discord::partial_guild& guild)
{
    boost::json::object object;
    object["id"] = guild.id;
    guildgate_fuzz::put_field(object, "name", guild.name);
    guildgate_fuzz::put_field(object, "owner", guild.owner);
    return object;
}

bool same_guild(const discord::partial_guild& a, const discord::partial_guild& b)
{
    return a.id == b.id && guildgate_fuzz::same_field(a.name, b.name) &&
           guildgate_fuzz::same_field(a.owner, b.owner);
}

void check_guild(const discord::partial_guild& guild)
{
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::is_snowflake_text(guild.id));

    auto again = discord::decode<discord::partial_guild>(boost::json::serialize(to_json(guild)));
    GUILDGATE_FUZZ_CHECK(again.value.has_value());
    GUILDGATE_FUZZ_CHECK(same_guild(*again.value, guild));
}

void check_page(std::string_view body, const discord::guild_page& page)
{
    // decode succeeded, so the body is valid JSON and its top level is an array.
    auto parsed = boost::json::parse(body);
    GUILDGATE_FUZZ_CHECK(parsed.is_array());
    const auto& elements = parsed.get_array();
    GUILDGATE_FUZZ_CHECK(page.guilds.size() == elements.size());

    boost::json::array serialized;
    for (std::size_t i = 0; i < page.guilds.size(); ++i) {
        check_guild(page.guilds[i]);

        // Boost.JSON 1.81 writes an infinite number (1e400 in an ignored field) as "Infinity",
        // which is not JSON, so such an element cannot be decoded on its own again.
        std::string element = boost::json::serialize(elements[i]);
        boost::system::error_code ec;
        boost::json::parse(element, ec);
        if (!ec) {
            auto single = discord::decode<discord::partial_guild>(element);
            GUILDGATE_FUZZ_CHECK(single.value.has_value());
            GUILDGATE_FUZZ_CHECK(same_guild(*single.value, page.guilds[i]));
        }

        serialized.push_back(to_json(page.guilds[i]));
    }

    auto again = discord::decode<discord::guild_page>(boost::json::serialize(serialized));
    GUILDGATE_FUZZ_CHECK(again.value.has_value());
    GUILDGATE_FUZZ_CHECK(again.value->guilds.size() == page.guilds.size());
    for (std::size_t i = 0; i < page.guilds.size(); ++i)
        GUILDGATE_FUZZ_CHECK(same_guild(again.value->guilds[i], page.guilds[i]));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view body = guildgate_fuzz::as_text(data, size);

    auto page = discord::decode<discord::guild_page>(body);
    guildgate_fuzz::check_decoded(page);
    if (page.value)
        check_page(body, *page.value);

    auto guild = discord::decode<discord::partial_guild>(body);
    guildgate_fuzz::check_decoded(guild);
    if (guild.value)
        check_guild(*guild.value);

    // A body cannot be both a page (an array) and a single guild (an object).
    GUILDGATE_FUZZ_CHECK(!(page.value && guild.value));
    return 0;
}
