#pragma once

// Reads one login attempt per line of login_gate's standard input.

#include <guildgate/core/login_context.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>

namespace login_gate {

// A line that is not a valid login attempt; the message never repeats the token.
class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct attempt {
    guildgate::login_context login;
    bool stage_given = false;
};

// An attempt is one short JSON object; a longer line is rejected without being kept whole.
inline constexpr std::size_t max_line_bytes = 64 * 1024;

// Reads one line of standard input into `line`, without the newline. Returns false at the
// end of input. A line longer than max_line_bytes is consumed to its end, but only its first
// max_line_bytes + 1 bytes are kept, so the caller can reject it by its size.
inline bool read_line(std::istream& in, std::string& line)
{
    line.clear();
    std::streambuf* buffer = in.rdbuf();
    bool any = false;
    for (;;) {
        int c = buffer->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            return any;
        }
        any = true;
        if (c == '\n')
            return true;
        if (line.size() <= max_line_bytes)
            line.push_back(static_cast<char>(c));
    }
}

inline attempt parse_attempt(const std::string& line)
{
    namespace json = boost::json;
    if (line.find_first_not_of(" \t\r") == std::string::npos)
        throw input_error("the line is empty; write one JSON object per line");
    if (line.size() > max_line_bytes)
        throw input_error("the line is longer than " + std::to_string(max_line_bytes) +
                          " bytes; write one login attempt per line");
    boost::system::error_code ec;
    json::value value = json::parse(line, ec);
    if (ec)
        throw input_error("the line is not valid JSON: " + ec.message());
    if (!value.is_object())
        throw input_error("the line must be a JSON object");
    const auto& object = value.get_object();

    auto text = [&](const char* key) -> std::optional<std::string> {
        auto it = object.find(key);
        if (it == object.end())
            return std::nullopt;
        if (!it->value().is_string())
            throw input_error(std::string(key) + " must be a string");
        return std::string(it->value().get_string());
    };

    attempt result;
    if (auto provider = text("provider"))
        result.login.provider = *provider;
    else
        throw input_error("provider is missing");

    auto token = text("access_token");
    if (result.login.provider == "discord" && (!token || token->empty()))
        throw input_error("access_token is missing or empty");
    result.login.access_token = guildgate::access_token(token.value_or(""));

    if (auto scopes = text("scopes"))
        result.login.granted_scopes = guildgate::parse_scopes(*scopes);

    if (auto stage = text("stage")) {
        if (*stage == "enrollment")
            result.login.stage = guildgate::stage::enrollment;
        else if (*stage == "authentication")
            result.login.stage = guildgate::stage::authentication;
        else
            throw input_error("stage must be \"enrollment\" or \"authentication\"");
        result.stage_given = true;
    }
    return result;
}

} // namespace login_gate
