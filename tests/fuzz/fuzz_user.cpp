// libFuzzer target for decode<user> and the avatar helpers in avatar.hpp.
//
// The whole input is the body of GET /users/@me. A decoded user must carry a valid ID, survive
// a JSON round trip unchanged, and give a default avatar index and an avatar URL of the
// documented shape. The raw bytes also go through base64_encode and image_mime_type.

#include "fuzz_support.hpp"

#include <guildgate/discord/avatar.hpp>
#include <guildgate/discord/decode.hpp>
#include <guildgate/discord/user.hpp>

#include <boost/json/src.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace discord = guildgate::discord;
using guildgate_fuzz::as_text;

constexpr std::string_view cdn_base = "https://cdn.test";

void check_round_trip(const discord::user& who)
{
    boost::json::object object;
    object["id"] = who.id;
    object["username"] = who.username;
    guildgate_fuzz::put_field(object, "discriminator", who.discriminator);
    guildgate_fuzz::put_field(object, "global_name", who.global_name);
    guildgate_fuzz::put_field(object, "avatar", who.avatar);
    guildgate_fuzz::put_field(object, "email", who.email);
    guildgate_fuzz::put_field(object, "verified", who.verified);

    auto again = discord::decode<discord::user>(boost::json::serialize(object));
    GUILDGATE_FUZZ_CHECK(again.value.has_value());
    GUILDGATE_FUZZ_CHECK(again.value->id == who.id);
    GUILDGATE_FUZZ_CHECK(again.value->username == who.username);
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->discriminator, who.discriminator));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->global_name, who.global_name));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->avatar, who.avatar));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->email, who.email));
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::same_field(again.value->verified, who.verified));
}

void check_names(const discord::user& who)
{
    std::string tag = who.tag();
    if (who.is_legacy())
        GUILDGATE_FUZZ_CHECK(tag == who.username + "#" + who.discriminator.value());
    else
        GUILDGATE_FUZZ_CHECK(tag == who.username);
    // tag() never appends the new-style discriminator "0". A discriminator that itself ends in
    // "#0", such as "#0", is kept as written, because Discord sends only "0" or four digits.
    GUILDGATE_FUZZ_CHECK(tag != who.username + "#0");

    const std::string& display = who.display_name();
    GUILDGATE_FUZZ_CHECK(display == (who.global_name.has_value() ? who.global_name.value()
                                                                 : who.username));
}

void check_avatar(const discord::user& who)
{
    auto index = discord::default_avatar_index(who);
    GUILDGATE_FUZZ_CHECK(index < 6);
    if (who.is_legacy() && guildgate::snowflake::parse(who.discriminator.value()))
        GUILDGATE_FUZZ_CHECK(index < 5);

    std::string url = discord::avatar_url(std::string(cdn_base) + "/", who, 64);
    GUILDGATE_FUZZ_CHECK(url.starts_with(cdn_base));
    GUILDGATE_FUZZ_CHECK(url.compare(cdn_base.size(), 2, "//") != 0);

    if (!who.avatar.has_value() || who.avatar.value().empty()) {
        std::string expected = std::string(cdn_base) + "/embed/avatars/" +
                               std::to_string(index) + ".png";
        GUILDGATE_FUZZ_CHECK(url == expected);
        return;
    }

    std::string prefix = std::string(cdn_base) + "/avatars/" + who.id + "/" + who.avatar.value();
    GUILDGATE_FUZZ_CHECK(url.starts_with(prefix));
    bool animated = who.avatar.value().starts_with("a_");
    GUILDGATE_FUZZ_CHECK(url.substr(prefix.size()) ==
                         (animated ? ".gif?size=64" : ".png?size=64"));
}

// Decodes base64 text with padding, for the round trip of base64_encode.
std::string base64_decode(std::string_view text)
{
    auto sextet = [](char c) -> std::uint32_t {
        if (c >= 'A' && c <= 'Z')
            return std::uint32_t(c - 'A');
        if (c >= 'a' && c <= 'z')
            return std::uint32_t(c - 'a' + 26);
        if (c >= '0' && c <= '9')
            return std::uint32_t(c - '0' + 52);
        return c == '+' ? 62 : 63;
    };

    std::string out;
    for (std::size_t i = 0; i + 3 < text.size(); i += 4) {
        std::uint32_t n = sextet(text[i]) << 18 | sextet(text[i + 1]) << 12;
        if (text[i + 2] != '=')
            n |= sextet(text[i + 2]) << 6;
        if (text[i + 3] != '=')
            n |= sextet(text[i + 3]);
        out += char(n >> 16);
        if (text[i + 2] != '=')
            out += char(n >> 8 & 0xFF);
        if (text[i + 3] != '=')
            out += char(n & 0xFF);
    }
    return out;
}

void check_base64(std::string_view bytes)
{
    std::string encoded = discord::base64_encode(bytes);
    GUILDGATE_FUZZ_CHECK(encoded.size() == (bytes.size() + 2) / 3 * 4);

    std::size_t padding = (3 - bytes.size() % 3) % 3;
    std::size_t data_chars = encoded.size() - padding;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        char c = encoded[i];
        bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/';
        GUILDGATE_FUZZ_CHECK(i < data_chars ? alphabet : c == '=');
    }
    GUILDGATE_FUZZ_CHECK(base64_decode(encoded) == bytes);
}

void check_mime_type(std::string_view bytes)
{
    auto mime = discord::image_mime_type(bytes);
    if (!mime)
        return;
    if (*mime == "image/png")
        GUILDGATE_FUZZ_CHECK(bytes.starts_with("\x89PNG\r\n\x1a\n"));
    else if (*mime == "image/gif")
        GUILDGATE_FUZZ_CHECK(bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a"));
    else if (*mime == "image/jpeg")
        GUILDGATE_FUZZ_CHECK(bytes.starts_with("\xFF\xD8\xFF"));
    else
        GUILDGATE_FUZZ_CHECK(*mime == "image/webp" && bytes.size() >= 12 &&
                             bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view body = as_text(data, size);

    auto result = discord::decode<discord::user>(body);
    guildgate_fuzz::check_decoded(result);
    if (result.value) {
        GUILDGATE_FUZZ_CHECK(guildgate_fuzz::is_snowflake_text(result.value->id));
        check_round_trip(*result.value);
        check_names(*result.value);
        check_avatar(*result.value);
    }

    check_base64(body);
    check_mime_type(body);
    return 0;
}
