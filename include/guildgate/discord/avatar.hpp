#pragma once

#include <guildgate/config.hpp>
#include <guildgate/core/snowflake.hpp>
#include <guildgate/discord/user.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guildgate::discord {

// Returns the index of the default avatar (embed/avatars/{index}.png): (id >> 22) % 6 for
// new-style users, discriminator % 5 for legacy ones, in 64-bit arithmetic.
GUILDGATE_DECL std::uint64_t default_avatar_index(const user& who);

// Returns the CDN URL of the user's avatar at `size` pixels: a GIF for an animated (`a_`) hash,
// a PNG otherwise, and the default avatar (which ignores size) for a null or absent hash.
GUILDGATE_DECL std::string avatar_url(std::string_view cdn_base, const user& who, int size);

// Returns the MIME type of an image from its leading bytes (PNG, GIF, JPEG or WebP), or empty
// when the bytes are not one of those images.
GUILDGATE_DECL std::optional<std::string_view> image_mime_type(std::string_view bytes);

// Returns `bytes` encoded as standard base64 with padding.
GUILDGATE_DECL std::string base64_encode(std::string_view bytes);

} // namespace guildgate::discord

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/discord/impl/avatar.ipp>
#endif
