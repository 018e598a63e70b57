#pragma once

#include <guildgate/config.hpp>
#include <guildgate/discord/api_result.hpp>
#include <guildgate/engine/step.hpp>

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
    std::string to_text() const;

    boost::json::object to_json() const;
};

} // namespace guildgate

#ifndef GUILDGATE_SEPARATE_COMPILATION
#include <guildgate/engine/impl/trace.ipp>
#endif
