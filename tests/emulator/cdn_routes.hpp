#pragma once

#include "emulator/fixture.hpp"
#include "emulator/responses.hpp"

#include <boost/beast/http/field.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

// The CDN routes: /avatars/{user.id}/{user.avatar}.png|.gif and /embed/avatars/{index}.png,
// served from the files in fixture_set::cdn_dir.
namespace guildgate::testing {

namespace cdn_detail {

inline std::optional<std::string> read_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline emulator_response image(const std::filesystem::path& file, std::string_view type)
{
    auto bytes = read_file(file);
    if (!bytes)
        return not_found();
    auto response = text_response(200, std::move(*bytes), type);
    response.set(boost::beast::http::field::cache_control, "public, max-age=31536000");
    return response;
}

// True when `size` is a power of two from 16 to 4096, the sizes that Discord's CDN accepts.
inline bool valid_size(std::string_view size)
{
    auto value = parse_decimal(size);
    return value && *value >= 16 && *value <= 4096 && (*value & (*value - 1)) == 0;
}

// The avatar hash of the account whose user has id `user_id`, if any.
inline std::optional<std::string> avatar_hash(const fixture_set& fixtures,
                                              std::string_view user_id)
{
    for (const auto& [token, user_account] : fixtures.accounts) {
        auto* id = user_account.user.if_contains("id");
        auto* avatar = user_account.user.if_contains("avatar");
        if (id && id->is_string() && id->get_string() == user_id && avatar
            && avatar->is_string())
            return std::string(avatar->get_string());
    }
    return std::nullopt;
}

} // namespace cdn_detail

// Serves a CDN request. It rejects any request with an Authorization header (400), which the
// real CDN would ignore, so that tests can prove that a token never reaches the CDN.
inline emulator_response cdn_response(const fixture_set& fixtures, const emulator_request& request,
                                      const split_target& target)
{
    using namespace cdn_detail;

    if (request.find(boost::beast::http::field::authorization) != request.end())
        return discord_error(400, "emulator: the CDN received an Authorization header", 0);

    if (auto size = target.parameter("size"); size && !valid_size(*size))
        return text_response(400, "invalid size: use a power of two from 16 to 4096",
                             "text/plain");

    std::string_view path = target.path;
    constexpr std::string_view embed = "/embed/avatars/";
    if (path.starts_with(embed)) {
        auto name = path.substr(embed.size());
        bool known = name.size() == 5 && name[0] >= '0' && name[0] <= '5' && name.ends_with(".png");
        if (!known)
            return not_found();
        return image(fixtures.cdn_dir / "embed" / std::string(name), "image/png");
    }

    // /avatars/{user.id}/{hash}.{png|gif}
    constexpr std::string_view avatars = "/avatars/";
    auto rest = path.substr(avatars.size());
    auto slash = rest.find('/');
    auto dot = rest.rfind('.');
    if (slash == std::string_view::npos || dot == std::string_view::npos || dot < slash)
        return not_found();

    auto user_id = rest.substr(0, slash);
    auto hash = rest.substr(slash + 1, dot - slash - 1);
    auto extension = rest.substr(dot + 1);
    auto expected = avatar_hash(fixtures, user_id);
    if (!expected || *expected != hash)
        return not_found();

    if (extension == "png")
        return image(fixtures.cdn_dir / (std::string(hash) + ".png"), "image/png");
    if (extension == "gif" && hash.starts_with("a_"))
        return image(fixtures.cdn_dir / (std::string(hash) + ".gif"), "image/gif");
    return not_found();
}

} // namespace guildgate::testing
