#pragma once

#include <guildgate/core/detail/ascii.hpp>
#include <guildgate/rules/only_for_provider.hpp>

#include <stdexcept>
#include <string_view>

namespace guildgate {

namespace detail {

// Returns `text` without leading and trailing spaces and tabs.
GUILDGATE_DECL std::string_view trim_blanks(std::string_view text)
{
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

} // namespace detail

GUILDGATE_DECL only_for_provider_rule::only_for_provider_rule(std::string provider)
    : provider_(std::move(provider))
{
    if (detail::trim_blanks(provider_).empty())
        throw std::invalid_argument("only_for_provider: the provider name is empty; give the "
                                    "OAuth source's provider type, such as \"discord\"");
}

GUILDGATE_DECL step only_for_provider_rule::decide(const fetched_data&,
                                                   const plan_context& context) const
{
    // A login without a provider name would otherwise count as another provider and pass
    // every rule, so it is denied: the caller did not say where the login came from.
    std::string_view provider = detail::trim_blanks(context.login.provider);
    if (provider.empty())
        return step::deny("the login has no provider name, so the rules cannot be chosen",
                          "The sign-in source is unknown, log in again.");

    // Case-insensitive and without surrounding blanks: a pipeline written with "Discord"
    // must not skip every rule for the "discord" logins it was meant to check.
    if (detail::iequals(provider, detail::trim_blanks(provider_)))
        return step::allow("the login is through " + provider_);
    step skip = step::allow("the login is through \"" + context.login.provider +
                            "\", not " + provider_ + ", so the remaining rules do not run");
    skip.pass_rest = true;
    return skip;
}

} // namespace guildgate
