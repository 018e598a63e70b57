#pragma once

#include <guildgate/discord/api_result.hpp>
#include <guildgate/engine/step.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace guildgate {

// One rule's part of an evaluation: what it read and what it decided.
struct trace_entry {
    std::string rule;                              // e.g. require_guild(812345678901234567)
    std::string phase;                             // "gate" or "effects"
    std::vector<discord::request_record> reads;    // routes and statuses, never the token
    guildgate::verdict verdict = verdict::allow;
    std::string reason;
};

// The explanation of an evaluation: each rule in order, and which one ended the run.
struct trace {
    std::vector<trace_entry> entries;
    std::optional<std::size_t> decided_by; // index of the rule that denied or failed

    // Returns the trace as readable lines: "1. require_guild(...): allow: member of ...".
    std::string to_text() const
    {
        std::string text;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& entry = entries[i];
            text += std::to_string(i + 1) + ". " + entry.rule + " [" + entry.phase + "]: " +
                std::string(to_string(entry.verdict)) + ": " + entry.reason;
            if (decided_by == i)
                text += "  <- decided";
            text += '\n';
            for (const auto& read : entry.reads)
                text += "     " + read.route + " -> " +
                    (read.status ? std::to_string(read.status) : std::string("no response")) +
                    " (" + read.outcome + ")\n";
        }
        return text;
    }

    boost::json::object to_json() const
    {
        boost::json::array rules;
        for (const auto& entry : entries) {
            boost::json::array reads;
            for (const auto& read : entry.reads)
                reads.push_back({{"route", read.route},
                                 {"status", read.status},
                                 {"outcome", read.outcome}});
            rules.push_back({{"rule", entry.rule},
                             {"phase", entry.phase},
                             {"verdict", to_string(entry.verdict)},
                             {"reason", entry.reason},
                             {"reads", std::move(reads)}});
        }
        boost::json::object out{{"rules", std::move(rules)}};
        if (decided_by)
            out["decided_by"] = *decided_by;
        else
            out["decided_by"] = nullptr;
        return out;
    }
};

} // namespace guildgate
