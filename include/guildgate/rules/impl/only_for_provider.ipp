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

// Returns whether `name` is a provider type as OAuth sources write it: 1 to 64 ASCII
// letters, digits, '-', '_' and '.' ("discord", "github", "openidconnect").
GUILDGATE_DECL bool is_provider_name(std::string_view name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

} // namespace detail

GUILDGATE_DECL only_for_provider_rule::only_for_provider_rule(std::string provider)
    : provider_(std::move(provider))
{
    if (!detail::is_provider_name(detail::trim_blanks(provider_)))
        throw std::invalid_argument("only_for_provider: the provider name is empty or has a "
                                    "character other than letters, digits, '-', '_' and '.'; "
                                    "give the OAuth source's provider type, such as "
                                    "\"discord\"");
}

GUILDGATE_DECL step only_for_provider_rule::decide(const fetched_data&,
                                                   const plan_context& context) const
{
    // A login without a valid provider name would otherwise count as another provider and
    // pass every rule: "discord\n" from a stray line break must not turn the policy off. The
    // name is not repeated in the reason, since it may hold control characters.
    std::string_view provider = detail::trim_blanks(context.login.provider);
    if (!detail::is_provider_name(provider))
        return step::deny("the login's provider name is empty or has a character other than "
                          "letters, digits, '-', '_' and '.', so the rules cannot be chosen",
                          "The sign-in source is unknown, log in again.");

    // Case-insensitive and without surrounding blanks: a pipeline written with "Discord"
    // must not skip every rule for the "discord" logins it was meant to check.
    if (detail::iequals(provider, detail::trim_blanks(provider_)))
        return step::allow("the login is through " + provider_);
    step skip = step::allow("the login is through \"" + std::string(provider) +
                            "\", not " + provider_ + ", so the remaining rules do not run");
    skip.pass_rest = true;
    return skip;
}

} // namespace guildgate
