#pragma once

#include <guildgate/core/access_token.hpp>
#include <guildgate/core/scope.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace guildgate {

// The flow of a login: creating the user, or logging in an existing one.
enum class stage { enrollment, authentication };

constexpr std::string_view to_string(stage value) noexcept
{
    return value == stage::enrollment ? "enrollment" : "authentication";
}

// The facts of one login attempt, as the OAuth callback has them.
struct login_context {
    // The OAuth source's provider type; rules other than only_for_provider assume "discord".
    std::string provider = "discord";

    // The access token that Discord issued for this login.
    guildgate::access_token access_token;

    // The token response's `scope` string as a set. std::nullopt means the granted scopes are
    // unknown, so they are not checked before requests. An empty set means none were granted,
    // so every pipeline fails with missing_scope.
    std::optional<scope_set> granted_scopes;

    guildgate::stage stage = stage::authentication;
};

} // namespace guildgate
