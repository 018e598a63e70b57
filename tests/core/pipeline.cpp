#include <guildgate/core/pipeline.hpp>

#include <guildgate/core/snowflake.hpp>
#include <guildgate/rules/map_roles_to_groups.hpp>
#include <guildgate/rules/only_for_provider.hpp>
#include <guildgate/rules/require_guild.hpp>
#include <guildgate/rules/require_role.hpp>
#include <guildgate/rules/store_discord_attrs.hpp>

#include <boost/hana/at.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <type_traits>

namespace {

namespace gg = guildgate;
using namespace gg::literals;
using gg::effect;
using gg::resource;
using gg::scope;

constexpr auto guild = "812345678901234567"_snowflake;
constexpr auto role = "823456789012345678"_snowflake;

const auto provider = gg::only_for_provider("discord");
const auto in_guild = gg::require_guild(guild, "Example Guild");
const auto has_role = gg::require_role(guild, role, "Members", "Example Guild");
const auto groups = gg::map_roles_to_groups(guild, {{role, "members"}}, gg::sync_on::both);
const auto profile = gg::store_discord_attrs(gg::avatar_size<64>);

using provider_type = gg::only_for_provider_rule;
using guild_type = gg::require_guild_rule;
using role_type = gg::require_role_rule;
// A mapping of a _snowflake literal guild keeps the guild ID in its type.
using groups_type = gg::static_map_roles_to_groups_rule<guild.value()>;
using profile_type = gg::store_discord_attrs_rule;

static_assert(gg::rule<provider_type>);
static_assert(gg::rule<guild_type>);
static_assert(gg::rule<role_type>);
static_assert(gg::rule<groups_type>);
static_assert(gg::rule<gg::map_roles_to_groups_rule>);
static_assert(std::is_same_v<decltype(groups), const groups_type>);
static_assert(gg::rule<profile_type>);
static_assert(!gg::rule<int>);

using flat_four = gg::pipeline<provider_type, guild_type, role_type, groups_type>;

static_assert(std::is_same_v<decltype((provider >> in_guild) >> (has_role >> groups)), flat_four>);
static_assert(std::is_same_v<decltype(provider >> in_guild >> has_role >> groups), flat_four>);
static_assert(std::is_same_v<decltype(provider >> (in_guild >> (has_role >> groups))), flat_four>);
static_assert(std::is_same_v<decltype(gg::as_pipeline(in_guild)), gg::pipeline<guild_type>>);
static_assert(std::is_same_v<decltype(gg::as_pipeline(provider >> in_guild)),
                             gg::pipeline<provider_type, guild_type>>);

template <class... Rules>
using scopes_of = std::integral_constant<std::uint8_t, gg::pipeline<Rules...>::scopes().bits()>;

// require_guild alone learns membership from the guild list, so it needs `guilds`. Next to a
// rule that needs guilds.members.read, it uses the member route and needs only that scope.
static_assert(gg::pipeline<guild_type>::scopes() == (scope::identify | scope::guilds));
static_assert(gg::pipeline<guild_type, role_type>::scopes() ==
              (scope::identify | scope::guilds_members_read));
static_assert(!gg::pipeline<guild_type, role_type>::scopes().contains(scope::guilds));
static_assert(scopes_of<provider_type>::value == gg::scope_set{scope::identify}.bits());

} // namespace

BOOST_AUTO_TEST_SUITE(pipeline_test)

BOOST_AUTO_TEST_CASE(flatten_keeps_order)
{
    auto policy = (provider >> in_guild) >> (has_role >> groups);

    BOOST_TEST(policy.size() == 4u);
    BOOST_TEST(boost::hana::at_c<0>(policy.rules()).provider() == "discord");
    BOOST_TEST(boost::hana::at_c<1>(policy.rules()).guild_id() == "812345678901234567");
    BOOST_TEST(boost::hana::at_c<2>(policy.rules()).role_id() == "823456789012345678");
    BOOST_TEST(boost::hana::at_c<3>(policy.rules()).mapping().entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE(scopes_guild_alone)
{
    using policy = decltype(gg::as_pipeline(in_guild));

    BOOST_TEST(gg::to_string(policy::scopes()) == "identify guilds");
    BOOST_TEST(policy::needs_membership());
}

BOOST_AUTO_TEST_CASE(scopes_guild_with_role)
{
    using policy = decltype(in_guild >> has_role);

    BOOST_TEST(gg::to_string(policy::scopes()) == "identify guilds.members.read");
    BOOST_TEST(!policy::scopes().contains(scope::guilds));
}

BOOST_AUTO_TEST_CASE(scopes_guild_with_groups)
{
    using policy = decltype(groups >> in_guild);

    BOOST_TEST(gg::to_string(policy::scopes()) == "identify guilds.members.read");
}

BOOST_AUTO_TEST_CASE(scopes_without_membership)
{
    BOOST_TEST(gg::to_string(decltype(gg::as_pipeline(provider))::scopes()) == "identify");
    BOOST_TEST(gg::to_string(decltype(gg::as_pipeline(profile))::scopes()) == "identify");
    BOOST_TEST(!decltype(gg::as_pipeline(profile))::needs_membership());
}

BOOST_AUTO_TEST_CASE(scopes_full_pipeline)
{
    using policy = decltype(provider >> in_guild >> has_role >> groups >> profile);

    BOOST_TEST(gg::to_string(policy::scopes()) == "identify guilds.members.read");
}

BOOST_AUTO_TEST_CASE(resources_guild_list)
{
    using policy = decltype(gg::as_pipeline(in_guild));

    BOOST_TEST((policy::resources() == gg::resource_set{resource::guild_list}));
}

BOOST_AUTO_TEST_CASE(resources_member_route)
{
    using policy = decltype(in_guild >> has_role);

    BOOST_TEST((policy::resources() == gg::resource_set{resource::guild_member}));
    BOOST_TEST(!policy::resources().contains(resource::guild_list));
}

BOOST_AUTO_TEST_CASE(resources_profile)
{
    using policy = decltype(provider >> profile);

    BOOST_TEST((policy::resources() == (resource::current_user | resource::avatar)));
}

BOOST_AUTO_TEST_CASE(effects_none)
{
    using policy = decltype(provider >> in_guild >> has_role);

    BOOST_TEST(policy::effects().empty());
    BOOST_TEST(!policy::writes_groups());
    BOOST_TEST(!policy::writes_attributes());
}

BOOST_AUTO_TEST_CASE(effects_groups_and_attributes)
{
    using policy = decltype(groups >> profile);

    BOOST_TEST((policy::effects() == (effect::groups | effect::attributes)));
    BOOST_TEST(policy::writes_groups());
    BOOST_TEST(policy::writes_attributes());
}

BOOST_AUTO_TEST_CASE(effects_groups_only)
{
    using policy = decltype(in_guild >> groups);

    BOOST_TEST(policy::writes_groups());
    BOOST_TEST(!policy::writes_attributes());
}

BOOST_AUTO_TEST_SUITE_END()
