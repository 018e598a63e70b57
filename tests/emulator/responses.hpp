#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

// Response builders and request helpers shared by the emulator's routes.
namespace guildgate::testing {

using emulator_request = boost::beast::http::request<boost::beast::http::string_body>;
using emulator_response = boost::beast::http::response<boost::beast::http::string_body>;

inline emulator_response text_response(int status, std::string body, std::string_view type)
{
    emulator_response response{static_cast<boost::beast::http::status>(status), 11};
    response.set(boost::beast::http::field::content_type, type);
    response.body() = std::move(body);
    return response;
}

inline emulator_response json_response(int status, const boost::json::value& body)
{
    return text_response(status, boost::json::serialize(body), "application/json");
}

// Discord's error body: {"message": ..., "code": ...}.
inline emulator_response discord_error(int status, std::string_view message, int code)
{
    return json_response(status, boost::json::object{{"message", message}, {"code", code}});
}

inline emulator_response unauthorized()
{
    return discord_error(401, "401: Unauthorized", 0);
}

inline emulator_response not_found()
{
    return discord_error(404, "404: Not Found", 0);
}

// Discord's 400 "Invalid Form Body" (code 50035) for one bad query parameter.
inline emulator_response invalid_form_body(std::string_view field, std::string_view error_code,
                                           std::string_view message)
{
    boost::json::object error{{"code", error_code}, {"message", message}};
    boost::json::object errors{{field, {{"_errors", boost::json::array{error}}}}};
    return json_response(400, boost::json::object{
                                  {"message", "Invalid Form Body"},
                                  {"code", 50035},
                                  {"errors", std::move(errors)},
                              });
}

// The request path and its query parameters (no percent-decoding: the emulator's parameters
// are numbers).
struct split_target {
    std::string path;
    std::map<std::string, std::string, std::less<>> query;

    std::optional<std::string_view> parameter(std::string_view name) const
    {
        auto found = query.find(name);
        if (found == query.end())
            return std::nullopt;
        return std::string_view{found->second};
    }
};

inline split_target split_request_target(std::string_view target)
{
    split_target result;
    auto question = target.find('?');
    result.path = std::string(target.substr(0, question));
    if (question == std::string_view::npos)
        return result;

    auto query = target.substr(question + 1);
    while (!query.empty()) {
        auto amp = query.find('&');
        auto pair = query.substr(0, amp);
        auto equals = pair.find('=');
        auto name = pair.substr(0, equals);
        auto value = equals == std::string_view::npos ? std::string_view{}
                                                      : pair.substr(equals + 1);
        result.query.emplace(std::string(name), std::string(value));
        query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    }
    return result;
}

// Parses 1 to 20 digits; empty on anything else.
inline std::optional<std::uint64_t> parse_decimal(std::string_view text)
{
    if (text.empty() || text.size() > 20)
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

} // namespace guildgate::testing
