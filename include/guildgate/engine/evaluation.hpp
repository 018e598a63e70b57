#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/login_context.hpp>
#include <guildgate/discord/api_error.hpp>
#include <guildgate/discord/user.hpp>
#include <guildgate/engine/effects.hpp>
#include <guildgate/engine/trace.hpp>
#include <guildgate/repository/concept.hpp>

#include <optional>
#include <string>
#include <vector>

namespace guildgate {

// The result of evaluating a pipeline for one login.
struct evaluation {
    guildgate::verdict verdict = verdict::error;

    // Set when verdict is error: the kind, HTTP status, JSON code and route.
    std::optional<discord::api_error> error;

    // Messages for the user, in order.
    std::vector<std::string> messages;

    // Audit events; none of them contains the token.
    std::vector<event> events;

    guildgate::stage stage = stage::authentication;

    // The Discord user, when GET /users/@me was read.
    std::optional<discord::user> discord_user;

    // Groups for the enrollment flow (map_roles_to_groups at enrollment).
    std::vector<std::string> enrollment_groups;

    // The change the repository applied, empty unless the pipeline passed and wrote.
    std::optional<applied_change> applied;

    guildgate::trace trace;

    bool passing() const noexcept { return verdict == verdict::allow; }

    evaluation();
    evaluation(const evaluation&);
    evaluation(evaluation&&) noexcept;
    evaluation& operator=(const evaluation&);
    evaluation& operator=(evaluation&&) noexcept;
    ~evaluation();
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/evaluation.ipp>
#endif
