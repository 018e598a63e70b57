#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/pipeline.hpp>
#include <guildgate/discord/client.hpp>
#include <guildgate/engine/decide.hpp>
#include <guildgate/engine/evaluation.hpp>
#include <guildgate/engine/session.hpp>
#include <guildgate/repository/concept.hpp>

#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>

namespace guildgate {

namespace detail {

// One rule of a pipeline as the evaluation loop calls it: the rule's address and the functions
// that call its members. The loop itself (run_pipeline) is then the same code for every
// pipeline type and is compiled once with GUILDGATE_SEPARATE_COMPILATION.
struct rule_view {
    const void* rule = nullptr;
    std::string (*describe)(const void* rule) = nullptr;
    void (*plan)(const void* rule, fetch_plan& plan, const plan_context& context) = nullptr;

    // rule.decide(). Unless `decides_on_errors`, run_pipeline calls it only when every
    // resource in the rule's plan arrived, as detail::run_decide does.
    step (*decide)(const void* rule, const fetched_data& data,
                   const plan_context& context) = nullptr;
    bool decides_on_errors = false;

    // Null for a rule without an effects phase.
    void (*plan_effects)(const void* rule, fetch_plan& plan, const fetched_data& data,
                         const plan_context& context) = nullptr;
    void (*collect_effects)(const void* rule, const fetched_data& data,
                            const plan_context& context, effect_list& effects) = nullptr;
};

// The functions of rule_view for one rule type.
template <class Rule>
struct rule_calls {
    static const Rule& of(const void* rule) { return *static_cast<const Rule*>(rule); }

    static std::string describe(const void* rule) { return of(rule).describe(); }

    static void plan(const void* rule, fetch_plan& plan, const plan_context& context)
    {
        of(rule).plan(plan, context);
    }

    static step decide(const void* rule, const fetched_data& data, const plan_context& context)
    {
        return of(rule).decide(data, context);
    }

    static void plan_effects(const void* rule, fetch_plan& plan, const fetched_data& data,
                             const plan_context& context)
    {
        of(rule).plan_effects(plan, data, context);
    }

    static void collect_effects(const void* rule, const fetched_data& data,
                                const plan_context& context, effect_list& effects)
    {
        of(rule).collect_effects(data, context, effects);
    }
};

template <class Rule>
rule_view view_of(const Rule& rule)
{
    using calls = rule_calls<Rule>;
    rule_view view{&rule, &calls::describe, &calls::plan, &calls::decide};
    view.decides_on_errors = decides_on_errors<Rule>;
    if constexpr (rule_with_effects<Rule>) {
        view.plan_effects = &calls::plan_effects;
        view.collect_effects = &calls::collect_effects;
    }
    return view;
}

// The views of a pipeline's rules, in order; they point into `rules`.
template <class... Rules>
std::array<rule_view, sizeof...(Rules)> views_of(const boost::hana::tuple<Rules...>& rules)
{
    return boost::hana::unpack(rules, [](const auto&... each) {
        return std::array<rule_view, sizeof...(Rules)>{view_of(each)...};
    });
}

// A user_repository's apply() behind a function pointer.
struct repository_ref {
    void* repository = nullptr;
    applied_change (*apply)(void* repository, const change_set& change) = nullptr;
};

template <class Repository>
repository_ref repository_ref_of(Repository& repository)
{
    auto apply = [](void* r, const change_set& change) {
        return static_cast<Repository*>(r)->apply(change);
    };
    return {&repository, apply};
}

// The evaluation loop of evaluate(): gates in order, then effects, then one apply().
// `has_effects` is whether any rule has effects (the pipeline's effects() is not empty).
GUILDGATE_DECL evaluation run_pipeline(const rule_view* rules, std::size_t count, bool has_effects,
                                       session& session, repository_ref repository);

} // namespace detail

// Evaluates `policy` for the login that `session` serves and, only when every rule allows,
// applies the effects through `repository` in one transaction. A deny or an error writes
// nothing. Fetching (session.fetch) and deciding (rule.decide) are separate steps: each rule's
// plan is fetched, then the rule decides on what arrived.
template <class Policy, class Repository>
evaluation evaluate(const Policy& policy, session& session, Repository& repository)
{
    static_assert(rule_or_pipeline<Policy>,
                  "guildgate::evaluate: the policy is not a rule or a pipeline; compose rules "
                  "such as require_guild(...) with >>");
    static_assert(user_repository<Repository>,
                  "guildgate::evaluate: the repository does not satisfy user_repository; it "
                  "needs find_user(std::string_view) returning std::optional<user_record> and "
                  "apply(const change_set&) returning applied_change");

    constexpr bool has_effects = !decltype(as_pipeline(policy))::effects().empty();
    if constexpr (detail::is_pipeline<Policy>::value) {
        auto views = detail::views_of(policy.rules());
        return detail::run_pipeline(views.data(), views.size(), has_effects, session,
                                    detail::repository_ref_of(repository));
    } else {
        // A single rule goes through the pipeline's checks, such as conflicting mappings
        // inside all_of.
        auto pipeline = as_pipeline(policy);
        auto views = detail::views_of(pipeline.rules());
        return detail::run_pipeline(views.data(), views.size(), has_effects, session,
                                    detail::repository_ref_of(repository));
    }
}

// Reads the current user (GET /users/@me) in `session` ahead of evaluate(), for a caller that
// needs the Discord ID first, for example to choose the stage. The pipeline's scopes are
// checked first. Returns empty on success (the user is then in session.data()), or the
// failed evaluation to report; evaluate() reuses the user without a second request.
GUILDGATE_DECL std::optional<evaluation> identify(session& session);

// Evaluates `policy` for `login` with a session of its own over `client`, a
// discord::client<Transport>.
template <class Policy, class Repository>
evaluation evaluate(const Policy& policy, const login_context& login,
                    discord::basic_client& client, Repository& repository)
{
    static_assert(rule_or_pipeline<Policy>,
                  "guildgate::evaluate: the policy is not a rule or a pipeline; compose rules "
                  "such as require_guild(...) with >>");
    using pipeline_type = decltype(as_pipeline(policy));
    session fetches(client, login, pipeline_type::scopes());
    return evaluate(policy, fetches, repository);
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/evaluate.ipp>
#endif
