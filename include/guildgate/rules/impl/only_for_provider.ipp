#pragma once

#include <guildgate/core/detail/ascii.hpp>
#include <guildgate/rules/only_for_provider.hpp>

namespace guildgate {

GUILDGATE_DECL step only_for_provider_rule::decide(const fetched_data&,
                                                   const plan_context& context) const
{
    // Case-insensitive: a pipeline written with "Discord" must not skip every rule for
    // the "discord" logins it was meant to check.
    if (detail::iequals(context.login.provider, provider_))
        return step::allow("the login is through " + provider_);
    step skip = step::allow("the login is through \"" + context.login.provider +
                            "\", not " + provider_ + ", so the remaining rules do not run");
    skip.pass_rest = true;
    return skip;
}

} // namespace guildgate
