#pragma once

#include "emulator/fixture.hpp"
#include "emulator/responses.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

// The fault-free responses of the API routes that take parameters.
namespace guildgate::testing {

// GET /users/@me/guilds?limit=&after=: the account's guilds with ids above `after`, by id,
// at most `limit` (1 to 200, default 200). Invalid parameters give Discord's 400 (50035).
inline emulator_response guild_list_response(const account& user_account,
                                             const split_target& target)
{
    std::uint64_t limit = 200;
    if (auto text = target.parameter("limit")) {
        auto value = parse_decimal(*text);
        if (!value)
            return invalid_form_body("limit", "NUMBER_TYPE_COERCE",
                                     "Value \"" + std::string(*text) + "\" is not int.");
        if (*value < 1)
            return invalid_form_body("limit", "NUMBER_TYPE_MIN",
                                     "int value should be greater than or equal to 1.");
        if (*value > 200)
            return invalid_form_body("limit", "NUMBER_TYPE_MAX",
                                     "int value should be less than or equal to 200.");
        limit = *value;
    }

    std::uint64_t after = 0;
    if (auto text = target.parameter("after")) {
        auto value = parse_decimal(*text);
        if (!value)
            return invalid_form_body("after", "NUMBER_TYPE_COERCE",
                                     "Value \"" + std::string(*text) + "\" is not snowflake.");
        after = *value;
    }

    boost::json::array page;
    for (const auto& guild : user_account.guilds) {
        if (page.size() >= limit)
            break;
        auto id = parse_decimal(guild.at("id").get_string());
        if (id && *id > after)
            page.push_back(guild);
    }
    return json_response(200, page);
}

// GET /users/@me/guilds/{guild.id}/member: the member object, or 404 Unknown Guild (10004).
inline emulator_response member_response(const account& user_account, std::string_view path)
{
    constexpr std::string_view prefix = "/api/v10/users/@me/guilds/";
    constexpr std::string_view suffix = "/member";
    auto guild_id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (!parse_decimal(guild_id))
        return invalid_form_body("guild_id", "NUMBER_TYPE_COERCE",
                                 "Value \"" + std::string(guild_id) + "\" is not snowflake.");

    auto found = user_account.members.find(std::string(guild_id));
    if (found == user_account.members.end())
        return discord_error(404, "Unknown Guild", 10004);
    return json_response(200, found->second);
}

} // namespace guildgate::testing
