#pragma once

#include <guildgate/discord/detail/json_read.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value_to.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace guildgate::discord {

// The outcome of decoding a response body: the object, or why it does not fit.
template <class Object>
struct decoded {
    std::optional<Object> value;
    std::string error; // empty when value is set
};

// Parses `body` as JSON and converts it to `Object` through its tag_invoke. Never throws for
// bad input: invalid JSON and wrong shapes come back as an error message.
template <class Object>
decoded<Object> decode(std::string_view body)
{
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(body, ec);
    if (ec)
        return {std::nullopt, "invalid JSON: " + ec.message()};
    try {
        return {boost::json::value_to<Object>(value), {}};
    } catch (const decode_error& e) {
        return {std::nullopt, e.what()};
    }
}

} // namespace guildgate::discord
