#pragma once

// Reads tests/faults/matrix.json: one row per fault, with its input and expected outcome.
// The format is described in docs/errors.md ("Fault matrix").

#include "emulator/fixture.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guildgate::faults {

// One row of the matrix.
struct matrix_row {
    std::string id;
    std::string description;
    std::string token;

    // Emulator faults checked before the account's own, as JSON objects in the fixture format
    // plus "body_size". Strings may contain {listener_port} and {base}.
    std::vector<boost::json::object> route_faults;

    std::string server = "emulator"; // emulator, wrong_host_cert or closed_port
    std::string api_base = "{base}/api/v10";
    std::string pipeline = "full";   // full, guild_list, deny_pending or deny_timed_out
    std::optional<std::string> scopes;
    std::optional<std::chrono::milliseconds> request_timeout;

    std::string verdict; // allow, deny, error or invalid_endpoint
    std::optional<std::string> error;
    std::optional<std::string> message;
    std::optional<int> http_status;
    std::optional<double> retry_after;
    std::optional<std::string> detail;
    std::map<std::string, std::uint64_t> requests; // path, or "*" for all requests
    std::vector<std::string> events;
    std::optional<bool> avatar_stored;
    std::optional<std::vector<std::string>> groups;
};

namespace matrix_detail {

inline std::optional<std::string> optional_string(const boost::json::object& row,
                                                  std::string_view key)
{
    auto* value = row.if_contains(key);
    if (!value || value->is_null())
        return std::nullopt;
    return std::string(value->as_string());
}

inline std::vector<std::string> strings(const boost::json::value& value)
{
    std::vector<std::string> out;
    for (const auto& item : value.as_array())
        out.emplace_back(item.as_string());
    return out;
}

} // namespace matrix_detail

// Parses one row; throws std::invalid_argument naming the row and the key when it is malformed.
inline matrix_row parse_row(const boost::json::object& json)
{
    using namespace matrix_detail;

    matrix_row row;
    row.id = optional_string(json, "id").value_or("");
    try {
        row.description = json.at("description").as_string();
        row.token = json.at("token").as_string();
        if (auto* faults = json.if_contains("route_faults"))
            for (const auto& fault : faults->as_array())
                row.route_faults.push_back(fault.as_object());
        row.server = optional_string(json, "server").value_or(row.server);
        row.api_base = optional_string(json, "api_base").value_or(row.api_base);
        row.pipeline = optional_string(json, "pipeline").value_or(row.pipeline);
        row.scopes = optional_string(json, "scopes");
        if (auto* options = json.if_contains("client_options"))
            row.request_timeout = std::chrono::milliseconds(
                options->as_object().at("request_timeout_ms").to_number<std::int64_t>());

        row.verdict = json.at("verdict").as_string();
        row.error = optional_string(json, "error");
        row.message = optional_string(json, "message");
        if (auto* status = json.if_contains("http_status"); status && !status->is_null())
            row.http_status = status->to_number<int>();
        if (auto* seconds = json.if_contains("retry_after"))
            row.retry_after = seconds->to_number<double>();
        row.detail = optional_string(json, "detail");
        if (auto* requests = json.if_contains("requests"))
            for (const auto& [path, count] : requests->as_object())
                row.requests[std::string(path)] = count.to_number<std::uint64_t>();
        if (auto* events = json.if_contains("events"))
            row.events = strings(*events);
        if (auto* stored = json.if_contains("avatar_stored"))
            row.avatar_stored = stored->as_bool();
        if (auto* groups = json.if_contains("groups"))
            row.groups = strings(*groups);
    } catch (const std::exception& error) {
        throw std::invalid_argument("fault matrix row \"" + row.id + "\" is malformed (" +
                                    error.what() + "); compare it with docs/errors.md");
    }
    return row;
}

inline std::vector<matrix_row> load_matrix(const std::filesystem::path& file)
{
    auto json = testing::read_json_file(file);
    std::vector<matrix_row> rows;
    for (const auto& row : json.as_array())
        rows.push_back(parse_row(row.as_object()));
    return rows;
}

// Returns `text` with every {name} replaced by its value in `values`.
inline std::string expand(std::string text, const std::map<std::string, std::string>& values)
{
    for (const auto& [name, value] : values) {
        std::string placeholder = "{" + name + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

// Converts a route fault of the matrix into an emulator fault: placeholders in strings are
// expanded, and "body_size" pads the body with 'x' to that many bytes.
inline testing::fault route_fault(const boost::json::object& json,
                                  const std::map<std::string, std::string>& values)
{
    boost::json::object copy;
    std::optional<std::size_t> body_size;
    for (const auto& [key, value] : json) {
        if (key == "body_size")
            body_size = value.to_number<std::size_t>();
        else if (value.is_string())
            copy[key] = expand(std::string(value.get_string()), values);
        else
            copy[key] = value;
    }

    auto result = testing::parse_fault(copy, "fault matrix route fault");
    if (body_size && result.body.size() < *body_size)
        result.body.resize(*body_size, 'x');
    return result;
}

} // namespace guildgate::faults
