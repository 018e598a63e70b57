#include <guildgate/engine/messages.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

namespace {

using guildgate::error_kind;
using guildgate::user_message;
using guildgate::discord::api_error;

api_error error_of(error_kind kind, std::string detail = "", std::optional<double> retry = {})
{
    api_error error;
    error.kind = kind;
    error.detail = std::move(detail);
    error.retry_after = retry;
    return error;
}

} // namespace

BOOST_AUTO_TEST_SUITE(messages_test)

BOOST_AUTO_TEST_CASE(token_invalid)
{
    BOOST_TEST(user_message(error_of(error_kind::token_invalid)) ==
               "Discord session expired, log in again.");
}

BOOST_AUTO_TEST_CASE(missing_scope_named)
{
    BOOST_TEST(user_message(error_of(error_kind::missing_scope,
                                     "missing scope: guilds.members.read")) ==
               "Discord did not grant the guilds.members.read permission; log in again and "
               "allow it.");
}

BOOST_AUTO_TEST_CASE(missing_scopes_named)
{
    BOOST_TEST(user_message(error_of(error_kind::missing_scope,
                                     "missing scope: identify guilds.members.read")) ==
               "Discord did not grant the identify guilds.members.read permissions; log in "
               "again and allow them.");
}

BOOST_AUTO_TEST_CASE(missing_scope_unnamed)
{
    // A 403 with code 50026 does not say which scope is missing.
    BOOST_TEST(user_message(error_of(error_kind::missing_scope,
                                     "the token lacks the OAuth2 scope for this route")) ==
               "Discord did not grant a required permission; log in again and allow it.");
}

BOOST_AUTO_TEST_CASE(rate_limited_rounds_up)
{
    BOOST_TEST(user_message(error_of(error_kind::rate_limited, "", 64.57)) ==
               "Discord is busy, try again in 65 s.");
    BOOST_TEST(user_message(error_of(error_kind::rate_limited, "", 0.2)) ==
               "Discord is busy, try again in 1 s.");
    BOOST_TEST(user_message(error_of(error_kind::rate_limited)) ==
               "Discord is busy, try again in 1 s.");
}

BOOST_AUTO_TEST_CASE(blocked_wait)
{
    BOOST_TEST(user_message(error_of(error_kind::blocked, "", 3600.0)) ==
               "Discord is busy, try again in 3600 s.");
}

BOOST_AUTO_TEST_CASE(storage)
{
    BOOST_TEST(user_message(error_of(error_kind::storage)) ==
               "The login could not be saved, try again later.");
}

BOOST_AUTO_TEST_CASE(generic_kinds)
{
    for (auto kind : {error_kind::discord_unavailable, error_kind::transport,
                      error_kind::bad_response}) {
        BOOST_TEST(user_message(error_of(kind, "detail for operators")) ==
                   "Discord API error, try again later.");
    }
}

BOOST_AUTO_TEST_CASE(detail_not_shown)
{
    std::string message = user_message(error_of(error_kind::bad_response, "field \"roles\" ..."));

    BOOST_TEST(message.find("roles") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
