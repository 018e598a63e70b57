// libFuzzer target for login_gate's parsers: parse_config() and parse_attempt().
//
// Both parsers read the whole input. config_error and input_error are their documented way to
// reject it, so the target catches those two and nothing else. An accepted configuration must
// hold only valid IDs, names and sizes. An accepted attempt must have its provider, and a
// Discord attempt its token. A rejection message must be one line of text without control
// characters, and must not repeat the access token.

#include "fuzz_support.hpp"

#include "login_gate_config.hpp"
#include "login_gate_input.hpp"

#include <boost/json/src.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// Returns whether `message` is non-empty and free of control characters. A NUL from the input
// would end what() early, and a newline would split the one-line error that login_gate prints.
bool is_one_line(const char* message)
{
    std::string_view text(message);
    if (text.empty())
        return false;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

void check_named_id(const login_gate::named_id& value)
{
    GUILDGATE_FUZZ_CHECK(guildgate_fuzz::is_snowflake_text(value.id));
    GUILDGATE_FUZZ_CHECK(!value.name.empty());
}

void check_config(const std::string& text)
{
    login_gate::config config;
    try {
        config = login_gate::parse_config(text);
    } catch (const login_gate::config_error& e) {
        GUILDGATE_FUZZ_CHECK(is_one_line(e.what()));
        return;
    }

    check_named_id(config.guild);
    if (config.role)
        check_named_id(*config.role);
    if (config.role_groups) {
        for (const auto& [role, group] : *config.role_groups) {
            GUILDGATE_FUZZ_CHECK(guildgate_fuzz::is_snowflake_text(role));
            GUILDGATE_FUZZ_CHECK(!group.empty());
        }
    }
    if (config.avatar_size) {
        int pixels = config.avatar_size->value();
        GUILDGATE_FUZZ_CHECK(pixels >= 16 && pixels <= 4096);
        GUILDGATE_FUZZ_CHECK((pixels & (pixels - 1)) == 0);
    }
}

// Returns the `access_token` string of `text` when it is a JSON object that has one.
std::string token_of(const std::string& text)
{
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    if (ec || !value.is_object())
        return {};
    const auto* token = value.get_object().if_contains("access_token");
    if (!token || !token->is_string())
        return {};
    return std::string(token->get_string());
}

void check_attempt(const std::string& text)
{
    login_gate::attempt attempt;
    try {
        attempt = login_gate::parse_attempt(text);
    } catch (const login_gate::input_error& e) {
        std::string message = e.what();
        std::string token = token_of(text);
        GUILDGATE_FUZZ_CHECK(is_one_line(e.what()));
        // A short token such as "a" can occur in a message by chance, so only longer ones count.
        if (token.size() >= 8)
            GUILDGATE_FUZZ_CHECK(message.find(token) == std::string::npos);
        return;
    }

    const auto& login = attempt.login;
    if (login.provider == "discord")
        GUILDGATE_FUZZ_CHECK(!login.access_token.empty());
    GUILDGATE_FUZZ_CHECK(login.access_token.reveal() == token_of(text));
    if (login.granted_scopes)
        GUILDGATE_FUZZ_CHECK((login.granted_scopes->bits() & ~0x0Fu) == 0);
    if (!attempt.stage_given)
        GUILDGATE_FUZZ_CHECK(login.stage == guildgate::stage::authentication);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string text(guildgate_fuzz::as_text(data, size));
    check_config(text);
    check_attempt(text);
    return 0;
}
