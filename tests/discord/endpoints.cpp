#include <guildgate/discord/endpoints.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using guildgate::discord::endpoints;
using guildgate::discord::invalid_endpoint;
using guildgate::discord::validate;

endpoints with_api(std::string api_base)
{
    endpoints bases;
    bases.api_base = std::move(api_base);
    return bases;
}

// Returns the invalid_endpoint message for `bases`, or empty when validate() accepted them.
std::string rejection_of(const endpoints& bases)
{
    try {
        validate(bases);
    } catch (const invalid_endpoint& error) {
        return error.what();
    }
    return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(endpoints_test)

BOOST_AUTO_TEST_CASE(defaults_valid)
{
    endpoints checked = validate(endpoints{});

    BOOST_TEST(checked.api_base == "https://discord.com/api/v10");
    BOOST_TEST(checked.cdn_base == "https://cdn.discordapp.com");
}

BOOST_AUTO_TEST_CASE(trailing_slash_removed)
{
    endpoints bases;
    bases.api_base = "https://discord.com/api/v10/";
    bases.cdn_base = "https://cdn.discordapp.com/";

    endpoints checked = validate(bases);

    BOOST_TEST(checked.api_base == "https://discord.com/api/v10");
    BOOST_TEST(checked.cdn_base == "https://cdn.discordapp.com");
}

BOOST_AUTO_TEST_CASE(version_nine_accepted)
{
    BOOST_TEST(rejection_of(with_api("https://discord.com/api/v9")) == "");
}

BOOST_AUTO_TEST_CASE(unversioned_rejected)
{
    std::string message = rejection_of(with_api("https://discord.com/api"));

    BOOST_TEST(message.find("\"https://discord.com/api\"") != std::string::npos, message);
    BOOST_TEST(message.find("/api/v10") != std::string::npos, message);
    BOOST_TEST(rejection_of(with_api("https://discord.com/api/")) != "");
    BOOST_TEST(rejection_of(with_api("https://discord.com/api/v6")) != "");
    BOOST_TEST(rejection_of(with_api("https://discord.com")) != "");
}

BOOST_AUTO_TEST_CASE(discordapp_rejected)
{
    std::string message = rejection_of(with_api("https://discordapp.com/api/v10"));

    BOOST_TEST(message.find("discordapp.com") != std::string::npos, message);
    BOOST_TEST(rejection_of(with_api("https://DiscordApp.com/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("https://ptb.discordapp.com/api/v10")) != "");
}

BOOST_AUTO_TEST_CASE(plain_http_rejected)
{
    std::string message = rejection_of(with_api("http://discord.com/api/v10"));

    BOOST_TEST(message.find("https") != std::string::npos, message);
    BOOST_TEST(rejection_of(with_api("http://10.0.0.5/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("http://localhost.example.test/api/v10")) != "");
}

BOOST_AUTO_TEST_CASE(loopback_lookalike_rejected)
{
    // A DNS name that starts with "127." can resolve anywhere, so plain http to it would send
    // the bearer token in clear text off the machine.
    BOOST_TEST(rejection_of(with_api("http://127.0.0.1.example.test/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("http://127.evil.test/api/v10")) != "");
}

BOOST_AUTO_TEST_CASE(loopback_http_accepted)
{
    BOOST_TEST(rejection_of(with_api("http://127.0.0.1/api/v10")) == "");
    BOOST_TEST(rejection_of(with_api("http://127.0.0.1:8080/api/v10")) == "");
    BOOST_TEST(rejection_of(with_api("http://localhost:8080/api/v10")) == "");
    BOOST_TEST(rejection_of(with_api("http://[::1]:8080/api/v10")) == "");
}

BOOST_AUTO_TEST_CASE(cdn_plain_http_rejected)
{
    endpoints bases;
    bases.cdn_base = "http://cdn.discordapp.com";

    std::string message = rejection_of(bases);

    BOOST_TEST(message.find("CDN base URL") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(host_characters_rejected)
{
    for (const char* base : {"https://disc ord.com/api/v10", "https://127.0.0.1\r\nX: y/api/v10",
                             "https://discord.com%2f/api/v10", "https://[::1 ]:8443/api/v10",
                             "https://[::g]/api/v10"}) {
        std::string message = rejection_of(with_api(base));

        BOOST_TEST(message.find("invalid character in the host") != std::string::npos,
                   base << ": " << message);
    }
}

BOOST_AUTO_TEST_CASE(host_forms_accepted)
{
    for (const char* base : {"https://Discord.COM/api/v10", "https://[::1]:8443/api/v10",
                             "http://127.0.0.1:8080/api/v10", "https://my_host-1.example/api/v10"})
        BOOST_TEST(rejection_of(with_api(base)).empty(), base);
}

BOOST_AUTO_TEST_CASE(malformed_rejected)
{
    BOOST_TEST(rejection_of(with_api("discord.com/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("ftp://discord.com/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("https:///api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("https://user:pass@discord.com/api/v10")) != "");
    BOOST_TEST(rejection_of(with_api("https://discord.com/api/v10?x=1")) != "");
    BOOST_TEST(rejection_of(with_api("https://[::1/api/v10")) != "");
}

BOOST_AUTO_TEST_SUITE_END()
