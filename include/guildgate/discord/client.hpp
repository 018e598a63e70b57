#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/access_token.hpp>
#include <guildgate/discord/api_result.hpp>
#include <guildgate/discord/client_options.hpp>
#include <guildgate/discord/guild_member.hpp>
#include <guildgate/discord/partial_guild.hpp>
#include <guildgate/discord/rate_limiter.hpp>
#include <guildgate/discord/user.hpp>
#include <guildgate/transport/concept.hpp>

#include <chrono>
#include <concepts>
#include <memory>
#include <string>
#include <vector>

namespace guildgate {

// A reference to any http_transport: the object and the one function that sends through it.
// The client keeps this instead of the transport's type, so its code is the same for every
// transport and is compiled once with GUILDGATE_SEPARATE_COMPILATION. The transport must
// outlive the reference.
class transport_ref {
public:
    template <http_transport Transport>
        requires(!std::same_as<Transport, transport_ref>)
    transport_ref(Transport& transport) noexcept
        : object_(&transport),
          send_([](void* object, const http_request& request) {
              return static_cast<Transport*>(object)->send(request);
          })
    {
    }

    http_result send(const http_request& request) const { return send_(object_, request); }

private:
    void* object_;
    http_result (*send_)(void*, const http_request&);
};

} // namespace guildgate

namespace guildgate::discord {

// A Discord REST client for the routes that login rules read. It follows Discord's rules:
// versioned base URL, DiscordBot User-Agent, rate-limit headers, bounded retries of 5xx, no
// retry of a 401, no redirects, and the token sent to the API host only. Shareable between
// threads when the transport is.
//
// basic_client keeps the transport as a transport_ref. client<Transport> below is the same
// client with the transport's type checked where it is created.
class basic_client {
public:
    // Throws invalid_endpoint when a base URL is unusable.
    explicit basic_client(transport_ref transport, client_options options = {});

    ~basic_client();

    basic_client(const basic_client&) = delete;
    basic_client& operator=(const basic_client&) = delete;

    const client_options& options() const noexcept { return options_; }
    clock_source& clock() noexcept { return *options_.clock; }
    rate_limiter& limits() noexcept { return limiter_; }

    // Returns the context for one evaluation starting now.
    request_context start(const access_token& token, std::vector<request_record>& log);

    api_result<user> current_user(request_context& context);

    // One page of the user's guilds with ids greater than `after`.
    api_result<guild_page> guilds(request_context& context, const std::string& after);

    api_result<guild_member> member(request_context& context, const std::string& guild_id);

    // Downloads an avatar from the CDN without the Authorization header, and accepts it only
    // with status 200, at most avatar_max_bytes, and a PNG, GIF, JPEG or WebP signature.
    api_result<avatar_image> avatar(request_context& context, const std::string& url);

private:
    using duration = clock_source::duration;

    template <class Object>
    api_result<Object> get(request_context& context, const std::string& route_name,
                           const std::string& path, bool member_route);

    std::chrono::milliseconds request_timeout(const request_context& context,
                                              clock_source::time_point now) const;

    // Exponential backoff with jitter: base × 2^attempt × a factor in [0.5, 1.5).
    duration backoff(int attempt) const;

    transport_ref transport_;
    client_options options_;
    rate_limiter limiter_;
};

// The client over a transport of type Transport, which must satisfy http_transport.
template <class Transport>
class client : public basic_client {
    static_assert(http_transport<Transport>,
                  "guildgate::discord::client: the transport does not satisfy http_transport; "
                  "it needs http_result send(const http_request&)");

public:
    // Throws invalid_endpoint when a base URL is unusable.
    explicit client(Transport& transport, client_options options = {})
        : basic_client(transport_ref(transport), std::move(options))
    {
    }
};

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/client.ipp>
#endif
