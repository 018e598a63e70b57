#pragma once

#include <guildgate/engine/evaluate.hpp>
#include <guildgate/engine/messages.hpp>

#include <boost/json/array.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace guildgate {

namespace detail {

GUILDGATE_DECL boost::json::array to_json_array(const std::vector<std::string>& items)
{
    return boost::json::array(items.begin(), items.end());
}

GUILDGATE_DECL boost::json::object error_event(const discord::api_error& error,
                                               const std::string& rule)
{
    boost::json::object data{{"kind", to_string(error.kind)},
                             {"status", error.http_status},
                             {"route", error.route},
                             {"rule", rule},
                             {"detail", error.detail}};
    data["code"] = error.discord_code ? boost::json::value(*error.discord_code) : nullptr;
    if (error.retry_after)
        data["retry_after"] = *error.retry_after;
    return data;
}

GUILDGATE_DECL void fail(evaluation& result, const discord::api_error& error,
                         const std::string& rule)
{
    result.verdict = verdict::error;
    result.error = error;
    result.messages.push_back(user_message(error));
    result.events.push_back({"discord_error", error_event(error, rule)});
}

// Turns the collected effects into one change: enrollment and sync groups are added, and each
// sync removes the groups its mapping owns but no longer gives.
GUILDGATE_DECL change_set build_change(const discord::user& who, const effect_list& effects)
{
    change_set change;
    change.discord_id = who.id;
    change.username = who.username;
    change.set_attributes = effects.attributes;

    std::vector<std::string> add = effects.enrollment_groups;
    for (const auto& sync : effects.syncs)
        add.insert(add.end(), sync.target.begin(), sync.target.end());
    std::sort(add.begin(), add.end());
    add.erase(std::unique(add.begin(), add.end()), add.end());

    std::vector<std::string> remove;
    for (const auto& sync : effects.syncs)
        for (const auto& group : sync.owned)
            if (!std::binary_search(add.begin(), add.end(), group))
                remove.push_back(group);
    std::sort(remove.begin(), remove.end());
    remove.erase(std::unique(remove.begin(), remove.end()), remove.end());

    change.add_groups = std::move(add);
    change.remove_groups = std::move(remove);
    return change;
}

GUILDGATE_DECL evaluation run_pipeline(const rule_view* rules, std::size_t count, bool has_effects,
                                       session& session, repository_ref repository)
{
    const login_context& login = session.login();
    plan_context context{login, session.pipeline_scopes(), session.options().endpoints.cdn_base};

    evaluation result;
    result.stage = login.stage;

    // Reads made before evaluate(), by identify(), get a trace entry of their own.
    if (auto early = session.take_reads(); !early.empty())
        result.trace.entries.push_back({"identify the user", "gate", std::move(early),
                                        verdict::allow, "read before the pipeline ran"});
    bool stopped = false;
    bool passed_early = false;

    for (std::size_t i = 0; i < count && !stopped; ++i) {
        const rule_view& rule = rules[i];
        std::string name = rule.describe(rule.rule);
        trace_entry entry{name, "gate", {}, verdict::allow, {}};
        fetch_plan plan;
        rule.plan(rule.rule, plan, context);
        session.fetch(plan);
        step decided;
        std::optional<discord::api_error> error;
        if (!rule.decides_on_errors)
            error = session.data().error_in(plan);
        if (error)
            decided = step{verdict::error, error->detail, {}, error};
        else
            decided = rule.decide(rule.rule, session.data(), context);
        entry.reads = session.take_reads();
        entry.verdict = decided.verdict;
        entry.reason = decided.reason;
        result.trace.entries.push_back(std::move(entry));

        if (decided.verdict == verdict::allow) {
            stopped = passed_early = decided.pass_rest;
            continue;
        }
        stopped = true;
        result.trace.decided_by = result.trace.entries.size() - 1;
        if (decided.verdict == verdict::deny) {
            result.verdict = verdict::deny;
            result.messages.push_back(decided.message);
        } else {
            fail(result, *decided.error, name);
        }
    }

    result.discord_user = session.data().current_user;
    if (stopped && !passed_early)
        return result;
    result.verdict = verdict::allow;
    if (passed_early)
        return result;

    // The effects phase: resources that only effects need (the avatar) are fetched now that
    // every gate has passed, so a denied login costs no avatar download.
    effect_list effects;
    if (has_effects) {
        fetch_plan identity;
        identity.need_current_user();
        if (auto error = session.fetch(identity)) {
            result.trace.entries.push_back({"identify the user", "effects", session.take_reads(),
                                            verdict::error, error->detail});
            result.trace.decided_by = result.trace.entries.size() - 1;
            fail(result, *error, "identify the user");
            return result;
        }
        result.discord_user = session.data().current_user;
        if (auto reads = session.take_reads(); !reads.empty())
            result.trace.entries.push_back({"identify the user", "effects", std::move(reads),
                                            verdict::allow, "the user whose effects are stored"});
    }

    for (std::size_t i = 0; i < count; ++i) {
        const rule_view& rule = rules[i];
        if (!rule.plan_effects)
            continue;
        fetch_plan plan;
        rule.plan_effects(rule.rule, plan, session.data(), context);
        session.fetch(plan);
        rule.collect_effects(rule.rule, session.data(), context, effects);
        auto reads = session.take_reads();
        if (!reads.empty())
            result.trace.entries.push_back({rule.describe(rule.rule), "effects", std::move(reads),
                                            verdict::allow, "effects collected"});
    }

    result.enrollment_groups = effects.enrollment_groups;
    for (auto& event : effects.events)
        result.events.push_back(std::move(event));
    if (!session.data().current_user)
        return result;

    try {
        change_set change = build_change(*session.data().current_user, effects);
        result.applied = repository.apply(repository.repository, change);
    } catch (const repository_error& error) {
        discord::api_error failure{error_kind::storage, 0, std::nullopt, "", std::nullopt,
                                   error.what()};
        fail(result, failure, "apply effects");
        result.events.back().action = "storage_error";
        return result;
    }

    if (!effects.syncs.empty() || !effects.enrollment_groups.empty())
        result.events.push_back(
            {"groups_synced",
             {{"stage", to_string(login.stage)},
              {"before", detail::to_json_array(result.applied->before.groups)},
              {"after", detail::to_json_array(result.applied->after.groups)}}});
    return result;
}

} // namespace detail

GUILDGATE_DECL std::optional<evaluation> identify(session& session)
{
    fetch_plan identity;
    identity.need_current_user();
    auto error = session.fetch(identity);
    if (!error)
        return std::nullopt;

    evaluation failed;
    failed.stage = session.login().stage;
    failed.trace.entries.push_back({"identify the user", "gate", session.take_reads(),
                                    verdict::error, error->detail});
    failed.trace.decided_by = 0;
    detail::fail(failed, *error, "identify the user");
    return failed;
}

} // namespace guildgate
