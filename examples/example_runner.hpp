#pragma once

// The plumbing shared by the policy examples: command-line options, the HTTPS transport, the
// SQLite repository, and printing the decision. Each example file holds only its policy.
//
// usage: EXAMPLE [--api-base URL] [--cdn-base URL] [--ca-file PEM] [--db PATH]
//                [--stage enrollment|authentication] [--scopes "identify guilds"]
// The access token is read from the first line of standard input, so it never appears in
// the process list.

#include "endpoint_options.hpp"

#include <guildgate.hpp>
#include <guildgate/repository/sqlite.hpp>
#include <guildgate/transport/beast.hpp>

#include <boost/json/serialize.hpp>

#include <iostream>
#include <string>

namespace example {

namespace gg = guildgate;

struct settings {
    gg::discord::endpoints endpoints;
    std::string ca_file;
    std::string db_path = "guildgate.sqlite";
    gg::stage stage = gg::stage::authentication;
    std::optional<gg::scope_set> scopes;
};

// Returns 0 when the options were read, or 2 after printing why not.
inline int read_settings(int argc, char** argv, settings& out)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string name = argv[i], value = argv[i + 1];
        if (name == "--api-base")
            out.endpoints.api_base = value;
        else if (name == "--cdn-base")
            out.endpoints.cdn_base = value;
        else if (name == "--ca-file")
            out.ca_file = value;
        else if (name == "--db")
            out.db_path = value;
        else if (name == "--scopes")
            out.scopes = gg::parse_scopes(value);
        else if (name == "--stage" && (value == "enrollment" || value == "authentication"))
            out.stage = value == "enrollment" ? gg::stage::enrollment : gg::stage::authentication;
        else {
            std::cerr << argv[0] << ": invalid option " << name << " " << value << "\n";
            return 2;
        }
    }
    if (argc % 2 == 0) {
        std::cerr << argv[0] << ": option " << argv[argc - 1] << " needs a value\n";
        return 2;
    }
    if (!guildgate_examples::bases_given_together(out.endpoints)) {
        std::cerr << argv[0] << ": give --api-base and --cdn-base together, so that requests "
                  << "and avatar downloads go to the same place\n";
        return 2;
    }
    return 0;
}

// Evaluates `policy` for the token on standard input and prints the decision as JSON.
// `stage` applies unless --stage names another. Returns 0 on allow, 1 on deny or error,
// 2 on a usage error.
template <class Policy>
int run(int argc, char** argv, const Policy& policy,
        gg::stage stage = gg::stage::authentication)
{
    settings config;
    config.stage = stage;
    if (int status = read_settings(argc, argv, config))
        return status;

    std::string token;
    if (!std::getline(std::cin, token) || token.empty()) {
        std::cerr << argv[0] << ": write the access token on standard input\n";
        return 2;
    }

    try {
        gg::beast_transport transport({.ca_file = config.ca_file});
        gg::discord::client client(transport, {.endpoints = config.endpoints});
        gg::sqlite_repository repository(config.db_path);

        gg::login_context login;
        login.access_token = gg::access_token(token);
        login.stage = config.stage;
        login.granted_scopes = config.scopes;

        gg::evaluation result = gg::evaluate(policy, login, client, repository);

        boost::json::object out{{"passing", result.passing()},
                                {"verdict", to_string(result.verdict)},
                                {"messages", boost::json::array(result.messages.begin(),
                                                                result.messages.end())},
                                {"enrollment_groups",
                                 boost::json::array(result.enrollment_groups.begin(),
                                                    result.enrollment_groups.end())}};
        out["error"] = result.error ? boost::json::value(to_string(result.error->kind))
                                    : boost::json::value(nullptr);
        if (result.applied) {
            const auto& after = result.applied->after;
            out["groups"] = boost::json::array(after.groups.begin(), after.groups.end());
            out["attributes"] = after.attributes;
        }
        std::cout << boost::json::serialize(out) << "\n" << result.trace.to_text();
        return result.passing() ? 0 : 1;
    } catch (const std::invalid_argument& e) {
        std::cerr << argv[0] << ": " << e.what() << "\n";
        return 2;
    } catch (const gg::repository_error& e) {
        std::cerr << argv[0] << ": " << e.what() << "\n";
        return 2;
    }
}

} // namespace example
