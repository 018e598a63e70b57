#pragma once

#include <guildgate/discord/avatar.hpp>
#include <guildgate/discord/classify.hpp>
#include <guildgate/discord/client.hpp>
#include <guildgate/discord/decode.hpp>

#include <algorithm>
#include <functional>
#include <random>
#include <string_view>
#include <utility>

namespace guildgate::discord {

namespace detail {

// Returns `text` for an error detail: every copy of `token` replaced by "[access token]" and
// every control character by '?'. Details quote transports and responses (a redirect's
// Location, a transport's message), which may hold the token or a line break that would forge
// a log line.
GUILDGATE_DECL std::string safe_detail(std::string text, const access_token& token)
{
    const std::string& secret = token.reveal();
    if (!secret.empty()) {
        const std::string mask = "[access token]";
        for (auto at = text.find(secret); at != std::string::npos;
             at = text.find(secret, at + mask.size()))
            text.replace(at, secret.size(), mask);
    }
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return text;
}

GUILDGATE_DECL std::string describe_transport_error(const transport_error& error)
{
    return std::string(to_string(error.failure)) + ": " + error.message;
}

// Returns whether `token` has the b64token form of RFC 6750, section 2.1: one or more of
// A-Z a-z 0-9 - . _ ~ + /, then any number of '='.
GUILDGATE_DECL bool is_bearer_token(std::string_view token)
{
    std::size_t i = 0;
    auto allowed = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    };
    while (i < token.size() && allowed(token[i]))
        ++i;
    if (i == 0)
        return false;
    while (i < token.size() && token[i] == '=')
        ++i;
    return i == token.size();
}

} // namespace detail

GUILDGATE_DECL basic_client::basic_client(transport_ref transport, client_options options)
    : transport_(transport), options_(std::move(options))
{
    options_.endpoints = validate(options_.endpoints);
    if (!options_.clock)
        options_.clock = std::make_shared<steady_clock_source>();
}

GUILDGATE_DECL basic_client::~basic_client() = default;

GUILDGATE_DECL request_context basic_client::start(const access_token& token,
                                                   std::vector<request_record>& log)
{
    return {token, clock().now() + options_.evaluation_deadline, log};
}

GUILDGATE_DECL api_result<user> basic_client::current_user(request_context& context)
{
    return get<user>(context, "GET /users/@me", "/users/@me", false);
}

GUILDGATE_DECL api_result<guild_page> basic_client::guilds(request_context& context,
                                                           const std::string& after)
{
    std::string path = "/users/@me/guilds?limit=200";
    if (!after.empty())
        path += "&after=" + after;
    return get<guild_page>(context, "GET /users/@me/guilds", path, false);
}

GUILDGATE_DECL api_result<guild_member>
basic_client::member(request_context& context, const std::string& guild_id)
{
    return get<guild_member>(context, "GET /users/@me/guilds/{guild.id}/member",
                             "/users/@me/guilds/" + guild_id + "/member", true);
}

GUILDGATE_DECL api_result<avatar_image>
basic_client::avatar(request_context& context, const std::string& url)
{
    api_result<avatar_image> result;
    std::string route = "GET " + url.substr(options_.endpoints.cdn_base.size());
    auto fail = [&](error_kind kind, int status, std::string why) {
        context.log.push_back({route, status, std::string(to_string(kind))});
        result.error = api_error{kind, status, std::nullopt, route, std::nullopt,
                                 detail::safe_detail(std::move(why), context.token)};
        return result;
    };

    auto now = clock().now();
    if (now >= context.deadline)
        return fail(error_kind::transport, 0, "the evaluation deadline passed");

    http_request request;
    request.url = url;
    request.headers.push_back({"User-Agent", options_.user_agent});
    request.timeout = request_timeout(context, now);

    http_result sent = transport_.send(request);
    if (!sent.has_response())
        return fail(error_kind::transport, 0, detail::describe_transport_error(sent.error()));

    const http_response& response = sent.response();
    if (response.status != 200)
        return fail(error_kind::bad_response, response.status,
                    "the CDN answered HTTP " + std::to_string(response.status));
    if (response.body.size() > options_.avatar_max_bytes)
        return fail(error_kind::bad_response, response.status,
                    "the avatar has " + std::to_string(response.body.size()) +
                        " bytes, over the limit of " +
                        std::to_string(options_.avatar_max_bytes));
    auto mime = image_mime_type(response.body);
    if (!mime)
        return fail(error_kind::bad_response, response.status,
                    "the avatar is not a PNG, GIF, JPEG or WebP image");

    context.log.push_back({route, response.status, "ok"});
    result.value = avatar_image{std::string(*mime), response.body};
    return result;
}

template <class Object>
api_result<Object> basic_client::get(request_context& context, const std::string& route_name,
                       const std::string& path, bool member_route)
{
    api_result<Object> result;
    std::string route = "GET " + path;
    std::size_t digest = std::hash<std::string>{}(context.token.reveal());
    const std::string top_level = "@me";

    auto fail = [&](error_kind kind, int status, std::optional<std::int64_t> code,
                    std::optional<double> retry_after, std::string why) {
        context.log.push_back({route, status, std::string(to_string(kind))});
        result.error = api_error{kind, status, code, route, retry_after,
                                 detail::safe_detail(std::move(why), context.token)};
        return result;
    };

    // A token that cannot be a bearer token would fail in the transport as a malformed header,
    // which reads as a network fault. It is the token's fault, and retrying cannot help.
    if (!detail::is_bearer_token(context.token.reveal()))
        return fail(error_kind::token_invalid, 0, std::nullopt, std::nullopt,
                    "the access token is empty or has a character that RFC 6750 does not allow "
                    "in a bearer token; no request was sent");

    bool rate_limit_retried = false;
    int server_retries = 0;
    duration backoff_spent{};

    for (;;) {
        auto now = clock().now();
        if (now >= context.deadline)
            return fail(error_kind::transport, 0, std::nullopt, std::nullopt,
                        "the evaluation deadline of " +
                            std::to_string(options_.evaluation_deadline.count()) +
                            " ms passed before the request was sent");

        if (auto hold = limiter_.check(digest, route_name, top_level, now)) {
            double seconds = std::chrono::duration<double>(hold->wait).count();
            if (hold->blocked)
                return fail(error_kind::blocked, 0, std::nullopt, seconds,
                            "requests are held back after a Cloudflare block");
            if (hold->wait > options_.max_rate_limit_wait || now + hold->wait >= context.deadline)
                return fail(error_kind::rate_limited, 0, std::nullopt, seconds,
                            "the rate-limit bucket is exhausted; no request was sent");
            clock().sleep_for(hold->wait);
            continue;
        }

        http_request request;
        request.url = options_.endpoints.api_base + path;
        request.headers.push_back({"User-Agent", options_.user_agent});
        request.headers.push_back({"Accept", "application/json"});
        request.bearer = context.token;
        request.timeout = request_timeout(context, now);

        http_result sent = transport_.send(request);
        if (!sent.has_response())
            return fail(error_kind::transport, 0, std::nullopt, std::nullopt,
                        detail::describe_transport_error(sent.error()));

        const http_response& response = sent.response();
        classification meaning = classify(response, member_route);
        limiter_.record(digest, route_name, top_level, response, meaning, clock().now());

        switch (meaning.kind) {
        case response_class::ok: {
            auto decoded = decode<Object>(response.body);
            if (!decoded.value)
                return fail(error_kind::bad_response, response.status, std::nullopt,
                            std::nullopt, decoded.error);
            context.log.push_back({route, response.status, "ok"});
            result.value = std::move(decoded.value);
            return result;
        }
        case response_class::not_member:
            context.log.push_back({route, response.status, "not_member"});
            result.not_member = true;
            return result;
        case response_class::token_invalid:
            return fail(error_kind::token_invalid, response.status, meaning.discord_code,
                        std::nullopt, "Discord rejected the access token");
        case response_class::missing_scope:
            return fail(error_kind::missing_scope, response.status, meaning.discord_code,
                        std::nullopt, "the token lacks the OAuth2 scope for this route");
        case response_class::blocked:
            // Without Retry-After the limiter holds requests for default_block_seconds, so
            // that is the wait the error reports.
            return fail(error_kind::blocked, response.status, std::nullopt,
                        meaning.retry_after.value_or(rate_limiter::default_block_seconds),
                        "HTTP " + std::to_string(response.status) +
                            " without a JSON body (a Cloudflare block)");
        case response_class::rate_limited: {
            auto wait = std::chrono::duration_cast<duration>(
                std::chrono::duration<double>(meaning.retry_after.value_or(1.0)));
            bool can_wait = !rate_limit_retried && wait <= options_.max_rate_limit_wait &&
                clock().now() + wait < context.deadline;
            if (!can_wait)
                return fail(error_kind::rate_limited, response.status, meaning.discord_code,
                            meaning.retry_after, "Discord answered 429");
            context.log.push_back({route, response.status, "retry"});
            rate_limit_retried = true;
            clock().sleep_for(wait);
            continue;
        }
        case response_class::server_error: {
            auto wait = backoff(server_retries);
            bool can_retry = server_retries < options_.max_server_retries &&
                backoff_spent + wait <= options_.max_backoff_total &&
                clock().now() + wait < context.deadline;
            if (!can_retry)
                return fail(error_kind::discord_unavailable, response.status,
                            meaning.discord_code, std::nullopt,
                            "HTTP " + std::to_string(response.status) + " after " +
                                std::to_string(server_retries + 1) + " attempts");
            context.log.push_back({route, response.status, "retry"});
            ++server_retries;
            backoff_spent += wait;
            clock().sleep_for(wait);
            continue;
        }
        case response_class::redirect: {
            auto location = response.header("Location").value_or("");
            return fail(error_kind::transport, response.status, std::nullopt, std::nullopt,
                        "redirect to \"" + std::string(location.substr(0, 200)) +
                            "\" not followed; check the API base URL");
        }
        case response_class::unexpected:
            return fail(error_kind::bad_response, response.status, meaning.discord_code,
                        std::nullopt,
                        "unexpected HTTP " + std::to_string(response.status) +
                            (meaning.discord_code
                                 ? " with JSON code " + std::to_string(*meaning.discord_code)
                                 : std::string()));
        }
    }
}

GUILDGATE_DECL std::chrono::milliseconds
basic_client::request_timeout(const request_context& context, clock_source::time_point now) const
{
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(context.deadline - now);
    return std::max(std::chrono::milliseconds(1), std::min(options_.request_timeout, left));
}

GUILDGATE_DECL basic_client::duration basic_client::backoff(int attempt) const
{
    thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    auto base = std::chrono::duration<double>(options_.backoff_base) * (1 << std::min(attempt, 16));
    return std::chrono::duration_cast<duration>(base * jitter(random));
}

} // namespace guildgate::discord
