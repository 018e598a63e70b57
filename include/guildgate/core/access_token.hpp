#pragma once

#include <string>
#include <string_view>

namespace guildgate {

// An OAuth2 access token. It has no stream operator and no implicit conversion, so it cannot
// reach a log line, a trace or an exception message by accident; `reveal()` is the one way out,
// used only to build the Authorization header.
class access_token {
public:
    access_token() = default;
    explicit access_token(std::string value) : value_(std::move(value)) {}

    const std::string& reveal() const noexcept { return value_; }

    bool empty() const noexcept { return value_.empty(); }

private:
    std::string value_;
};

} // namespace guildgate
