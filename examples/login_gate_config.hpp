#pragma once

// Reads login_gate's JSON configuration. Every failure throws config_error with a one-line
// message that names the key.

#include <guildgate/core/snowflake.hpp>
#include <guildgate/rules/avatar_size.hpp>
#include <guildgate/rules/role_group_map.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace login_gate {

class config_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct named_id {
    std::string id;
    std::string name;
};

struct config {
    named_id guild;
    std::optional<named_id> role;
    std::optional<std::map<std::string, std::string>> role_groups;
    std::optional<guildgate::avatar_pixels> avatar_size;
};

namespace detail {

namespace json = boost::json;

// Returns `text` with control characters written as \u00XX, so that a message naming a key or
// value from the file stays one readable line. A NUL would end what() early, and a newline
// would split the line.
inline std::string printable(std::string_view text)
{
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            char escaped[7];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out;
}

inline std::string read_id(const json::value& value, const std::string& key)
{
    if (value.is_number())
        throw config_error(key + ": IDs must be strings, because a JSON number loses the last "
                                 "digits of a Discord ID; write it in quotes");
    if (!value.is_string())
        throw config_error(key + ": must be a string of 1 to 20 digits");
    std::string id(value.get_string());
    if (!guildgate::snowflake::parse(id))
        throw config_error(key + ": \"" + printable(id.substr(0, 40)) +
                           "\" is not a Discord ID (1 to 20 digits that fit 64 bits)");
    return id;
}

inline std::string read_name(const json::value& value, const std::string& key)
{
    if (!value.is_string() || value.get_string().empty())
        throw config_error(key + ": must be a non-empty string");
    return std::string(value.get_string());
}

inline named_id read_named_id(const json::value& value, const std::string& key)
{
    if (!value.is_object())
        throw config_error(key + ": must be an object {\"id\": \"...\", \"name\": \"...\"}");
    const auto& object = value.get_object();
    for (const auto& entry : object)
        if (entry.key() != "id" && entry.key() != "name")
            throw config_error(key + "." + printable(entry.key()) +
                               ": unknown key; expected \"id\" and \"name\"");
    if (!object.contains("id"))
        throw config_error(key + ".id: missing");
    if (!object.contains("name"))
        throw config_error(key + ".name: missing");
    return {read_id(object.at("id"), key + ".id"), read_name(object.at("name"), key + ".name")};
}

} // namespace detail

inline config parse_config(const std::string& text)
{
    namespace json = boost::json;
    boost::system::error_code ec;
    json::value root = json::parse(text, ec);
    if (ec)
        throw config_error("the configuration is not valid JSON: " + ec.message());
    if (!root.is_object())
        throw config_error("the configuration must be a JSON object");

    config result;
    const auto& object = root.get_object();
    for (const auto& entry : object) {
        std::string key(entry.key());
        if (key != "guild" && key != "role" && key != "role_groups" && key != "avatar_size")
            throw config_error(detail::printable(key) + ": unknown key; expected guild, role, "
                                                        "role_groups or avatar_size");
    }

    if (!object.contains("guild"))
        throw config_error("guild: missing; give {\"id\": \"...\", \"name\": \"...\"}");
    result.guild = detail::read_named_id(object.at("guild"), "guild");

    if (object.contains("role"))
        result.role = detail::read_named_id(object.at("role"), "role");

    if (object.contains("role_groups")) {
        const auto& value = object.at("role_groups");
        if (!value.is_object())
            throw config_error("role_groups: must be an object {\"<role id>\": \"<group>\"}");
        std::map<std::string, std::string> groups;
        for (const auto& entry : value.get_object()) {
            std::string key = "role_groups." + detail::printable(entry.key());
            if (!guildgate::snowflake::parse(entry.key()))
                throw config_error(key + ": the key is not a Discord role ID (1 to 20 digits)");
            groups[std::string(entry.key())] = detail::read_name(entry.value(), key);
        }
        // Builds the map once here, so that a map the rule would reject (a role mapped twice)
        // is a configuration error, not an exception from the pipeline later.
        try {
            guildgate::role_group_map::from_strings(groups);
        } catch (const std::invalid_argument& e) {
            throw config_error(std::string("role_groups: ") + e.what());
        }
        result.role_groups = std::move(groups);
    }

    if (object.contains("avatar_size")) {
        const auto& value = object.at("avatar_size");
        if (!value.is_int64())
            throw config_error("avatar_size: must be an integer power of two from 16 to 4096");
        try {
            result.avatar_size = guildgate::avatar_pixels::from_int(value.get_int64());
        } catch (const std::invalid_argument& e) {
            throw config_error(std::string("avatar_size: ") + e.what());
        }
    }
    return result;
}

// A configuration is a few hundred bytes; a larger file is a wrong path, not a configuration.
inline constexpr std::size_t max_config_bytes = 1 << 20;

inline config load_config(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw config_error("--config: cannot open \"" + path + "\"");

    std::string text(max_config_bytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    if (text.size() > max_config_bytes)
        throw config_error("--config: \"" + path + "\" is larger than " +
                           std::to_string(max_config_bytes) +
                           " bytes; give the path of the JSON configuration file");
    return parse_config(text);
}

} // namespace login_gate
