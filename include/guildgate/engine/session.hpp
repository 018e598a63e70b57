#pragma once

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
// not requested again in the same evaluation.
template <http_transport Transport>
class session {
public:
    session(discord::client<Transport>& client, const login_context& login,
            scope_set pipeline_scopes)
        : client_(client),
          login_(login),
          pipeline_scopes_(pipeline_scopes),
          context_(client.start(login.access_token, log_))
    {
    }

    session(const session&) = delete;
    session& operator=(const session&) = delete;

    const login_context& login() const noexcept { return login_; }
    scope_set pipeline_scopes() const noexcept { return pipeline_scopes_; }
    const fetched_data& data() const noexcept { return data_; }

    const discord::client_options& options() const noexcept { return client_.options(); }

    // Fetches what `plan` lists and is not fetched yet, in order, and stops at the first error,
    // which it returns.
    std::optional<discord::api_error> fetch(const fetch_plan& plan)
    {
        if (plan.empty())
            return std::nullopt;
        if (auto error = check_scopes())
            return error;

        if (plan.current_user)
            if (auto error = fetch_current_user())
                return error;
        for (const auto& guild_id : plan.members)
            if (auto error = fetch_member(guild_id))
                return error;
        if (!plan.listed_guilds.empty())
            if (auto error = fetch_listed(plan.listed_guilds))
                return error;
        for (const auto& url : plan.avatars)
            fetch_avatar(url);
        return std::nullopt;
    }

    // Returns the requests made since the last call, for the trace.
    std::vector<discord::request_record> take_reads()
    {
        std::vector<discord::request_record> reads;
        reads.swap(log_);
        return reads;
    }

private:
    // The pipeline's scopes are checked against the granted ones once, before the first
    // request; a missing scope fails the evaluation and nothing is sent.
    std::optional<discord::api_error> check_scopes()
    {
        if (scopes_checked_)
            return scope_error_;
        scopes_checked_ = true;
        if (!login_.granted_scopes)
            return std::nullopt;

        scope_set missing = pipeline_scopes_ - *login_.granted_scopes;
        if (missing.empty())
            return std::nullopt;
        scope_error_ = discord::api_error{error_kind::missing_scope, 0, std::nullopt, "",
                                          std::nullopt, "missing scope: " + to_string(missing)};
        return scope_error_;
    }

    std::optional<discord::api_error> fetch_current_user()
    {
        if (user_error_ || data_.current_user)
            return user_error_;
        auto result = client_.current_user(context_);
        if (result.error)
            user_error_ = result.error;
        else
            data_.current_user = std::move(result.value);
        return user_error_;
    }

    std::optional<discord::api_error> fetch_member(const std::string& guild_id)
    {
        auto it = data_.members.find(guild_id);
        if (it == data_.members.end())
            it = data_.members.emplace(guild_id, client_.member(context_, guild_id)).first;
        return it->second.error;
    }

    // Pages through GET /users/@me/guilds with `after` until every wanted guild is seen or a
    // page comes back empty. A page with fewer than 200 guilds does not end the list, since
    // Discord has returned short pages with more guilds after them.
    std::optional<discord::api_error> fetch_listed(const std::vector<std::string>& wanted)
    {
        auto missing = [&] {
            for (const auto& id : wanted)
                if (!data_.listed_guilds.count(id) && !seen_.count(id))
                    return true;
            return false;
        };

        while (!list_error_ && !list_complete_ && missing()) {
            if (pages_ >= client_.options().guild_page_cap) {
                list_error_ = discord::api_error{
                    error_kind::bad_response, 0, std::nullopt, "GET /users/@me/guilds",
                    std::nullopt,
                    "the guild was not in the first " + std::to_string(pages_) +
                        " pages of the guild list; raise guild_page_cap or use the "
                        "guilds.members.read scope"};
                break;
            }
            auto page = client_.guilds(context_, after_);
            ++pages_;
            if (page.error) {
                list_error_ = page.error;
                break;
            }
            if (page.value->guilds.empty()) {
                list_complete_ = true;
                break;
            }
            for (const auto& guild : page.value->guilds) {
                seen_.insert(guild.id);
                if (after_.empty() || snowflake::parse(guild.id) > snowflake::parse(after_))
                    after_ = guild.id;
            }
        }

        if (list_error_)
            return list_error_;
        for (const auto& id : wanted)
            if (seen_.count(id) || list_complete_)
                data_.listed_guilds[id] = seen_.count(id) > 0;
        return std::nullopt;
    }

    void fetch_avatar(const std::string& url)
    {
        if (!data_.avatars.count(url))
            data_.avatars.emplace(url, client_.avatar(context_, url));
    }

    discord::client<Transport>& client_;
    const login_context& login_;
    scope_set pipeline_scopes_;
    std::vector<discord::request_record> log_;
    discord::request_context context_;
    fetched_data data_;

    bool scopes_checked_ = false;
    std::optional<discord::api_error> scope_error_;
    std::optional<discord::api_error> user_error_;

    std::set<std::string> seen_;
    std::string after_;
    int pages_ = 0;
    bool list_complete_ = false;
    std::optional<discord::api_error> list_error_;
};

} // namespace guildgate
