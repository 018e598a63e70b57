// libFuzzer target for decode<error_body>.
//
// The whole input is the body of a Discord error response. A decoded body must survive a JSON
// round trip unchanged, and its code must be the JSON `code` when that is an integer.

#include "fuzz_support.hpp"

#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/error_body.hpp>

#include <boost/json/src.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace discord = guildgate::discord;

void check_code(std::string_view body, const discord::error_body& error)
{
    // decode succeeded, so the body is a valid JSON object.
    auto parsed = boost::json::parse(body);
    GUILDGATE_FUZZ_CHECK(parsed.is_object());
    const auto* code = parsed.get_object().if_contains("code");
    if (!code || code->is_null())
        GUILDGATE_FUZZ_CHECK(error.code == 0);
    else if (code->is_int64())
        GUILDGATE_FUZZ_CHECK(error.code == code->get_int64());
    else
        GUILDGATE_FUZZ_CHECK(code->is_uint64() &&
                             error.code == static_cast<std::int64_t>(code->get_uint64()));
}

void check_round_trip(const discord::error_body& error)
{
    // JSON has no text for an infinite number, so such a body cannot be written back.
    if (error.retry_after.has_value() && !std::isfinite(error.retry_after.value()))
        return;

    boost::json::object object;
    object["code"] = error.code;
    guildgate_fuzz::put_field(object, "message", error.message);
    guildgate_fuzz::put_field(object, "retry_after", error.retry_after);
    guildgate_fuzz::put_field(object, "global", error.global);

    auto again = discord::decode<discord::error_body>(boost::json::serialize(object));
    GUILDGATE_FUZZ_CHECK(again.value.has_value());
    GUILDGATE_FUZZ_CHECK(again.value->code == error.code);
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->message, error.message));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->retry_after, error.retry_after));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->global, error.global));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view body = guildgate_fuzz::as_text(data, size);

    auto result = discord::decode<discord::error_body>(body);
    guildgate_fuzz::check_decoded(result);
    if (result.value) {
        check_code(body, *result.value);
        check_round_trip(*result.value);
    }
    return 0;
}
