#!/usr/bin/env python3
"""End-to-end tests of login_gate's configuration, option and endpoint checks.

Usage: login_gate_config_test.py BUILD/tests/emulator.env PATH/TO/login_gate

Each rejected run must exit 2 before any request: the API base points at the emulator, whose
request count must not move, and the SQLite file must not be created. The rejected Discord
base URLs are never contacted: they fail validation when login_gate builds its client, and
the runs with an input line go through `unshare -n` (no network) when it is available.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

# Keep __pycache__ out of the source tree, where these scripts live.
sys.dont_write_bytecode = True
import e2e  # noqa: E402

EMULATOR = None
PROGRAMS = None

GUILD = {"id": e2e.GUILD_ID, "name": "Example Guild"}
VALID_CONFIG = {"guild": GUILD, "role": {"id": e2e.MEMBERS_ROLE, "name": "Members"}}

# (case, configuration text, text that the one-line error must contain)
INVALID_CONFIGS = [
    ("role mapped twice through a leading zero",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"}, "role_groups": '
     '{"0823456789012345678": "a", "823456789012345678": "b"}}', "role_groups"),
    ("guild id with a leading zero",
     '{"guild": {"id": "0812345678901234567", "name": "Example Guild"}}', "guild.id"),
    ("guild id as number",
     '{"guild": {"id": 812345678901234567, "name": "Example Guild"}}', "guild.id"),
    ("guild id with a letter",
     '{"guild": {"id": "81234567890123456a7", "name": "Example Guild"}}', "guild.id"),
    ("guild id over 64 bits",
     '{"guild": {"id": "99999999999999999999", "name": "Example Guild"}}', "guild.id"),
    ("role id as number",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"},'
     ' "role": {"id": 823456789012345678, "name": "Members"}}', "role.id"),
    ("avatar size 100",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"}, "avatar_size": 100}',
     "avatar_size"),
    ("avatar size as text",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"}, "avatar_size": "64"}',
     "avatar_size"),
    ("unknown top-level key",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"}, "colour": "red"}',
     "colour"),
    ("unknown key in guild",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild", "icon": null}}',
     "guild.icon"),
    ("role group key not an id",
     '{"guild": {"id": "812345678901234567", "name": "Example Guild"},'
     ' "role_groups": {"Members": "members"}}', "role_groups.Members"),
    ("missing guild", '{"role": {"id": "823456789012345678", "name": "Members"}}', "guild"),
    ("missing guild name", '{"guild": {"id": "812345678901234567"}}', "guild.name"),
]

class LoginGateConfigTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory(prefix="login-gate-config-e2e-")
        self.db = os.path.join(self.directory.name, "guildgate.sqlite")
        self.stats_before = EMULATOR.stats()

    def tearDown(self):
        self.directory.cleanup()

    def assert_rejected(self, result, expected_text):
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn(expected_text, result.stderr)
        self.assertFalse(os.path.exists(self.db))
        self.assertEqual(EMULATOR.stats()["requests_total"], self.stats_before["requests_total"])

    def test_invalid_configs_exit_2(self):
        for case, text, key in INVALID_CONFIGS:
            with self.subTest(case=case):
                config = e2e.write_json(self.directory.name, "config.json", text)
                result = PROGRAMS.run_gate(config, [e2e.attempt("tok-member-role")], self.db)

                self.assert_rejected(result, key)
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
                self.assertTrue(result.stderr.startswith("login_gate: invalid configuration: "),
                                result.stderr)

    def test_config_not_json(self):
        config = e2e.write_json(self.directory.name, "config.json", '{"guild": ')
        result = PROGRAMS.run_gate(config, [], self.db)

        self.assert_rejected(result, "not valid JSON")

    def test_config_file_too_large(self):
        padding = " " * (1 << 20)
        config = e2e.write_json(self.directory.name, "config.json",
                                json.dumps(VALID_CONFIG) + padding)
        result = PROGRAMS.run_gate(config, [], self.db)

        self.assert_rejected(result, "is larger than 1048576 bytes")

    def test_api_base_without_cdn_base_exit_2(self):
        config = e2e.write_json(self.directory.name, "config.json", VALID_CONFIG)
        for option, value in (("--api-base", EMULATOR.api_base),
                              ("--cdn-base", EMULATOR.cdn_base)):
            with self.subTest(option=option):
                result = subprocess.run(
                    [PROGRAMS.login_gate, "--config", config, "--db", self.db, option, value],
                    input="", capture_output=True, text=True, timeout=60)

                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("give --api-base and --cdn-base together", result.stderr)
                self.assertFalse(os.path.exists(self.db))

    def test_config_file_missing(self):
        missing = os.path.join(self.directory.name, "absent.json")
        result = PROGRAMS.run_gate(missing, [], self.db)

        self.assert_rejected(result, "absent.json")

    def test_valid_config_accepted(self):
        config = e2e.write_json(self.directory.name, "config.json", VALID_CONFIG)
        result = PROGRAMS.run_gate(config, [], self.db, ["--format", "jsonl"])

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")

    def test_unknown_format_exit_2(self):
        config = e2e.write_json(self.directory.name, "config.json", VALID_CONFIG)
        result = PROGRAMS.run_gate(config, [], self.db, ["--format", "xml"])

        self.assert_rejected(result, "--format")

    def test_missing_config_option_exit_2(self):
        result = subprocess.run([PROGRAMS.login_gate, "--db", self.db], input="",
                                capture_output=True, text=True,
                                timeout=e2e.PROGRAM_TIMEOUT_SECONDS)

        self.assert_rejected(result, "--config")

    def test_rejected_api_base_without_input(self):
        # Empty input: even a login_gate that accepted the URL would send no request.
        config = e2e.write_json(self.directory.name, "config.json", VALID_CONFIG)
        for api_base, expected_text in e2e.REJECTED_API_BASES:
            with self.subTest(api_base=api_base):
                result = PROGRAMS.run_gate(
                    config, [], self.db, endpoints=False,
                    extra_arguments=["--api-base", api_base, "--cdn-base", EMULATOR.cdn_base,
                                     "--ca-file", EMULATOR.cert_file])

                self.assert_rejected(result, expected_text)
                self.assertIn(api_base, result.stderr)

    def test_rejected_api_base_offline(self):
        if not e2e.network_namespace_available():
            self.skipTest("unshare -n is not available, so the run with input is skipped")
        config = e2e.write_json(self.directory.name, "config.json", VALID_CONFIG)
        for api_base, expected_text in e2e.REJECTED_API_BASES:
            with self.subTest(api_base=api_base):
                result = PROGRAMS.run_gate(
                    config, [e2e.attempt("tok-member-role")], self.db, endpoints=False,
                    extra_arguments=["--api-base", api_base, "--cdn-base", EMULATOR.cdn_base,
                                     "--ca-file", EMULATOR.cert_file],
                    wrapper=["unshare", "-n"])

                self.assert_rejected(result, expected_text)


def install(emulator):
    global EMULATOR, PROGRAMS
    EMULATOR = emulator
    PROGRAMS = e2e.Programs(emulator, LOGIN_GATE)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: login_gate_config_test.py BUILD/tests/emulator.env LOGIN_GATE")
    LOGIN_GATE = sys.argv[2]
    sys.exit(e2e.run_tests(sys.argv[1], install))
