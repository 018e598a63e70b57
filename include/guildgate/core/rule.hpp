#pragma once

#include <guildgate/core/requirements.hpp>
#include <guildgate/core/scope.hpp>

#include <concepts>
#include <string>
#include <type_traits>

namespace guildgate {

// A rule is a value whose type states, as constants, what it needs:
//
// - `scopes`: the OAuth2 scopes it needs whatever the rest of the pipeline is;
// - `needs_membership`: whether it learns guild membership, which comes from the member route
//   when the pipeline has guilds.members.read and from the guild list (scope guilds) otherwise;
// - `resources`: the Discord resources it reads, besides membership;
// - `effects`: what it may write when the pipeline passes;
//
// and whose `describe()` names it in traces. Its `plan`, `decide` and, for rules with effects,
// `plan_effects` and `collect_effects` members are called by the engine (engine/evaluate.hpp).
template <class Rule>
concept rule = requires(const Rule& r) {
    { Rule::scopes } -> std::convertible_to<scope_set>;
    { Rule::needs_membership } -> std::convertible_to<bool>;
    { Rule::resources } -> std::convertible_to<resource_set>;
    { Rule::effects } -> std::convertible_to<effect_set>;
    { r.describe() } -> std::convertible_to<std::string>;
};

// Whether `Rule` can end the whole pipeline with an allow, as only_for_provider does for
// another provider. Such a rule belongs to the pipeline itself: inside all_of, any_of, not_ or
// when, its early pass would end the outer pipeline too, and every later rule would be skipped.
template <class Rule>
inline constexpr bool ends_pipeline = requires { requires Rule::ends_pipeline; };

} // namespace guildgate
