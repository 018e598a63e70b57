#pragma once

#include <filesystem>

// Paths that tests/emulator/CMakeLists.txt passes to every target linking guildgate_emulator:
// the fixtures in the source tree and the certificates generated in the build tree.
#if !defined(GUILDGATE_TEST_FIXTURES_DIR) || !defined(GUILDGATE_TEST_CERT_FILE)                \
    || !defined(GUILDGATE_TEST_KEY_FILE) || !defined(GUILDGATE_TEST_WRONG_HOST_CERT_FILE)      \
    || !defined(GUILDGATE_TEST_WRONG_HOST_KEY_FILE)
#error "link the target with guildgate_emulator, which defines the GUILDGATE_TEST_* paths"
#endif

namespace guildgate::testing {

// tests/fixtures: discord/ (accounts) and cdn/ (images).
inline std::filesystem::path test_fixtures_dir() { return GUILDGATE_TEST_FIXTURES_DIR; }

// A self-signed certificate for localhost, 127.0.0.1 and ::1; it is also its own CA, so
// clients pass this file as their trusted CA.
inline std::filesystem::path test_cert_file() { return GUILDGATE_TEST_CERT_FILE; }
inline std::filesystem::path test_key_file() { return GUILDGATE_TEST_KEY_FILE; }

// A self-signed certificate for "wrong.example" only, to test host name verification.
inline std::filesystem::path test_wrong_host_cert_file()
{
    return GUILDGATE_TEST_WRONG_HOST_CERT_FILE;
}
inline std::filesystem::path test_wrong_host_key_file()
{
    return GUILDGATE_TEST_WRONG_HOST_KEY_FILE;
}

} // namespace guildgate::testing
