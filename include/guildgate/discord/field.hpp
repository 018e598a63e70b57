#pragma once

#include <optional>
#include <utility>

namespace guildgate::discord {

// A JSON field that Discord may leave out (`field?`) or send as null (`?type`): the two are
// different answers, so both are kept.
template <class Value>
class field {
public:
    field() = default;
    static field null() { field f; f.present_ = true; return f; }
    field(Value value) : present_(true), value_(std::move(value)) {}

    bool absent() const noexcept { return !present_; }
    bool is_null() const noexcept { return present_ && !value_; }
    bool has_value() const noexcept { return value_.has_value(); }
    const Value& value() const { return value_.value(); }

    // Returns the value, or `fallback` when absent or null.
    Value value_or(Value fallback) const { return value_ ? *value_ : std::move(fallback); }

private:
    bool present_ = false;
    std::optional<Value> value_;
};

} // namespace guildgate::discord
