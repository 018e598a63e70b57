#pragma once

#include <guildgate/discord/api_error.hpp>

#include <optional>
#include <string>

namespace guildgate {

// The three outcomes of a rule and of a whole evaluation.
enum class verdict { allow, deny, error };

constexpr std::string_view to_string(verdict value) noexcept
{
    switch (value) {
    case verdict::allow: return "allow";
    case verdict::deny: return "deny";
    case verdict::error: return "error";
    }
    return "error";
}

// The decision of one rule.
struct step {
    guildgate::verdict verdict = verdict::allow;

    // Why, for the trace: "member of 812345678901234567 (Example Guild)".
    std::string reason;

    // For the user on deny and error: "User is not a member of Example Guild."
    std::string message;

    // The error that stopped the rule, when verdict is error.
    std::optional<discord::api_error> error;

    // The pipeline passes here and the remaining rules do not run (only_for_provider with
    // another provider).
    bool pass_rest = false;

    static step allow(std::string reason) { return {verdict::allow, std::move(reason), {}, {}}; }

    static step deny(std::string reason, std::string message)
    {
        return {verdict::deny, std::move(reason), std::move(message), {}};
    }
};

} // namespace guildgate
