#include <guildgate/discord/avatar.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace {

using namespace std::string_view_literals;
using guildgate::discord::avatar_url;
using guildgate::discord::base64_encode;
using guildgate::discord::image_mime_type;
using guildgate::discord::user;

const std::string cdn = "https://cdn.discordapp.com";

user make_user(std::string id, guildgate::discord::field<std::string> avatar,
               guildgate::discord::field<std::string> discriminator = std::string("0"))
{
    user who;
    who.id = std::move(id);
    who.username = "nelly";
    who.avatar = std::move(avatar);
    who.discriminator = std::move(discriminator);
    return who;
}

std::string mime_of(std::string_view bytes)
{
    auto mime = image_mime_type(bytes);
    return mime ? std::string(*mime) : std::string("none");
}

} // namespace

BOOST_AUTO_TEST_SUITE(avatar_test)

BOOST_AUTO_TEST_CASE(static_png_url)
{
    user who = make_user("80351110224678912", std::string("8342729096ea3675442027381ff50dfe"));

    BOOST_TEST(avatar_url(cdn, who, 64) ==
               "https://cdn.discordapp.com/avatars/80351110224678912/"
               "8342729096ea3675442027381ff50dfe.png?size=64");
}

BOOST_AUTO_TEST_CASE(animated_gif_url)
{
    user who = make_user("80351110224678912", std::string("a_1269e74af4df7417b13759eae50c83dc"));

    BOOST_TEST(avatar_url(cdn, who, 128) ==
               "https://cdn.discordapp.com/avatars/80351110224678912/"
               "a_1269e74af4df7417b13759eae50c83dc.gif?size=128");
}

BOOST_AUTO_TEST_CASE(null_avatar_default)
{
    // (80351110224678912 >> 22) % 6 == 5.
    user who = make_user("80351110224678912", guildgate::discord::field<std::string>::null());

    BOOST_TEST(avatar_url(cdn, who, 64) == "https://cdn.discordapp.com/embed/avatars/5.png");
}

BOOST_AUTO_TEST_CASE(absent_avatar_default)
{
    user who = make_user("80351110224678912", {});

    BOOST_TEST(avatar_url(cdn, who, 64) == "https://cdn.discordapp.com/embed/avatars/5.png");
}

BOOST_AUTO_TEST_CASE(default_index_new_style)
{
    // (345678901234567890 >> 22) % 6 == 3, which needs 64-bit arithmetic.
    user who = make_user("345678901234567890", guildgate::discord::field<std::string>::null());

    BOOST_TEST(avatar_url(cdn, who, 64) == "https://cdn.discordapp.com/embed/avatars/3.png");
    BOOST_TEST(guildgate::discord::default_avatar_index(who) == 3u);
}

BOOST_AUTO_TEST_CASE(default_index_legacy)
{
    // 1234 % 5 == 4; the ID does not matter for legacy users.
    user who = make_user("345678901234567890", guildgate::discord::field<std::string>::null(),
                         std::string("1234"));

    BOOST_TEST(avatar_url(cdn, who, 64) == "https://cdn.discordapp.com/embed/avatars/4.png");
}

BOOST_AUTO_TEST_CASE(default_index_absent_discriminator)
{
    user who = make_user("345678901234567890", guildgate::discord::field<std::string>::null(), {});

    BOOST_TEST(guildgate::discord::default_avatar_index(who) == 3u);
}

BOOST_AUTO_TEST_CASE(cdn_trailing_slash)
{
    user with_hash = make_user("80351110224678912", std::string("abc"));
    user without_hash = make_user("80351110224678912", {});

    BOOST_TEST(avatar_url("https://cdn.discordapp.com/", with_hash, 64) ==
               "https://cdn.discordapp.com/avatars/80351110224678912/abc.png?size=64");
    BOOST_TEST(avatar_url("https://cdn.discordapp.com//", without_hash, 64) ==
               "https://cdn.discordapp.com/embed/avatars/5.png");
}

BOOST_AUTO_TEST_CASE(mime_png)
{
    BOOST_TEST(mime_of("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"sv) == "image/png");
}

BOOST_AUTO_TEST_CASE(mime_gif)
{
    BOOST_TEST(mime_of("GIF87a\x01\x00"sv) == "image/gif");
    BOOST_TEST(mime_of("GIF89a\x01\x00"sv) == "image/gif");
}

BOOST_AUTO_TEST_CASE(mime_jpeg)
{
    BOOST_TEST(mime_of("\xFF\xD8\xFF\xE0\x00\x10JFIF"sv) == "image/jpeg");
}

BOOST_AUTO_TEST_CASE(mime_webp)
{
    BOOST_TEST(mime_of("RIFF\x24\x00\x00\x00WEBPVP8 "sv) == "image/webp");
}

BOOST_AUTO_TEST_CASE(mime_rejects_others)
{
    BOOST_TEST(mime_of("") == "none");
    BOOST_TEST(mime_of("\x89PNG\r\n"sv) == "none");
    BOOST_TEST(mime_of("GIF90a") == "none");
    BOOST_TEST(mime_of("RIFF\x24\x00\x00\x00WAVEfmt "sv) == "none");
    BOOST_TEST(mime_of("RIFF") == "none");
    BOOST_TEST(mime_of("<html><body>404</body></html>") == "none");
    BOOST_TEST(mime_of(R"({"message": "404: Not Found"})") == "none");
}

BOOST_AUTO_TEST_CASE(base64_rfc4648_vectors)
{
    BOOST_TEST(base64_encode("") == "");
    BOOST_TEST(base64_encode("f") == "Zg==");
    BOOST_TEST(base64_encode("fo") == "Zm8=");
    BOOST_TEST(base64_encode("foo") == "Zm9v");
    BOOST_TEST(base64_encode("foob") == "Zm9vYg==");
    BOOST_TEST(base64_encode("fooba") == "Zm9vYmE=");
    BOOST_TEST(base64_encode("foobar") == "Zm9vYmFy");
}

BOOST_AUTO_TEST_CASE(base64_binary)
{
    BOOST_TEST(base64_encode("\xff\xfe\xfd"sv) == "//79");
    BOOST_TEST(base64_encode("\x00"sv) == "AA==");
    BOOST_TEST(base64_encode("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"sv) == "iVBORw0KGgoAAAANSUhEUg==");
}

BOOST_AUTO_TEST_SUITE_END()
