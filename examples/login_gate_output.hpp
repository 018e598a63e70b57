#pragma once

// Prints login_gate's decisions as JSON lines or as a table for people.

#include <guildgate/engine/evaluation.hpp>
#include <guildgate/repository/concept.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace login_gate {

class printer {
public:
    printer(std::string format, bool explain, std::ostream& out)
        : table_(format == "table"), explain_(explain), out_(out)
    {
    }

    void bad_input(std::size_t line, const std::string& why)
    {
        boost::json::object row{{"passing", false},
                                {"stage", nullptr},
                                {"user_id", nullptr},
                                {"error", "bad_input"},
                                {"messages", boost::json::array{"Invalid login attempt: " + why}},
                                {"groups", boost::json::array{}},
                                {"attributes", boost::json::object{}},
                                {"events", boost::json::array{}}};
        emit(line, row, {});
    }

    // `stage_known` is false when the input named no stage and no Discord user was read to
    // find it, as for another provider or a rejected token: the stage is then null.
    void decision(std::size_t line, const guildgate::evaluation& result,
                  const std::optional<guildgate::user_record>& stored, bool stage_known)
    {
        boost::json::object row;
        row["passing"] = result.passing();
        row["stage"] = stage_known ? boost::json::value(to_string(result.stage))
                                   : boost::json::value(nullptr);
        row["user_id"] = result.discord_user ? boost::json::value(result.discord_user->id)
                                             : boost::json::value(nullptr);
        row["error"] = result.error ? boost::json::value(to_string(result.error->kind))
                                    : boost::json::value(nullptr);
        row["messages"] = boost::json::array(result.messages.begin(), result.messages.end());

        boost::json::array groups;
        boost::json::object attributes;
        if (stored) {
            groups = boost::json::array(stored->groups.begin(), stored->groups.end());
            attributes = stored->attributes;
        }
        row["groups"] = std::move(groups);
        row["attributes"] = std::move(attributes);

        boost::json::array events;
        for (const auto& event : result.events) {
            boost::json::object item{{"action", event.action}};
            for (const auto& field : event.data)
                item[field.key()] = field.value();
            events.push_back(std::move(item));
        }
        row["events"] = std::move(events);
        if (explain_)
            row["trace"] = result.trace.to_json();

        emit(line, row, explain_ ? result.trace.to_text() : std::string());
    }

    void finish()
    {
        if (table_ && rows_ == 0)
            out_ << "(no login attempts on standard input)\n";
        out_.flush();
    }

private:
    void emit(std::size_t line, const boost::json::object& row, const std::string& trace_text)
    {
        ++rows_;
        if (!table_) {
            out_ << boost::json::serialize(row) << '\n';
            out_.flush();
            return;
        }
        if (rows_ == 1)
            out_ << pad("line", 5) << pad("user", 22) << pad("stage", 15) << pad("decision", 9)
                 << pad("groups", 24) << "reason\n"
                 << std::string(100, '-') << '\n';

        auto text = [&](const char* key) {
            const auto& value = row.at(key);
            return value.is_string() ? std::string(value.get_string()) : std::string("-");
        };
        std::string decision = row.at("passing").as_bool() ? "allow"
            : row.at("error").is_null()                    ? "deny"
                                                           : "error";
        std::string groups;
        for (const auto& group : row.at("groups").as_array())
            groups += (groups.empty() ? "" : ",") + std::string(group.as_string());

        std::string reason = row.at("error").is_null() ? "" : "[" + text("error") + "] ";
        for (const auto& message : row.at("messages").as_array())
            reason += std::string(message.as_string()) + " ";
        while (!reason.empty() && reason.back() == ' ')
            reason.pop_back();
        if (reason.empty())
            reason = "ok";

        std::string user = text("user_id");
        out_ << pad(std::to_string(line), 5) << pad(user, 22) << pad(text("stage"), 15)
             << pad(decision, 9) << pad(groups.empty() ? "-" : groups, 24) << reason << '\n';
        if (!trace_text.empty())
            out_ << indent(trace_text, 5);
    }

    // Returns `text` with every line moved right by `width` spaces, so a trace reads as part
    // of the table row above it.
    static std::string indent(const std::string& text, std::size_t width)
    {
        std::string result;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            end = end == std::string::npos ? text.size() : end + 1;
            result += std::string(width, ' ') + text.substr(start, end - start);
            start = end;
        }
        return result;
    }

    static std::string pad(std::string text, std::size_t width)
    {
        if (text.size() >= width)
            text = text.substr(0, width - 2) + "~";
        text.resize(width, ' ');
        return text;
    }

    bool table_;
    bool explain_;
    std::ostream& out_;
    std::size_t rows_ = 0;
};

} // namespace login_gate
