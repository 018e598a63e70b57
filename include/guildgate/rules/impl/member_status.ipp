#pragma once

#include <guildgate/rules/detail/member_status.hpp>

#include <charconv>

namespace guildgate::detail {

GUILDGATE_DECL std::optional<std::chrono::sys_seconds> parse_iso8601(std::string_view text)
{
    auto number = [&](std::size_t at, std::size_t width) -> std::optional<int> {
        if (text.size() < at + width)
            return std::nullopt;
        // Unsigned, so that from_chars rejects a sign: "-999-01-01" is not a date.
        unsigned value = 0;
        auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
        if (ec != std::errc{} || end != text.data() + at + width)
            return std::nullopt;
        return static_cast<int>(value);
    };

    auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' ||
        text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
        text[16] != ':')
        return std::nullopt;

    std::chrono::year_month_day date{std::chrono::year{*year},
                                     std::chrono::month{unsigned(*month)},
                                     std::chrono::day{unsigned(*day)}};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;

    std::size_t at = 19;
    if (at < text.size() && text[at] == '.')
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
        }

    int offset_minutes = 0;
    std::string_view zone = text.substr(at);
    if (zone == "Z" || zone.empty()) {
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        auto zone_hour = number(at + 1, 2), zone_minute = number(at + 4, 2);
        if (!zone_hour || !zone_minute)
            return std::nullopt;
        offset_minutes = (*zone_hour * 60 + *zone_minute) * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }

    return std::chrono::sys_days{date} + std::chrono::hours{*hour} +
        std::chrono::minutes{*minute - offset_minutes} + std::chrono::seconds{*second};
}

GUILDGATE_DECL std::optional<step> check_member_status(const discord::guild_member& member,
                                                       const member_requirements& requirements,
                                                       const std::string& guild_id,
                                                       const std::string& message)
{
    if (requirements.deny_pending && member.pending.value_or(false))
        return step::deny("member of " + guild_id + " but pending Membership Screening", message);

    if (requirements.deny_timed_out && member.communication_disabled_until.has_value()) {
        auto until = parse_iso8601(member.communication_disabled_until.value());
        if (!until) {
            step failed{verdict::error, "communication_disabled_until is not a timestamp", {}, {}};
            failed.error = discord::api_error{
                error_kind::bad_response, 200, std::nullopt,
                "GET /users/@me/guilds/" + guild_id + "/member", std::nullopt,
                "communication_disabled_until is not an ISO 8601 timestamp"};
            return failed;
        }
        // Compared in seconds: converting a far-future time such as year 2999 to the clock's
        // nanoseconds would overflow 64 bits and make it look past.
        auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        if (*until > now)
            return step::deny("member of " + guild_id + " but timed out until " +
                                  member.communication_disabled_until.value(),
                              message);
    }
    return std::nullopt;
}

} // namespace guildgate::detail
