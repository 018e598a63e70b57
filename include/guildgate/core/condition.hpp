#pragma once

#include <guildgate/core/login_context.hpp>

#include <concepts>
#include <string>
#include <utility>

namespace guildgate {

// A condition tests the login context alone, without any request, for when(condition, rule):
// `c.test(login)` returns whether it is true and `c.describe()` names it in traces.
template <class Condition>
concept login_condition = requires(const Condition& c, const login_context& login) {
    { c.test(login) } -> std::convertible_to<bool>;
    { c.describe() } -> std::convertible_to<std::string>;
};

// Holds at one stage: stage_is(stage::enrollment).
class stage_is {
public:
    explicit stage_is(guildgate::stage at) : stage_(at) {}

    bool test(const login_context& login) const { return login.stage == stage_; }

    std::string describe() const { return "stage is " + std::string(to_string(stage_)); }

private:
    guildgate::stage stage_;
};

// Holds for one OAuth provider: provider_is("discord").
class provider_is {
public:
    explicit provider_is(std::string provider) : provider_(std::move(provider)) {}

    bool test(const login_context& login) const { return login.provider == provider_; }

    std::string describe() const { return "provider is " + provider_; }

private:
    std::string provider_;
};

// A condition from any predicate on the login context, named for the trace.
template <class Predicate>
class predicate_condition {
public:
    predicate_condition(Predicate predicate, std::string description)
        : predicate_(std::move(predicate)), description_(std::move(description))
    {
    }

    bool test(const login_context& login) const { return predicate_(login); }

    std::string describe() const { return description_; }

private:
    Predicate predicate_;
    std::string description_;
};

// condition([](const login_context& login) { ... }, "description").
template <class Predicate>
    requires std::predicate<const Predicate&, const login_context&>
predicate_condition<Predicate> condition(Predicate predicate, std::string description)
{
    return {std::move(predicate), std::move(description)};
}

} // namespace guildgate
