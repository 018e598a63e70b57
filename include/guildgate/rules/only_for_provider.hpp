#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/requirements.hpp>
#include <guildgate/core/scope.hpp>
#include <guildgate/engine/fetch_plan.hpp>
#include <guildgate/engine/step.hpp>

#include <string>

namespace guildgate {

// Lets logins through another OAuth provider pass without any request: for them the remaining
// rules do not run. For the named provider it allows and the pipeline goes on.
class only_for_provider_rule {
public:
    static constexpr scope_set scopes{};
    static constexpr bool needs_membership = false;
    static constexpr resource_set resources{};
    static constexpr effect_set effects{};
    static constexpr bool ends_pipeline = true;

    // Throws std::invalid_argument when `provider` is empty.
    explicit only_for_provider_rule(std::string provider);

    const std::string& provider() const noexcept { return provider_; }

    std::string describe() const { return "only_for_provider(\"" + provider_ + "\")"; }

    void plan(fetch_plan&, const plan_context&) const {}

    step decide(const fetched_data&, const plan_context& context) const;

private:
    std::string provider_;
};

// only_for_provider("discord"): the first rule of a Discord pipeline bound to a flow that other
// sources share.
inline only_for_provider_rule only_for_provider(std::string provider)
{
    return only_for_provider_rule(std::move(provider));
}

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/rules/impl/only_for_provider.ipp>
#endif
