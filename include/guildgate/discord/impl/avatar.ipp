#pragma once

#include <guildgate/discord/avatar.hpp>

#include <cstdint>

namespace guildgate::discord {

GUILDGATE_DECL std::uint64_t default_avatar_index(const user& who)
{
    if (who.is_legacy()) {
        if (auto discriminator = guildgate::detail::parse_snowflake(who.discriminator.value()))
            return *discriminator % 5;
    }
    auto id = snowflake::parse(who.id);
    return id ? (id->value() >> 22) % 6 : 0;
}

GUILDGATE_DECL std::string avatar_url(std::string_view cdn_base, const user& who, int size)
{
    std::string base(cdn_base);
    while (!base.empty() && base.back() == '/')
        base.pop_back();

    if (!who.avatar.has_value() || who.avatar.value().empty())
        return base + "/embed/avatars/" + std::to_string(default_avatar_index(who)) + ".png";

    const std::string& hash = who.avatar.value();
    std::string_view extension = hash.rfind("a_", 0) == 0 ? "gif" : "png";
    return base + "/avatars/" + who.id + "/" + hash + "." + std::string(extension)
        + "?size=" + std::to_string(size);
}

GUILDGATE_DECL std::optional<std::string_view> image_mime_type(std::string_view bytes)
{
    using namespace std::string_view_literals;
    if (bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n"sv)
        return "image/png";
    if (bytes.substr(0, 6) == "GIF87a"sv || bytes.substr(0, 6) == "GIF89a"sv)
        return "image/gif";
    if (bytes.substr(0, 3) == "\xFF\xD8\xFF"sv)
        return "image/jpeg";
    if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF"sv && bytes.substr(8, 4) == "WEBP"sv)
        return "image/webp";
    return std::nullopt;
}

GUILDGATE_DECL std::string base64_encode(std::string_view bytes)
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);

    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        auto n = (std::uint32_t(std::uint8_t(bytes[i])) << 16)
            | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) | std::uint8_t(bytes[i + 2]);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }

    if (std::size_t rest = bytes.size() - i; rest > 0) {
        std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (rest == 2)
            n |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace guildgate::discord
