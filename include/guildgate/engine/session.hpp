#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/login_context.hpp>
#include <guildgate/discord/client.hpp>
#include <guildgate/engine/fetch_plan.hpp>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace guildgate {

// The fetch step of one evaluation: it runs fetch plans over a client and keeps every result,
// so each resource is requested at most once. Errors are kept too: a resource that failed is
// not requested again in the same evaluation. It works over any client<Transport>, and
// `client` and `login` must outlive it.
class session {
public:
    session(discord::basic_client& client, const login_context& login,
            scope_set pipeline_scopes);
    ~session();

    session(const session&) = delete;
    session& operator=(const session&) = delete;

    const login_context& login() const noexcept { return login_; }
    scope_set pipeline_scopes() const noexcept { return pipeline_scopes_; }
    const fetched_data& data() const noexcept { return data_; }

    const discord::client_options& options() const noexcept { return client_.options(); }

    // Fetches what `plan` lists and is not fetched yet, in order, keeping each resource's
    // error in data(), and returns the first error. After a 401 or a Cloudflare block nothing
    // more is sent in this evaluation: every later resource gets that error.
    std::optional<discord::api_error> fetch(const fetch_plan& plan);

    // Returns the requests made since the last call, for the trace.
    std::vector<discord::request_record> take_reads();

private:
    // The pipeline's scopes are checked against the granted ones once, before the first
    // request; a missing scope fails the evaluation and nothing is sent.
    std::optional<discord::api_error> check_scopes();

    std::optional<discord::api_error> fetch_current_user();

    std::optional<discord::api_error> fetch_member(const std::string& guild_id);

    // Pages through GET /users/@me/guilds with `after` until every wanted guild is seen or a
    // page comes back empty. A page with fewer than 200 guilds does not end the list, since
    // Discord has returned short pages with more guilds after them.
    std::optional<discord::api_error> fetch_listed(const std::vector<std::string>& wanted);

    void fetch_avatar(const std::string& url);

    discord::basic_client& client_;
    const login_context& login_;
    scope_set pipeline_scopes_;
    std::vector<discord::request_record> log_;
    discord::request_context context_;
    fetched_data data_;

    bool scopes_checked_ = false;
    std::optional<discord::api_error> scope_error_;
    std::optional<discord::api_error> fatal_;

    std::set<std::string> seen_;
    std::string after_;
    int pages_ = 0;
    bool list_complete_ = false;
    std::optional<discord::api_error> list_error_;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/session.ipp>
#endif
