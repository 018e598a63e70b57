#include <guildgate/engine/trace.hpp>

#include <boost/test/unit_test.hpp>

#include <boost/json/serialize.hpp>

#include <string>

namespace {

using guildgate::trace;
using guildgate::trace_entry;
using guildgate::verdict;

trace two_rules()
{
    trace result;
    result.entries.push_back({"require_guild(812345678901234567 \"Example Guild\")", "gate",
                              {{"GET /users/@me/guilds/812345678901234567/member", 200, "ok"}},
                              verdict::allow, "member of 812345678901234567 (Example Guild)"});
    result.entries.push_back({"require_role(812345678901234567, 823456789012345678 \"Members\")",
                              "gate", {}, verdict::deny, "lacks role 823456789012345678 (Members)"});
    result.decided_by = 1;
    return result;
}

} // namespace

BOOST_AUTO_TEST_SUITE(trace_test)

BOOST_AUTO_TEST_CASE(text_lines)
{
    std::string expected =
        "1. require_guild(812345678901234567 \"Example Guild\") [gate]: allow: member of "
        "812345678901234567 (Example Guild)\n"
        "     GET /users/@me/guilds/812345678901234567/member -> 200 (ok)\n"
        "2. require_role(812345678901234567, 823456789012345678 \"Members\") [gate]: deny: lacks "
        "role 823456789012345678 (Members)  <- decided\n";

    BOOST_TEST(two_rules().to_text() == expected);
}

BOOST_AUTO_TEST_CASE(text_no_response)
{
    trace result;
    result.entries.push_back({"store_discord_attrs(64 px)", "gate",
                              {{"GET /users/@me", 0, "transport"}}, verdict::error,
                              "connection_refused: connect failed"});

    BOOST_TEST(result.to_text().find("GET /users/@me -> no response (transport)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_fields)
{
    boost::json::object json = two_rules().to_json();

    BOOST_TEST(json.at("decided_by").to_number<int>() == 1);
    const auto& rules = json.at("rules").as_array();
    BOOST_TEST_REQUIRE(rules.size() == 2u);
    BOOST_TEST(rules[0].at("verdict").as_string() == "allow");
    BOOST_TEST(rules[0].at("phase").as_string() == "gate");
    BOOST_TEST(rules[0].at("reads").as_array().at(0).at("status").to_number<int>() == 200);
    BOOST_TEST(rules[1].at("verdict").as_string() == "deny");
    BOOST_TEST(rules[1].at("reads").as_array().empty());
}

BOOST_AUTO_TEST_CASE(json_undecided)
{
    trace result;

    BOOST_TEST(result.to_json().at("decided_by").is_null());
    BOOST_TEST(result.to_text() == "");
}

BOOST_AUTO_TEST_SUITE_END()
