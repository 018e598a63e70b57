#pragma once

#include <guildgate/engine/evaluation.hpp>

namespace guildgate {

// Defined here rather than in the class, so that the code that copies and destroys its
// members is compiled once with GUILDGATE_SEPARATE_COMPILATION.
GUILDGATE_DECL evaluation::evaluation() = default;
GUILDGATE_DECL evaluation::evaluation(const evaluation&) = default;
GUILDGATE_DECL evaluation::evaluation(evaluation&&) noexcept = default;
GUILDGATE_DECL evaluation& evaluation::operator=(const evaluation&) = default;
GUILDGATE_DECL evaluation& evaluation::operator=(evaluation&&) noexcept = default;
GUILDGATE_DECL evaluation::~evaluation() = default;

} // namespace guildgate
