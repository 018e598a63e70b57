#include <guildgate/transport/detail/url.hpp>

#define BOOST_TEST_MODULE transport_url
#include <boost/test/unit_test.hpp>

#include <string>

using guildgate::detail::parse_url;

BOOST_AUTO_TEST_SUITE(url)

BOOST_AUTO_TEST_CASE(https_default_port)
{
    auto parts = parse_url("https://discord.com/api/v10/users/@me");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->scheme == "https");
    BOOST_TEST(parts->host == "discord.com");
    BOOST_TEST(parts->port == 443);
    BOOST_TEST(parts->target == "/api/v10/users/@me");
    BOOST_TEST(parts->host_header() == "discord.com");
    BOOST_TEST(parts->host_port() == "discord.com:443");
}

BOOST_AUTO_TEST_CASE(http_default_port)
{
    auto parts = parse_url("http://localhost/");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->scheme == "http");
    BOOST_TEST(parts->port == 80);
    BOOST_TEST(!parts->is_https());
}

BOOST_AUTO_TEST_CASE(explicit_port_and_query)
{
    auto parts = parse_url("https://127.0.0.1:4433/api/v10/users/@me/guilds?limit=200&after=1");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->host == "127.0.0.1");
    BOOST_TEST(parts->port == 4433);
    BOOST_TEST(parts->target == "/api/v10/users/@me/guilds?limit=200&after=1");
    BOOST_TEST(parts->host_header() == "127.0.0.1:4433");
}

BOOST_AUTO_TEST_CASE(ipv6_literal)
{
    auto parts = parse_url("https://[::1]:8443/x");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->host == "::1");
    BOOST_TEST(parts->is_ipv6_literal());
    BOOST_TEST(parts->port == 8443);
    BOOST_TEST(parts->host_port() == "[::1]:8443");
    BOOST_TEST(parts->host_header() == "[::1]:8443");
}

BOOST_AUTO_TEST_CASE(ipv6_literal_default_port)
{
    auto parts = parse_url("https://[2001:db8::7]/");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->host == "2001:db8::7");
    BOOST_TEST(parts->port == 443);
    BOOST_TEST(parts->host_header() == "[2001:db8::7]");
}

BOOST_AUTO_TEST_CASE(scheme_and_host_lowercased)
{
    auto parts = parse_url("HTTPS://CDN.DiscordApp.com/Avatars/1/A.png");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->scheme == "https");
    BOOST_TEST(parts->host == "cdn.discordapp.com");
    BOOST_TEST(parts->target == "/Avatars/1/A.png");
}

BOOST_AUTO_TEST_CASE(empty_path_becomes_slash)
{
    auto parts = parse_url("https://example.com");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->target == "/");
}

BOOST_AUTO_TEST_CASE(query_without_path)
{
    auto parts = parse_url("https://example.com?x=1");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->target == "/?x=1");
}

BOOST_AUTO_TEST_CASE(fragment_dropped)
{
    auto parts = parse_url("https://example.com/a?b=1#section");
    BOOST_TEST_REQUIRE(parts.has_value());
    BOOST_TEST(parts->target == "/a?b=1");
}

BOOST_AUTO_TEST_CASE(invalid_urls_rejected)
{
    const std::string invalid[] = {
        "",
        "discord.com/api",
        "ftp://example.com/",
        "https://",
        "https:///path",
        "https://user:secret@example.com/",
        "https://example.com:0/",
        "https://example.com:65536/",
        "https://example.com:80a/",
        "https://example.com:/",
        "https://[::1/",
        "https://[::1]x/",
        "https://[fe80::1%25eth0]/",
        "https://[]/",
        "https://::1/",
        "https://exa mple.com/",
        "https://example.com/a b",
        "https://example.com/a\r\nHost: evil",
        "https://ex\xc3\xa4mple.com/",
        "https://example.com/\xc3\xa4",
    };
    for (const auto& url : invalid)
        BOOST_TEST(!parse_url(url).has_value(), "accepted \"" << url << "\"");
}

BOOST_AUTO_TEST_SUITE_END()
