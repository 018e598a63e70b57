#pragma once

#include <guildgate/engine/session.hpp>

namespace guildgate {

GUILDGATE_DECL session::session(discord::basic_client& client, const login_context& login,
                                scope_set pipeline_scopes)
    : client_(client),
      login_(login),
      pipeline_scopes_(pipeline_scopes),
      context_(client.start(login.access_token, log_))
{
}

GUILDGATE_DECL session::~session() = default;

GUILDGATE_DECL std::optional<discord::api_error> session::fetch(const fetch_plan& plan)
{
    if (plan.empty())
        return std::nullopt;
    if (auto error = check_scopes())
        return error;

    std::optional<discord::api_error> first;
    auto keep = [&](std::optional<discord::api_error> error) {
        if (error && !first)
            first = error;
        if (error && (error->kind == error_kind::token_invalid ||
                      error->kind == error_kind::blocked))
            fatal_ = error;
    };

    if (plan.current_user)
        keep(fetch_current_user());
    for (const auto& guild_id : plan.members)
        keep(fetch_member(guild_id));
    if (!plan.listed_guilds.empty())
        keep(fetch_listed(plan.listed_guilds));
    for (const auto& url : plan.avatars)
        fetch_avatar(url);
    return first;
}

GUILDGATE_DECL std::vector<discord::request_record> session::take_reads()
{
    std::vector<discord::request_record> reads;
    reads.swap(log_);
    return reads;
}

GUILDGATE_DECL std::optional<discord::api_error> session::check_scopes()
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
    data_.scope_error = scope_error_;
    return scope_error_;
}

GUILDGATE_DECL std::optional<discord::api_error> session::fetch_current_user()
{
    if (data_.current_user_error || data_.current_user)
        return data_.current_user_error;
    if (fatal_)
        return data_.current_user_error = fatal_;
    auto result = client_.current_user(context_);
    if (result.error)
        data_.current_user_error = result.error;
    else
        data_.current_user = std::move(result.value);
    return data_.current_user_error;
}

GUILDGATE_DECL std::optional<discord::api_error> session::fetch_member(const std::string& guild_id)
{
    auto it = data_.members.find(guild_id);
    if (it == data_.members.end()) {
        discord::api_result<discord::guild_member> result;
        if (fatal_)
            result.error = fatal_;
        else
            result = client_.member(context_, guild_id);
        it = data_.members.emplace(guild_id, std::move(result)).first;
    }
    return it->second.error;
}

GUILDGATE_DECL std::optional<discord::api_error>
session::fetch_listed(const std::vector<std::string>& wanted)
{
    auto missing = [&] {
        for (const auto& id : wanted)
            if (!data_.listed_guilds.count(id) && !seen_.count(id))
                return true;
        return false;
    };

    if (fatal_ && !list_error_ && !list_complete_ && missing())
        list_error_ = fatal_;
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

    if (list_error_) {
        data_.guild_list_error = list_error_;
        return list_error_;
    }
    for (const auto& id : wanted)
        if (seen_.count(id) || list_complete_)
            data_.listed_guilds[id] = seen_.count(id) > 0;
    return std::nullopt;
}

GUILDGATE_DECL void session::fetch_avatar(const std::string& url)
{
    if (!data_.avatars.count(url))
        data_.avatars.emplace(url, client_.avatar(context_, url));
}

} // namespace guildgate
