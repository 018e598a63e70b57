#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/login_context.hpp>
#include <guildgate/core/scope.hpp>
#include <guildgate/discord/api_result.hpp>
#include <guildgate/discord/guild_member.hpp>
#include <guildgate/discord/user.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate {

// The resources a rule reads, listed before anything is fetched. The engine fetches each resource at
// most once per evaluation, however many rules list it.
struct fetch_plan {
    bool current_user = false;
    std::vector<std::string> listed_guilds; // membership looked up in GET /users/@me/guilds
    std::vector<std::string> members;       // member objects, by guild id
    std::vector<std::string> avatars;       // CDN URLs, fetched only after every gate passed

    void need_current_user() { current_user = true; }
    void need_listed_guild(const std::string& guild_id);
    void need_member(const std::string& guild_id);
    void need_avatar(const std::string& url);

    bool empty() const
    {
        return !current_user && listed_guilds.empty() && members.empty() && avatars.empty();
    }

private:
    static void add(std::vector<std::string>& list, const std::string& value);
};

// The facts a rule may use when it plans: the login and the scopes of the whole pipeline.
// A pipeline with guilds.members.read learns membership from the member route.
struct plan_context {
    const login_context& login;
    scope_set pipeline_scopes;
    std::string_view cdn_base; // where avatar URLs point
};

// The resources fetched so far in one evaluation. A rule's decide() runs only after every
// resource in its plan arrived, so it finds each one here, as a value or a "not a member".
struct fetched_data {
    std::optional<discord::user> current_user;
    std::optional<discord::api_error> current_user_error;
    std::map<std::string, bool> listed_guilds; // guild id -> member
    std::optional<discord::api_error> guild_list_error;

    // Set when the granted scopes lack one the pipeline needs: nothing was fetched.
    std::optional<discord::api_error> scope_error;
    std::map<std::string, discord::api_result<discord::guild_member>> members;
    std::map<std::string, discord::api_result<discord::avatar_image>> avatars;

    // The member object in `guild_id`, or null when the user is not a member.
    const discord::guild_member* member(const std::string& guild_id) const;

    // Returns the first error among the gate resources that `plan` lists, or empty when each
    // of them arrived. Rules whose plan has an error are not asked to decide.
    std::optional<discord::api_error> error_in(const fetch_plan& plan) const;

    // Whether the user is in `guild_id`, from the member route or the guild list.
    bool in_guild(const std::string& guild_id) const;

private:
    static discord::api_error missing(const std::string& what)
    {
        return {error_kind::bad_response, 0, std::nullopt, "", std::nullopt, what + " was not fetched"};
    }
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/fetch_plan.ipp>
#endif
