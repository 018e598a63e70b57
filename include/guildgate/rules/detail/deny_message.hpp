#pragma once

#include <optional>
#include <string>

namespace guildgate::detail {

// Gives a rule `.deny_message(text)`, which returns a copy of the rule that shows `text` to
// the user on deny instead of the default wording.
template <class Rule>
class deny_message_option {
public:
    Rule deny_message(std::string text) const
    {
        Rule copy = static_cast<const Rule&>(*this);
        copy.custom_deny_message_ = std::move(text);
        return copy;
    }

protected:
    std::string deny_text(std::string fallback) const
    {
        return custom_deny_message_ ? *custom_deny_message_ : std::move(fallback);
    }

private:
    std::optional<std::string> custom_deny_message_;
};

} // namespace guildgate::detail
