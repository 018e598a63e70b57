// discord_emulator: the Discord API emulator as a program, for scripts and manual tests.
//
//   discord_emulator --fixtures DIR --cert PEM --key PEM [--port N] [--host ADDRESS]
//                    [--threads N] [--log-requests]
//
// Prints "listening on https://HOST:PORT" on stdout once it accepts connections, then serves
// until SIGTERM or SIGINT and exits 0. Exits 2 on invalid arguments, 1 if it cannot start.
#include "emulator/emulator.hpp"

#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <pthread.h>

namespace {

constexpr std::string_view usage =
    "usage: discord_emulator --fixtures DIR --cert PEM --key PEM [--port N] [--host ADDRESS]\n"
    "                        [--threads N] [--log-requests]\n"
    "  --fixtures DIR   directory with discord/<token>.json accounts and cdn/ images\n"
    "  --cert PEM       server certificate chain (PEM)\n"
    "  --key PEM        private key of the certificate (PEM)\n"
    "  --port N         TCP port to listen on; 0 (default) picks a free one\n"
    "  --host ADDRESS   loopback address to listen on (default 127.0.0.1; ::1 works too)\n"
    "  --threads N      server threads, at least 2 (default 2)\n"
    "  --log-requests   print one line per request on stderr\n";

int invalid_arguments(const std::string& message)
{
    std::cerr << "discord_emulator: " << message << "\n" << usage;
    return 2;
}

std::optional<unsigned> parse_number(std::string_view text, unsigned max)
{
    if (text.empty() || text.size() > 5)
        return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + unsigned(c - '0');
    }
    if (value > max)
        return std::nullopt;
    return value;
}

} // namespace

int main(int argc, char** argv)
{
    guildgate::testing::emulator_options options;
    bool has_fixtures = false;
    bool has_cert = false;
    bool has_key = false;

    for (int i = 1; i < argc; ++i) {
        std::string_view flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            std::cout << usage;
            return 0;
        }
        if (flag == "--log-requests") {
            options.log_requests = true;
            continue;
        }
        if (i + 1 >= argc)
            return invalid_arguments("missing value after " + std::string(flag));
        std::string_view value = argv[++i];

        if (flag == "--fixtures") {
            options.fixtures_dir = value;
            has_fixtures = true;
        } else if (flag == "--cert") {
            options.cert_file = value;
            has_cert = true;
        } else if (flag == "--key") {
            options.key_file = value;
            has_key = true;
        } else if (flag == "--host") {
            options.host = value;
        } else if (flag == "--port") {
            auto port = parse_number(value, 65535);
            if (!port)
                return invalid_arguments("--port must be 0 to 65535; got \"" + std::string(value)
                                         + "\"");
            options.port = static_cast<std::uint16_t>(*port);
        } else if (flag == "--threads") {
            auto threads = parse_number(value, 64);
            if (!threads || *threads < 2)
                return invalid_arguments("--threads must be 2 to 64; got \"" + std::string(value)
                                         + "\"");
            options.threads = *threads;
        } else {
            return invalid_arguments("unknown option " + std::string(flag));
        }
    }
    if (!has_fixtures || !has_cert || !has_key)
        return invalid_arguments("--fixtures, --cert and --key are required");

    // Block the stop signals before the server threads start, so that they inherit the mask
    // and only sigwait below receives the signals.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        guildgate::testing::emulator server(options);
        std::cout << "listening on " << server.base_url() << std::endl;

        int received = 0;
        sigwait(&stop_signals, &received);
        auto name = received == SIGTERM ? "SIGTERM" : "SIGINT";
        std::cerr << "discord_emulator: stopping on " << name << '\n';
    } catch (const std::invalid_argument& error) {
        return invalid_arguments(error.what());
    } catch (const std::exception& error) {
        std::cerr << "discord_emulator: cannot start: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
