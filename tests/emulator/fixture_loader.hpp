#pragma once

#include "emulator/fixture.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Reads the fixture JSON described in tests/fixtures/discord/README.md into a fixture_set.
// Every error is a std::runtime_error that names the file and the field.
namespace guildgate::testing {

namespace fixture_detail {

[[noreturn]] inline void fail(const std::string& where, const std::string& what)
{
    throw std::runtime_error("invalid emulator fixture " + where + ": " + what);
}

inline std::uint64_t to_id(const std::string& where, std::string_view text)
{
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
        fail(where, "\"" + std::string(text) + "\" is not a Discord ID (a string of digits)");
    return value;
}

inline std::string string_field(const boost::json::object& object, std::string_view key,
                                const std::string& where)
{
    auto* value = object.if_contains(key);
    if (!value || !value->is_string())
        fail(where, "field \"" + std::string(key) + "\" must be a string");
    return std::string(value->get_string());
}

inline fault_action parse_action(const std::string& where, std::string_view name)
{
    static const std::map<std::string_view, fault_action> actions{
        {"respond", fault_action::respond}, {"drop", fault_action::drop},
        {"truncate", fault_action::truncate}, {"stall", fault_action::stall},
        {"redirect", fault_action::redirect}};
    auto found = actions.find(name);
    if (found == actions.end())
        fail(where, "unknown fault action \"" + std::string(name)
                        + "\"; use respond, drop, truncate, stall or redirect");
    return found->second;
}

// Appends `count` synthetic guilds with ids first_id, first_id + step, ...
inline void generate_guilds(const std::string& where, const boost::json::value& spec,
                            std::vector<boost::json::object>& guilds)
{
    std::int64_t count = 0;
    std::uint64_t first_id = 700000000000000000;
    std::uint64_t step = 1000;
    if (spec.is_int64()) {
        count = spec.get_int64();
    } else if (spec.is_object()) {
        const auto& object = spec.get_object();
        auto* count_value = object.if_contains("count");
        if (!count_value || !count_value->is_int64())
            fail(where, "generated_guilds.count must be an integer");
        count = count_value->get_int64();
        if (object.contains("first_id"))
            first_id = to_id(where, string_field(object, "first_id", where));
        auto* step_value = object.if_contains("id_step");
        if (step_value && step_value->is_int64() && step_value->get_int64() > 0)
            step = static_cast<std::uint64_t>(step_value->get_int64());
    } else {
        fail(where, "generated_guilds must be a count or {\"count\", \"first_id\", \"id_step\"}");
    }
    if (count < 0 || count > 100000)
        fail(where, "generated_guilds.count must be 0 to 100000");

    for (std::int64_t i = 0; i < count; ++i) {
        boost::json::object guild;
        guild["id"] = std::to_string(first_id + static_cast<std::uint64_t>(i) * step);
        guild["name"] = "Generated Guild " + std::to_string(i + 1);
        guild["icon"] = nullptr;
        guild["banner"] = nullptr;
        guild["owner"] = false;
        guild["permissions"] = "1024";
        guild["features"] = boost::json::array{};
        guilds.push_back(std::move(guild));
    }
}

} // namespace fixture_detail

// Parses one fault object; `where` names it in error messages.
inline fault parse_fault(const boost::json::value& value, const std::string& where)
{
    using namespace fixture_detail;

    if (!value.is_object())
        fail(where, "a fault must be an object");
    const auto& object = value.as_object();

    fault result;
    if (object.contains("path"))
        result.path = string_field(object, "path", where);
    if (object.contains("path_prefix"))
        result.path_prefix = string_field(object, "path_prefix", where);
    if (object.contains("action"))
        result.action = parse_action(where, string_field(object, "action", where));
    if (auto* status = object.if_contains("status")) {
        if (!status->is_int64() || status->get_int64() < 100 || status->get_int64() > 599)
            fail(where, "fault status must be an integer from 100 to 599");
        result.status = static_cast<int>(status->get_int64());
    }
    if (auto* body = object.if_contains("body"))
        result.body = body->is_string() ? std::string(body->get_string())
                                        : boost::json::serialize(*body);
    if (object.contains("content_type"))
        result.content_type = string_field(object, "content_type", where);
    if (auto* headers = object.if_contains("headers")) {
        if (!headers->is_object())
            fail(where, "fault headers must be an object of name: value strings");
        for (const auto& [name, header_value] : headers->get_object()) {
            if (!header_value.is_string())
                fail(where, "fault header \"" + std::string(name) + "\" must be a string");
            result.headers.emplace_back(std::string(name), std::string(header_value.get_string()));
        }
    }
    if (object.contains("location"))
        result.location = string_field(object, "location", where);
    if (result.action == fault_action::redirect && result.location.empty())
        fail(where, "a redirect fault needs a \"location\"");
    if (auto* delay = object.if_contains("delay_ms")) {
        if (!delay->is_int64() || delay->get_int64() < 0)
            fail(where, "delay_ms must be a non-negative integer");
        result.delay = std::chrono::milliseconds(delay->get_int64());
    }
    if (auto* discord_headers = object.if_contains("discord_headers")) {
        if (!discord_headers->is_bool())
            fail(where, "discord_headers must be true or false");
        result.discord_headers = discord_headers->get_bool();
    }
    if (auto* times = object.if_contains("times")) {
        if (!times->is_int64() || times->get_int64() < 1)
            fail(where, "times must be a positive integer");
        result.times = static_cast<int>(times->get_int64());
    }
    return result;
}

// Parses the optional "faults" array of `object`.
inline std::vector<fault> parse_faults(const boost::json::object& object, const std::string& where)
{
    std::vector<fault> faults;
    auto* list = object.if_contains("faults");
    if (!list)
        return faults;
    if (!list->is_array())
        fixture_detail::fail(where, "field \"faults\" must be an array");
    for (const auto& entry : list->get_array())
        faults.push_back(parse_fault(entry, where + " fault"));
    return faults;
}

// Parses one account object; `where` names it in error messages.
inline account parse_account(const boost::json::value& value, const std::string& where)
{
    using namespace fixture_detail;

    if (!value.is_object())
        fail(where, "the file must contain a JSON object");
    const auto& object = value.as_object();

    account result;
    if (auto* revoked = object.if_contains("revoked"); revoked && revoked->is_bool())
        result.revoked = revoked->get_bool();

    auto* user = object.if_contains("user");
    if (user && user->is_object())
        result.user = user->get_object();
    else if (!result.revoked)
        fail(where, "field \"user\" must be the user object that GET /users/@me returns");
    if (!result.revoked)
        to_id(where, string_field(result.user, "id", where + " user"));

    if (auto* guilds = object.if_contains("guilds")) {
        if (!guilds->is_array())
            fail(where, "field \"guilds\" must be an array of partial guild objects");
        for (const auto& guild : guilds->get_array()) {
            if (!guild.is_object())
                fail(where, "every entry of \"guilds\" must be an object");
            to_id(where, string_field(guild.get_object(), "id", where + " guild"));
            result.guilds.push_back(guild.get_object());
        }
    }
    if (auto* generated = object.if_contains("generated_guilds"))
        generate_guilds(where, *generated, result.guilds);
    std::sort(result.guilds.begin(), result.guilds.end(), [&](const auto& a, const auto& b) {
        return to_id(where, a.at("id").get_string()) < to_id(where, b.at("id").get_string());
    });

    if (auto* members = object.if_contains("members")) {
        if (!members->is_object())
            fail(where, "field \"members\" must map guild ids to member objects");
        for (const auto& [guild_id, member] : members->get_object()) {
            to_id(where, guild_id);
            if (!member.is_object())
                fail(where, "member of guild " + std::string(guild_id) + " must be an object");
            auto member_object = member.get_object();
            if (!member_object.contains("user") && !result.user.empty())
                member_object["user"] = result.user;
            result.members.emplace(std::string(guild_id), std::move(member_object));
        }
    }

    result.faults = parse_faults(object, where);

    auto* rate_limit = object.if_contains("rate_limit");
    if (rate_limit && rate_limit->is_object()) {
        const auto& policy = rate_limit->get_object();
        if (auto* limit = policy.if_contains("limit"); limit && limit->is_int64())
            result.rate_limit.limit = static_cast<int>(limit->get_int64());
        if (auto* reset = policy.if_contains("reset_after"); reset && reset->is_number())
            result.rate_limit.reset_after_seconds = reset->to_number<double>();
    }
    return result;
}

inline boost::json::value read_json_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        fixture_detail::fail(file.string(), "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();

    boost::system::error_code ec;
    auto value = boost::json::parse(text.str(), ec);
    if (ec)
        fixture_detail::fail(file.string(), "not valid JSON (" + ec.message() + ")");
    return value;
}

// Loads one account per access token from `root`/discord/<token>.json and uses `root`/cdn
// for images. `root`/discord/_global.json, if present, contains {"faults": [...]} applied to
// every request.
inline fixture_set load_fixtures(const std::filesystem::path& root)
{
    fixture_set fixtures;
    fixtures.cdn_dir = root / "cdn";

    auto discord_dir = root / "discord";
    if (!std::filesystem::is_directory(discord_dir))
        fixture_detail::fail(discord_dir.string(), "the directory does not exist; pass the "
                                                   "tests/fixtures directory");

    for (const auto& entry : std::filesystem::directory_iterator(discord_dir)) {
        const auto& file = entry.path();
        if (file.extension() != ".json")
            continue;

        auto value = read_json_file(file);
        auto token = file.stem().string();
        if (token == "_global") {
            if (!value.is_object())
                fixture_detail::fail(file.string(), "expected {\"faults\": [...]}");
            fixtures.global_faults = parse_faults(value.as_object(), file.string());
            continue;
        }
        fixtures.accounts.emplace(token, parse_account(value, file.string()));
    }
    return fixtures;
}

} // namespace guildgate::testing
