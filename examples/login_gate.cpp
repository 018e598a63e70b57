// login_gate: decides Discord logins read from standard input, one JSON object per line,
// with the pipeline
//
//   only_for_provider("discord") >> require_guild >> require_role (if "role")
//     >> map_roles_to_groups (if "role_groups") >> store_discord_attrs (if "avatar_size")
//
// over HTTPS, and stores users, groups and attributes in a SQLite file. See docs/login_gate.md.

#include "endpoint_options.hpp"
#include "login_gate_config.hpp"
#include "login_gate_input.hpp"
#include "login_gate_output.hpp"

#include <guildgate.hpp>
#include <guildgate/engine/error_log.hpp>
#include <guildgate/repository/sqlite.hpp>
#include <guildgate/transport/beast.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace gg = guildgate;

namespace {

constexpr const char* usage =
    "usage: login_gate --config FILE [--api-base URL] [--cdn-base URL] [--ca-file PEM]\n"
    "                  [--db PATH] [--format jsonl|table] [--explain]\n"
    "\n"
    "Reads one login attempt per line on standard input and prints one decision per line.\n"
    "  --config FILE    JSON: {\"guild\": {\"id\", \"name\"}, \"role\"?, \"role_groups\"?, "
    "\"avatar_size\"?}\n"
    "  --api-base URL   Discord API base (default https://discord.com/api/v10)\n"
    "  --cdn-base URL   Discord CDN base (default https://cdn.discordapp.com)\n"
    "  --ca-file PEM    a CA certificate file trusted besides the system store\n"
    "  --db PATH        the SQLite database (default guildgate.sqlite)\n"
    "  --format F       jsonl or table (default: table on a terminal, jsonl otherwise)\n"
    "  --explain        add each rule's reads and decision to the output\n";

struct options {
    std::string config_path;
    gg::discord::endpoints endpoints;
    std::string ca_file;
    std::string db_path = "guildgate.sqlite";
    std::string format;
    bool explain = false;
};

// Returns 0 when the options were read, 2 after printing a usage error, or 1 after --help.
int parse_options(int argc, char** argv, options& out)
{
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return 1;
        }
        if (arg == "--explain") {
            out.explain = true;
            continue;
        }
        std::string* target = arg == "--config"     ? &out.config_path
                            : arg == "--api-base" ? &out.endpoints.api_base
                            : arg == "--cdn-base" ? &out.endpoints.cdn_base
                            : arg == "--ca-file"  ? &out.ca_file
                            : arg == "--db"       ? &out.db_path
                            : arg == "--format"   ? &out.format
                                                  : nullptr;
        if (!target) {
            std::cerr << "login_gate: unknown option " << arg << "\n" << usage;
            return 2;
        }
        if (i + 1 >= argc) {
            std::cerr << "login_gate: " << arg << " needs a value\n";
            return 2;
        }
        *target = argv[++i];
    }

    if (out.config_path.empty()) {
        std::cerr << "login_gate: --config FILE is required\n" << usage;
        return 2;
    }
    if (!guildgate_examples::bases_given_together(out.endpoints)) {
        std::cerr << "login_gate: give --api-base and --cdn-base together, so that requests "
                     "and avatar downloads go to the same place\n";
        return 2;
    }
    if (out.format.empty())
        out.format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
    if (out.format != "jsonl" && out.format != "table") {
        std::cerr << "login_gate: --format must be jsonl or table, not \"" << out.format << "\"\n";
        return 2;
    }
    return 0;
}

// Calls `next` with the pipeline the configuration describes. Each optional rule doubles
// the number of pipeline types, so `next` is instantiated once for each of the 8.
template <class Next>
void with_policy(const login_gate::config& config, Next&& next)
{
    auto base = gg::only_for_provider("discord") >>
        gg::require_guild(config.guild.id, config.guild.name);

    auto add_avatar = [&](auto policy) {
        if (config.avatar_size)
            next(policy >> gg::store_discord_attrs(*config.avatar_size));
        else
            next(policy);
    };
    auto add_groups = [&](auto policy) {
        if (config.role_groups)
            add_avatar(policy >> gg::map_roles_to_groups(
                                     config.guild.id,
                                     gg::role_group_map::from_strings(*config.role_groups),
                                     gg::sync_on::both));
        else
            add_avatar(policy);
    };
    if (config.role)
        add_groups(base >> gg::require_role(config.guild.id, config.role->id, config.role->name,
                                            config.guild.name));
    else
        add_groups(base);
}

// Returns whether `provider` names Discord, compared as only_for_provider compares names:
// without case and without surrounding spaces and tabs.
bool through_discord(std::string_view provider)
{
    auto first = provider.find_first_not_of(" \t");
    auto last = provider.find_last_not_of(" \t");
    if (first == std::string_view::npos)
        return false;
    provider = provider.substr(first, last - first + 1);

    std::string lower(provider);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower == "discord";
}

// Decides one attempt. It identifies the Discord user with GET /users/@me and picks the stage:
// enrollment when the user is not in the database yet, unless the line names a stage. It then
// evaluates the pipeline in the same session, so /users/@me is read once.
template <class Policy, class Client>
gg::evaluation decide(const Policy& policy, login_gate::attempt& attempt, Client& client,
                      gg::sqlite_repository& repository)
{
    using pipeline_type = decltype(gg::as_pipeline(policy));
    gg::login_context& login = attempt.login;
    if (!attempt.stage_given)
        login.stage = gg::stage::enrollment;

    gg::session session(client, login, pipeline_type::scopes());
    if (through_discord(login.provider)) {
        if (auto failed = gg::identify(session))
            return *failed;
        if (!attempt.stage_given && repository.find_user(session.data().current_user->id))
            login.stage = gg::stage::authentication;
    }
    return gg::evaluate(policy, session, repository);
}

} // namespace

int main(int argc, char** argv)
{
    options opts;
    if (int status = parse_options(argc, argv, opts))
        return status == 1 ? 0 : status;

    login_gate::config config;
    try {
        config = login_gate::load_config(opts.config_path);
    } catch (const login_gate::config_error& e) {
        std::cerr << "login_gate: invalid configuration: " << e.what() << "\n";
        return 2;
    }

    std::optional<gg::beast_transport> transport;
    try {
        transport.emplace(gg::beast_transport_options{.ca_file = opts.ca_file});
    } catch (const std::invalid_argument& e) {
        std::cerr << "login_gate: --ca-file: " << e.what() << "\n";
        return 2;
    }

    gg::discord::client_options client_options;
    client_options.endpoints = opts.endpoints;
    std::optional<gg::discord::client<gg::beast_transport>> client;
    try {
        client.emplace(*transport, client_options);
    } catch (const gg::discord::invalid_endpoint& e) {
        std::cerr << "login_gate: " << e.what() << "\n";
        return 2;
    }

    std::optional<gg::sqlite_repository> repository;
    try {
        repository.emplace(opts.db_path);
    } catch (const gg::repository_error& e) {
        std::cerr << "login_gate: --db: " << e.what() << "\n";
        return 1;
    }

    // Errors go to standard error once each; identical repeats are counted.
    gg::error_log errors([](std::string_view line) { std::cerr << line << '\n'; });

    login_gate::printer printer(opts.format, opts.explain, std::cout);
    with_policy(config, [&](const auto& policy) {
        std::string line;
        std::size_t number = 0;
        while (login_gate::read_line(std::cin, line)) {
            ++number;
            login_gate::attempt attempt;
            try {
                attempt = login_gate::parse_attempt(line);
            } catch (const login_gate::input_error& e) {
                printer.bad_input(number, e.what());
                continue;
            }
            auto result = decide(policy, attempt, *client, *repository);
            if (result.error)
                errors.record(*result.error);
            std::optional<gg::user_record> stored;
            if (result.discord_user)
                stored = repository->find_user(result.discord_user->id);
            bool stage_known = attempt.stage_given || result.discord_user.has_value();
            printer.decision(number, result, stored, stage_known);
        }
    });
    printer.finish();
    errors.flush();
    return 0;
}
