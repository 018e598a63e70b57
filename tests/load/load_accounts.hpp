#pragma once

// The accounts of the load test: one emulator account per access token, each of a kind with a
// known outcome under the five-rule pipeline (tests/faults/matrix_pipeline.hpp, "full").

#include "emulator/emulator.hpp"

#include <boost/json.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::load {

enum class account_kind { allow, not_member, missing_role, server_error, rate_limited, revoked };

// What one kind's evaluation must end in: a verdict, and for an error its kind.
struct expected_outcome {
    std::string_view verdict;
    std::optional<std::string_view> error;
};

inline std::string_view to_string(account_kind kind)
{
    constexpr std::array<std::string_view, 6> names{
        "allow", "not_member", "missing_role", "server_error_503", "rate_limited_429",
        "token_invalid_401"};
    return names[static_cast<std::size_t>(kind)];
}

inline expected_outcome expected(account_kind kind)
{
    switch (kind) {
    case account_kind::allow: return {"allow", std::nullopt};
    case account_kind::not_member: return {"deny", std::nullopt};
    case account_kind::missing_role: return {"deny", std::nullopt};
    case account_kind::server_error: return {"error", "discord_unavailable"};
    case account_kind::rate_limited: return {"error", "rate_limited"};
    case account_kind::revoked: return {"error", "token_invalid"};
    }
    return {"error", std::nullopt};
}

// The kind of token `index`: of every 10 tokens, 7 allow, 1 is not a member, 1 lacks the role
// and 1 has a fault on the member route, which is a 503, a 429 or a 401 in turn.
inline account_kind kind_of(std::size_t index)
{
    switch (index % 10) {
    case 7: return account_kind::not_member;
    case 8: return account_kind::missing_role;
    case 9: {
        constexpr std::array<account_kind, 3> faults{
            account_kind::server_error, account_kind::rate_limited, account_kind::revoked};
        return faults[(index / 10) % 3];
    }
    default: return account_kind::allow;
    }
}

inline std::string token_of(std::size_t index)
{
    return "load-token-" + std::to_string(index);
}

namespace accounts_detail {

inline constexpr std::string_view guild_id = "812345678901234567";
inline constexpr std::string_view member_path =
    "/api/v10/users/@me/guilds/812345678901234567/member";

inline boost::json::object member_fault(account_kind kind)
{
    switch (kind) {
    case account_kind::server_error:
        return {{"path", member_path}, {"status", 503}, {"content_type", "text/plain"},
                {"body", "upstream connect error or disconnect/reset before headers"}};
    case account_kind::rate_limited:
        return {{"path", member_path},
                {"status", 429},
                {"body", R"({"message":"You are being rate limited.","retry_after":64.57,)"
                         R"("global":false})"},
                {"headers", {{"Retry-After", "65"}, {"X-RateLimit-Scope", "user"}}}};
    default:
        return {{"path", member_path},
                {"status", 401},
                {"body", R"({"message":"401: Unauthorized","code":0})"}};
    }
}

} // namespace accounts_detail

// Returns the emulator account for token `index`. Its rate_limit reports a limit that the run
// never exhausts, so the client's rate limiter delays no request. The one exception is a
// rate_limited token after its scripted 429, whose bucket then stays empty for 64.57 s.
inline testing::account make_account(std::size_t index)
{
    using namespace accounts_detail;

    account_kind kind = kind_of(index);
    auto id = std::to_string(500000000000000000ULL + index);
    boost::json::object user{{"id", id},
                             {"username", "load" + std::to_string(index)},
                             {"discriminator", "0"},
                             {"global_name", nullptr},
                             {"avatar", "8342729096ea3675442027381ff50dfe"}};

    boost::json::array roles;
    if (kind == account_kind::missing_role)
        roles.push_back("823456789012345680");
    else
        roles.push_back("823456789012345678");

    boost::json::object members;
    if (kind != account_kind::not_member)
        members[guild_id] = {{"roles", roles}, {"pending", false}, {"nick", nullptr}};

    boost::json::object json{{"user", user},
                             {"guilds", {{{"id", guild_id}, {"name", "Example Guild"}}}},
                             {"members", members},
                             {"rate_limit", {{"limit", 1000000000}, {"reset_after", 1.0}}}};
    if (kind == account_kind::server_error || kind == account_kind::rate_limited ||
        kind == account_kind::revoked)
        json["faults"] = boost::json::array{member_fault(kind)};
    return testing::parse_account(json, "load account " + std::to_string(index));
}

} // namespace guildgate::load
