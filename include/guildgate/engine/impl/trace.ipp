#pragma once

#include <guildgate/engine/trace.hpp>

#include <boost/json/array.hpp>

namespace guildgate {

GUILDGATE_DECL std::string trace::to_text() const
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

GUILDGATE_DECL boost::json::object trace::to_json() const
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

} // namespace guildgate
