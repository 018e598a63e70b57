// libFuzzer target for validate() in endpoints.hpp.
//
// The input is the API base URL, a '\n', then the CDN base URL (empty when there is no '\n').
// invalid_endpoint is validate()'s documented way to reject a URL, so the target catches it and
// nothing else. Accepted bases must be https (or http on a loopback host), the API base must be
// versioned, neither may end in '/', and validating them again must change nothing. When the
// transport's URL parser also accepts a request URL built on a base, both must see the same
// host, so a base that passes as loopback cannot send plain http to another host.

#include "fuzz_support.hpp"

#include <guildgate/discord/endpoints.hpp>
#include <guildgate/transport/detail/url.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace discord = guildgate::discord;

void check_base(const std::string& base)
{
    GUILDGATE_FUZZ_CHECK(!base.ends_with('/'));

    std::string scheme = discord::detail::lower(base.substr(0, base.find("://")));
    GUILDGATE_FUZZ_CHECK(scheme == "https" || scheme == "http");

    auto parts = discord::detail::split_base_url(base, "base");
    GUILDGATE_FUZZ_CHECK(!parts.host.empty());
    if (scheme == "http")
        GUILDGATE_FUZZ_CHECK(discord::detail::is_loopback_host(parts.host));

    auto request = guildgate::detail::parse_url(base + "/users/@me");
    if (request) {
        GUILDGATE_FUZZ_CHECK(request->scheme == parts.scheme);
        GUILDGATE_FUZZ_CHECK(request->host == parts.host);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text = guildgate_fuzz::as_text(data, size);
    auto newline = text.find('\n');

    discord::endpoints bases;
    bases.api_base = std::string(text.substr(0, newline));
    bases.cdn_base = newline == std::string_view::npos ? "" : std::string(text.substr(newline + 1));

    discord::endpoints checked;
    try {
        checked = discord::validate(bases);
    } catch (const discord::invalid_endpoint& e) {
        GUILDGATE_FUZZ_CHECK(e.what()[0] != '\0');
        return 0;
    }

    check_base(checked.api_base);
    check_base(checked.cdn_base);
    GUILDGATE_FUZZ_CHECK(checked.api_base.ends_with("/api/v10") ||
                         checked.api_base.ends_with("/api/v9"));

    auto again = discord::validate(checked);
    GUILDGATE_FUZZ_CHECK(again.api_base == checked.api_base);
    GUILDGATE_FUZZ_CHECK(again.cdn_base == checked.cdn_base);
    return 0;
}
