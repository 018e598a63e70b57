#pragma once

#include <guildgate/core/pipeline.hpp>
#include <guildgate/engine/decide.hpp>

#include <boost/hana/flatten.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <string>
#include <type_traits>

namespace guildgate {

template <class... Rules>
class all_of_rule;

} // namespace guildgate

namespace guildgate::detail {

// Machinery shared by the rules that combine other rules (all_of, any_of, not_, when).

template <template <class...> class First, template <class...> class Second>
struct same_template : std::false_type {};

template <template <class...> class Same>
struct same_template<Same, Same> : std::true_type {};

// Returns the rules of `argument` as a Hana tuple: the children of a combinator of the same
// kind (`Same`), or the argument itself. A pipeline (`a >> b`) becomes its rules inside
// all_of, and one all_of alternative elsewhere. Nested compositions of one kind so become one
// flat list.
template <template <class...> class Same, class Argument>
constexpr auto children_of(const Argument& argument)
{
    if constexpr (requires { typename Argument::template is_combinator<Same>; }) {
        return argument.children();
    } else if constexpr (is_pipeline<Argument>::value) {
        if constexpr (same_template<Same, all_of_rule>::value)
            return argument.rules();
        else
            return boost::hana::make_tuple(boost::hana::unpack(argument.rules(), [](auto... rules) {
                return all_of_rule<decltype(rules)...>(std::move(rules)...);
            }));
    } else {
        return boost::hana::make_tuple(argument);
    }
}

template <template <class...> class Combinator, class... Arguments>
constexpr auto make_flat(const Arguments&... arguments)
{
    auto all = boost::hana::flatten(boost::hana::make_tuple(children_of<Combinator>(arguments)...));
    return boost::hana::unpack(std::move(all), [](auto... rules) {
        return Combinator<decltype(rules)...>(std::move(rules)...);
    });
}

// Returns the describe() texts of a tuple of rules, comma-separated.
template <class Tuple>
std::string describe_all(const Tuple& rules)
{
    std::string text;
    boost::hana::for_each(rules, [&](const auto& r) {
        text += (text.empty() ? "" : ", ") + r.describe();
    });
    return text;
}

template <class Tuple>
void plan_all(const Tuple& rules, fetch_plan& plan, const plan_context& context)
{
    boost::hana::for_each(rules, [&](const auto& r) { r.plan(plan, context); });
}

} // namespace guildgate::detail
