#include <guildgate/repository/memory.hpp>

#define BOOST_TEST_MODULE repository_memory
#include <boost/test/unit_test.hpp>

#include "conformance.hpp"

#include <cstddef>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using guildgate::applied_change;
using guildgate::change_set;
using guildgate::memory_repository;
using guildgate::repository_error;
using guildgate::user_record;
using guildgate::conformance::change_for;
using guildgate::conformance::check_same_record;
using guildgate::conformance::check_same_state;
using guildgate::conformance::observe;

static_assert(guildgate::user_repository<memory_repository>);

struct memory_fixture {
    memory_repository repository;
};

// Calls fail_at(n) for n = 1, 2, ... until apply(change) succeeds. Checks that every failed
// apply() left `ids` as they were, and returns the number of failures (the write count).
std::size_t fail_each_write(memory_repository& repository, const change_set& change,
                            const std::vector<std::string>& ids)
{
    guildgate::conformance::observed_state before = observe(repository, ids);

    for (std::size_t n = 1; n <= 100; ++n) {
        repository.fail_at(n);
        try {
            repository.apply(change);
            return n - 1;
        } catch (const repository_error& error) {
            BOOST_TEST_CONTEXT("fail_at(" << n << "): " << error.what())
            {
                check_same_state(observe(repository, ids), before);
            }
        }
    }
    BOOST_ERROR("apply() still failed at fail_at(100)");
    return 0;
}

} // namespace

GUILDGATE_REPOSITORY_CONFORMANCE_SUITE(memory_conformance, memory_fixture)

BOOST_FIXTURE_TEST_SUITE(memory_repository_test, memory_fixture)

BOOST_AUTO_TEST_CASE(fail_at_update_keeps_state)
{
    change_set setup = change_for("200000000000000001");
    setup.username = "erin";
    setup.add_groups = {"alpha", "beta"};
    setup.set_attributes = {{"locale", "en-GB"}, {"score", 1}};
    repository.apply(setup);

    change_set change = change_for("200000000000000001");
    change.username = "erin.new";
    change.remove_groups = {"alpha"};
    change.add_groups = {"beta", "gamma", "delta"};
    change.set_attributes = {{"score", 2}, {"verified", true}};

    // 1 username + 1 removal + (1 membership) + 2 x (1 group + 1 membership) + 2 attributes.
    std::size_t writes = fail_each_write(repository, change, {"200000000000000001"});

    BOOST_TEST(writes == 9u);
    user_record after = repository.find_user("200000000000000001").value();
    BOOST_TEST(after.username == "erin.new");
    BOOST_TEST(after.groups == (std::vector<std::string>{"beta", "delta", "gamma"}),
               boost::test_tools::per_element());
    BOOST_TEST(after.attributes
               == (boost::json::object{{"locale", "en-GB"}, {"score", 2}, {"verified", true}}));
    BOOST_TEST(repository.group_names()
                   == (std::vector<std::string>{"alpha", "beta", "delta", "gamma"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fail_at_create_keeps_state)
{
    repository.apply(change_for("200000000000000002"));
    std::size_t users_before = repository.user_count();

    change_set change = change_for("200000000000000003");
    change.username = "frank";
    change.add_groups = {"new-group", "new-group"};
    change.set_attributes = {{"locale", "de-DE"}};

    // 1 user + 1 username + (1 group + 1 membership) + 1 membership + 1 attribute.
    std::size_t writes =
        fail_each_write(repository, change, {"200000000000000002", "200000000000000003"});

    BOOST_TEST(writes == 6u);
    BOOST_TEST(repository.user_count() == users_before + 1);
    BOOST_TEST(repository.group_names() == std::vector<std::string>{"new-group"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fail_at_keeps_next_id)
{
    applied_change first = repository.apply(change_for("200000000000000004"));
    repository.fail_at(1);
    BOOST_CHECK_THROW(repository.apply(change_for("200000000000000005")), repository_error);

    applied_change second = repository.apply(change_for("200000000000000005"));

    BOOST_TEST(second.after.id == first.after.id + 1);
}

BOOST_AUTO_TEST_CASE(fail_at_used_once)
{
    repository.fail_at(1);
    BOOST_CHECK_THROW(repository.apply(change_for("200000000000000006")), repository_error);

    BOOST_CHECK_NO_THROW(repository.apply(change_for("200000000000000006")));
}

BOOST_AUTO_TEST_CASE(fail_at_beyond_writes_used_up)
{
    repository.fail_at(50);
    BOOST_CHECK_NO_THROW(repository.apply(change_for("200000000000000007")));

    change_set change = change_for("200000000000000007");
    change.add_groups = std::vector<std::string>(60, "many");
    BOOST_CHECK_NO_THROW(repository.apply(change));
}

BOOST_AUTO_TEST_CASE(fail_at_zero_disarms)
{
    repository.fail_at(1);
    repository.fail_at(0);

    BOOST_CHECK_NO_THROW(repository.apply(change_for("200000000000000008")));
}

BOOST_AUTO_TEST_CASE(fail_at_skips_rejected_input)
{
    repository.fail_at(1);
    try {
        repository.apply(change_for("not-an-id"));
        BOOST_ERROR("apply() accepted the Discord ID \"not-an-id\"");
    } catch (const repository_error& error) {
        std::string message = error.what();
        BOOST_TEST(message.find("injected") == std::string::npos, message);
    }

    // The hook is still armed for the next valid change.
    BOOST_CHECK_THROW(repository.apply(change_for("200000000000000009")), repository_error);
    BOOST_TEST(repository.user_count() == 0u);
}

BOOST_AUTO_TEST_CASE(fail_at_message)
{
    repository.fail_at(2);
    change_set change = change_for("200000000000000010");
    change.username = "grace";

    try {
        repository.apply(change);
        BOOST_ERROR("apply() did not fail at the write chosen by fail_at(2)");
    } catch (const repository_error& error) {
        std::string message = error.what();
        BOOST_TEST(message.find("write operation 2") != std::string::npos, message);
        BOOST_TEST(message.find("username") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(accessors_empty)
{
    BOOST_TEST(repository.user_count() == 0u);
    BOOST_TEST(repository.group_names().empty());
}

BOOST_AUTO_TEST_CASE(accessors_after_applies)
{
    change_set change = change_for("200000000000000011");
    change.add_groups = {"b", "a"};
    repository.apply(change);
    change.discord_id = "200000000000000012";
    change.add_groups = {"c", "a"};
    repository.apply(change);

    BOOST_TEST(repository.user_count() == 2u);
    BOOST_TEST(repository.group_names() == (std::vector<std::string>{"a", "b", "c"}),
               boost::test_tools::per_element());
}

// Threads share one repository; every membership and attribute that a thread applied to the
// shared user must be present afterwards.
BOOST_AUTO_TEST_CASE(threads_lose_nothing)
{
    constexpr int thread_count = 8;
    constexpr int rounds = 50;
    std::latch start(thread_count);
    std::mutex errors_mutex;
    std::vector<std::string> errors;

    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int round = 0; round < rounds; ++round) {
                change_set change = change_for("200000000000000100");
                change.add_groups = {"shared", "thread-" + std::to_string(t) + "-"
                                                   + std::to_string(round)};
                change.set_attributes = {{"thread-" + std::to_string(t), round}};
                try {
                    repository.apply(change);
                } catch (const repository_error& error) {
                    std::lock_guard lock(errors_mutex);
                    errors.push_back(error.what());
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();

    BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front()));
    user_record user = repository.find_user("200000000000000100").value();
    BOOST_TEST(user.groups.size() == std::size_t{thread_count * rounds + 1});
    BOOST_TEST(user.attributes.size() == std::size_t{thread_count});
    for (int t = 0; t < thread_count; ++t) {
        BOOST_TEST_CONTEXT("thread " << t)
        {
            const boost::json::value* last = user.attributes.if_contains(
                "thread-" + std::to_string(t));
            BOOST_TEST_REQUIRE(last != nullptr);
            BOOST_TEST(*last == boost::json::value(rounds - 1));
        }
    }
    BOOST_TEST(repository.user_count() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
