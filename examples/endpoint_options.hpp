#pragma once

// The --api-base and --cdn-base check that login_gate and the example programs share.

#include <guildgate/discord/endpoints.hpp>

#include <string>

namespace guildgate_examples {

// Returns whether both base URLs are the defaults or both are not. An API base of its own (an
// emulator, a proxy) with the default CDN would send avatar downloads to the real Discord CDN.
// URLs are compared without case and trailing slashes, so "https://CDN.discordapp.com/" is
// the default CDN.
inline bool bases_given_together(const guildgate::discord::endpoints& bases)
{
    auto normal = [](std::string url) {
        while (!url.empty() && url.back() == '/')
            url.pop_back();
        for (char& c : url)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return url;
    };
    guildgate::discord::endpoints defaults;
    bool api_given = normal(bases.api_base) != normal(defaults.api_base);
    bool cdn_given = normal(bases.cdn_base) != normal(defaults.cdn_base);
    return api_given == cdn_given;
}

} // namespace guildgate_examples
