// load_test: evaluates the five-rule pipeline from many threads over ONE shared beast_transport
// and ONE shared Discord client, against an in-process emulator, and checks every outcome.
//
//   load_test [--threads N] [--evaluations N] [--tokens N]
//
// Evaluation n uses token n % tokens. Every token has a kind with a known outcome (see
// load_accounts.hpp), and 1 login in 10 meets a 503, 429 or 401 on the member route. Users are
// stored in one memory_repository that all threads share. Prints the wall time, evaluations
// per second, the outcome counts and VmRSS at 10 %, 50 % and 100 % of the run. Exits 0 when
// every outcome matched its token's kind, 1 when any did not, and 2 on invalid arguments.

#include "faults/matrix_pipeline.hpp"
#include "load_accounts.hpp"

#include <guildgate/engine/error_log.hpp>
#include <guildgate/repository/memory.hpp>
#include <guildgate/transport/beast.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace gg = guildgate;

namespace {

struct settings {
    unsigned threads = 8;
    std::size_t evaluations = 20'000;
    std::size_t tokens = 1'000;
};

std::optional<std::size_t> parse_count(std::string_view text)
{
    std::size_t value = 0;
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + std::size_t(c - '0');
    }
    return value;
}

std::optional<settings> parse_arguments(int argc, char** argv)
{
    settings result;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string_view flag = argv[i];
        auto value = parse_count(argv[i + 1]);
        if (!value || *value == 0)
            return std::nullopt;
        if (flag == "--threads" && *value <= 256)
            result.threads = static_cast<unsigned>(*value);
        else if (flag == "--evaluations")
            result.evaluations = *value;
        else if (flag == "--tokens")
            result.tokens = *value;
        else
            return std::nullopt;
    }
    if (argc % 2 == 0)
        return std::nullopt;
    return result;
}

// Returns this process's resident set size in kB from /proc/self/status, or -1.
long resident_kilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

// Counts outcomes and wrong outcomes from all threads, and samples VmRSS when the number of
// finished evaluations reaches 10 %, 50 % and 100 % of the run.
class tally {
public:
    explicit tally(std::size_t total)
        : checkpoints_{std::max<std::size_t>(total / 10, 1), std::max<std::size_t>(total / 2, 1),
                       total}
    {
    }

    void record(std::size_t index, gg::load::account_kind kind, const gg::evaluation& result)
    {
        auto want = gg::load::expected(kind);
        std::string verdict(to_string(result.verdict));
        std::optional<std::string> error;
        if (result.error)
            error = std::string(to_string(result.error->kind));
        bool right = verdict == want.verdict && error == want.error;

        {
            std::lock_guard lock(mutex_);
            ++outcomes_[error ? verdict + " " + *error : verdict];
            if (!right && wrong_++ < max_reported_wrong) {
                // The token is not printed; its index identifies it.
                std::cerr << "wrong outcome: evaluation " << index << ", token kind "
                          << to_string(kind) << ": " << verdict << " " << error.value_or("")
                          << (result.error ? " (" + result.error->detail + ")" : "") << '\n';
            }
        }

        auto finished = finished_.fetch_add(1) + 1;
        for (std::size_t i = 0; i < checkpoints_.size(); ++i)
            if (finished == checkpoints_[i])
                rss_[i].store(resident_kilobytes());
    }

    std::size_t wrong() const
    {
        std::lock_guard lock(mutex_);
        return wrong_;
    }

    void print(std::ostream& out) const
    {
        std::lock_guard lock(mutex_);
        out << "outcomes:";
        for (const auto& [name, count] : outcomes_)
            out << " " << name << "=" << count;
        out << "\nwrong outcomes: " << wrong_ << "\nVmRSS kB at 10 % / 50 % / 100 %: "
            << rss_[0].load() << " / " << rss_[1].load() << " / " << rss_[2].load() << '\n';
    }

private:
    static constexpr std::size_t max_reported_wrong = 20;

    std::array<std::size_t, 3> checkpoints_;
    std::array<std::atomic<long>, 3> rss_{};
    std::atomic<std::size_t> finished_{0};
    mutable std::mutex mutex_;
    std::map<std::string, std::size_t> outcomes_;
    std::size_t wrong_ = 0;
};

} // namespace

int main(int argc, char** argv)
{
    auto options = parse_arguments(argc, argv);
    if (!options) {
        std::cerr << "usage: load_test [--threads N (1-256)] [--evaluations N] [--tokens N]\n";
        return 2;
    }

    gg::testing::emulator_options server_options;
    server_options.threads = 4;
    gg::testing::emulator server(server_options);
    for (std::size_t i = 0; i < options->tokens; ++i)
        server.set_account(gg::load::token_of(i), gg::load::make_account(i));

    gg::beast_transport transport({.ca_file = gg::testing::test_cert_file().string()});

    // A 1 ms backoff keeps the 503 logins from spending the run asleep. The retry count stays
    // at the library default of 2.
    gg::discord::client_options client_options;
    client_options.endpoints = {server.api_url(), server.base_url()};
    client_options.backoff_base = std::chrono::milliseconds(1);
    client_options.max_backoff_total = std::chrono::milliseconds(20);
    gg::discord::client<gg::beast_transport> client(transport, client_options);

    gg::memory_repository repository;
    std::atomic<std::size_t> error_lines{0};
    gg::error_log errors([&](std::string_view) { ++error_lines; });
    tally counts(options->evaluations);
    std::atomic<std::size_t> next{0};

    auto started = std::chrono::steady_clock::now();
    gg::faults::with_pipeline("full", [&](const auto& policy) {
        auto work = [&] {
            for (;;) {
                std::size_t index = next.fetch_add(1);
                if (index >= options->evaluations)
                    return;
                std::size_t token = index % options->tokens;

                gg::login_context login;
                login.access_token = gg::access_token(gg::load::token_of(token));
                auto result =
                    gg::faults::decide_like_login_gate(policy, login, client, repository);
                if (result.error)
                    errors.record(*result.error);
                counts.record(index, gg::load::kind_of(token), result);
            }
        };

        std::vector<std::thread> threads;
        for (unsigned i = 0; i < options->threads; ++i)
            threads.emplace_back(work);
        for (auto& thread : threads)
            thread.join();
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    errors.flush();

    auto stats = server.stats();
    std::printf("evaluations: %zu, threads: %u, tokens: %zu\n", options->evaluations,
                options->threads, options->tokens);
    std::printf("wall time: %.2f s, %.1f evaluations/s\n", seconds,
                double(options->evaluations) / seconds);
    std::printf("emulator: %llu requests on %llu connections; error log lines: %zu\n",
                static_cast<unsigned long long>(stats.requests_total),
                static_cast<unsigned long long>(stats.connections_accepted), error_lines.load());
    std::fflush(stdout);
    counts.print(std::cout);
    return counts.wrong() == 0 ? 0 : 1;
}
