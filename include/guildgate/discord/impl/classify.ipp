#pragma once

#include <guildgate/discord/classify.hpp>
#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/error_body.hpp>

#include <charconv>

namespace guildgate::discord::detail {

GUILDGATE_DECL bool valid_seconds(double value)
{
    return value >= 0 && value <= max_retry_seconds;
}

GUILDGATE_DECL std::optional<double> parse_seconds(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !valid_seconds(value))
        return std::nullopt;
    return value;
}

GUILDGATE_DECL bool json_object_body(std::string_view body)
{
    auto start = body.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && body[start] == '{';
}

} // namespace guildgate::discord::detail

namespace guildgate::discord {

GUILDGATE_DECL classification classify(const http_response& response, bool member_route)
{
    classification result;
    result.status = response.status;

    if (auto scope = response.header("X-RateLimit-Scope"))
        result.scope = std::string(*scope);
    if (auto global = response.header("X-RateLimit-Global"))
        result.global = *global == "true" || *global == "True";

    int status = response.status;
    if (status >= 200 && status < 300) {
        result.kind = response_class::ok;
        return result;
    }
    if (status >= 300 && status < 400) {
        result.kind = response_class::redirect;
        return result;
    }

    std::optional<error_body> body;
    if (detail::json_object_body(response.body)) {
        auto decoded = decode<error_body>(response.body);
        if (decoded.value)
            body = std::move(decoded.value);
    }
    if (body && body->has_code)
        result.discord_code = body->code;

    auto header_wait = response.header("Retry-After");
    std::optional<double> header_seconds =
        header_wait ? detail::parse_seconds(*header_wait) : std::nullopt;

    if (status == 401) {
        result.kind = response_class::token_invalid;
    } else if (status == 429 && body) {
        // The body's float seconds win over the header, which Discord rounds up, unless they are
        // not a valid wait (negative, infinite or over max_retry_seconds).
        result.kind = response_class::rate_limited;
        bool body_wait =
            body->retry_after.has_value() && detail::valid_seconds(body->retry_after.value());
        result.retry_after = body_wait ? body->retry_after.value() : header_seconds;
        result.global = result.global || body->global.value_or(false);
    } else if ((status == 429 || status == 403) && !body) {
        result.kind = response_class::blocked;
        result.retry_after = header_seconds;
    } else if (status == 403 && body->code == 50026) {
        result.kind = response_class::missing_scope;
    } else if (status == 404 && member_route && body && body->code == 10004) {
        result.kind = response_class::not_member;
    } else if (status >= 500 && status < 600) {
        result.kind = response_class::server_error;
    } else {
        result.kind = response_class::unexpected;
    }
    return result;
}

} // namespace guildgate::discord
