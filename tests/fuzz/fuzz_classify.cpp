// libFuzzer target for classify() and for rate_limiter::record() and check() on its result.
//
// Input layout:
//   bytes 0-1  status = 100 + (big-endian value % 500), so 100 to 599
//   byte 2     bit 0: the member route; bits 1-6: which of `header_names` are present, in order;
//              bit 7: send the header names in lower case
//   the rest   one value per present header, each ended by '\n', then the body (all that is
//              left, newlines included); values that the input runs out of are empty
//
// A classification must match the status class and keep the headers it reads. Its retry_after
// must be from 0 to max_retry_seconds, and the rate limiter must hold requests no longer.

#include "fuzz_support.hpp"

#include <guildgate/core/clock.hpp>
#include <guildgate/discord/classify.hpp>
#include <guildgate/discord/rate_limiter.hpp>
#include <guildgate/transport/http.hpp>

#include <boost/json/src.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace discord = guildgate::discord;
using discord::response_class;

constexpr std::array<std::string_view, 6> header_names = {
    "Retry-After",         "X-RateLimit-Global",    "X-RateLimit-Scope",
    "X-RateLimit-Bucket",  "X-RateLimit-Remaining", "X-RateLimit-Reset-After",
};

constexpr double max_wait_seconds = discord::detail::max_retry_seconds;

struct fuzz_input {
    guildgate::http_response response;
    bool member_route = false;
};

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

fuzz_input split_input(std::string_view bytes)
{
    fuzz_input input;
    unsigned raw_status = bytes.size() >= 2 ? unsigned(std::uint8_t(bytes[0])) << 8 |
                                                  std::uint8_t(bytes[1])
                                            : 0;
    input.response.status = 100 + int(raw_status % 500);
    unsigned flags = bytes.size() >= 3 ? std::uint8_t(bytes[2]) : 0;
    bytes.remove_prefix(bytes.size() < 3 ? bytes.size() : 3);

    input.member_route = flags & 1;
    bool lower_case = flags & 0x80;
    for (std::size_t i = 0; i < header_names.size(); ++i) {
        if (!(flags & (2u << i)))
            continue;
        auto end = bytes.find('\n');
        std::string_view value = bytes.substr(0, end);
        bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
        std::string name = lower_case ? lower(header_names[i]) : std::string(header_names[i]);
        input.response.headers.push_back({std::move(name), std::string(value)});
    }
    input.response.body = std::string(bytes);
    return input;
}

void check_kind(const fuzz_input& input, const discord::classification& meaning)
{
    int status = input.response.status;
    GUILDGATE_FUZZ_CHECK(meaning.status == status);

    if (status >= 200 && status < 300)
        GUILDGATE_FUZZ_CHECK(meaning.kind == response_class::ok);
    if (status >= 300 && status < 400)
        GUILDGATE_FUZZ_CHECK(meaning.kind == response_class::redirect);
    if (status == 401)
        GUILDGATE_FUZZ_CHECK(meaning.kind == response_class::token_invalid);
    if (status >= 500)
        GUILDGATE_FUZZ_CHECK(meaning.kind == response_class::server_error);

    switch (meaning.kind) {
    case response_class::rate_limited:
        GUILDGATE_FUZZ_CHECK(status == 429);
        break;
    case response_class::blocked:
        GUILDGATE_FUZZ_CHECK(status == 429 || status == 403);
        GUILDGATE_FUZZ_CHECK(!meaning.discord_code.has_value());
        break;
    case response_class::missing_scope:
        GUILDGATE_FUZZ_CHECK(status == 403 && meaning.discord_code == 50026);
        break;
    case response_class::not_member:
        GUILDGATE_FUZZ_CHECK(status == 404 && input.member_route);
        GUILDGATE_FUZZ_CHECK(meaning.discord_code == 10004);
        break;
    default:
        break;
    }

    // A JSON code can only come from a body that is a JSON object.
    if (meaning.discord_code) {
        auto start = input.response.body.find_first_not_of(" \t\r\n");
        GUILDGATE_FUZZ_CHECK(start != std::string::npos && input.response.body[start] == '{');
    }
}

void check_headers(const fuzz_input& input, const discord::classification& meaning)
{
    auto scope = input.response.header("X-RateLimit-Scope");
    GUILDGATE_FUZZ_CHECK(meaning.scope == (scope ? *scope : std::string_view{}));

    auto global = input.response.header("X-RateLimit-Global");
    if (global && *global == "true")
        GUILDGATE_FUZZ_CHECK(meaning.global);
}

void check_retry_after(const discord::classification& meaning)
{
    if (!meaning.retry_after)
        return;
    GUILDGATE_FUZZ_CHECK(meaning.kind == response_class::rate_limited ||
                         meaning.kind == response_class::blocked);
    GUILDGATE_FUZZ_CHECK(std::isfinite(*meaning.retry_after));
    GUILDGATE_FUZZ_CHECK(*meaning.retry_after >= 0);
    GUILDGATE_FUZZ_CHECK(*meaning.retry_after <= max_wait_seconds);
}

void check_rate_limiter(const fuzz_input& input, const discord::classification& meaning)
{
    using namespace std::chrono_literals;
    const std::string route = "GET /users/@me";
    const guildgate::clock_source::time_point now{1h};

    discord::rate_limiter limiter;
    limiter.record(1, route, "", input.response, meaning, now);

    auto hold = limiter.check(1, route, "", now);
    if (hold) {
        GUILDGATE_FUZZ_CHECK(hold->wait >= 0s);
        GUILDGATE_FUZZ_CHECK(hold->wait <= std::chrono::duration<double>(max_wait_seconds));
    }
    // A block holds requests unless its Retry-After is under the clock's resolution.
    bool lasting_block = meaning.kind == response_class::blocked &&
                         (!meaning.retry_after || *meaning.retry_after >= 1e-6);
    if (lasting_block)
        GUILDGATE_FUZZ_CHECK(hold && hold->blocked);

    // Every hold ends, because no limit is longer than max_wait_seconds.
    auto later = now + std::chrono::seconds(std::int64_t(max_wait_seconds) + 1);
    GUILDGATE_FUZZ_CHECK(!limiter.check(1, route, "", later));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz_input input = split_input(guildgate_fuzz::as_text(data, size));

    auto meaning = discord::classify(input.response, input.member_route);
    check_kind(input, meaning);
    check_headers(input, meaning);
    check_retry_after(meaning);
    check_rate_limiter(input, meaning);
    return 0;
}
