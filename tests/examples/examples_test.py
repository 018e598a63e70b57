#!/usr/bin/env python3
"""End-to-end tests of the five policy examples against the Discord API emulator.

Usage: examples_test.py BUILD/tests/emulator.env LOGIN_GATE GUILD_CHECK ROLE_CHECK
                        SYNC_ON_ENROLLMENT SYNC_ON_AUTHENTICATION STORE_ATTRIBUTES

Each example reads the token from the first line of stdin and prints one JSON line, then the
trace. It exits 0 on allow, 1 on deny or error and 2 on a usage error. The examples have the
guild 812345678901234567 "Example Guild" and its role IDs built in, as the fixtures do.
"""

import os
import sys
import tempfile
import unittest

# Keep __pycache__ out of the source tree, where these scripts live.
sys.dont_write_bytecode = True
import e2e  # noqa: E402

EMULATOR = None
PROGRAMS = None

EXAMPLE_NAMES = ["guild_check", "role_check", "sync_on_enrollment", "sync_on_authentication",
                 "store_attributes"]


class ExampleTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory(prefix="examples-e2e-")
        self.db = os.path.join(self.directory.name, "guildgate.sqlite")

    def tearDown(self):
        self.directory.cleanup()

    def run_example(self, name, token, *arguments):
        """Run an example and return (exit status, decision), checking that the two agree."""
        status, decision, stdout, stderr = PROGRAMS.run_example(name, token, self.db, arguments)
        self.assertIsNotNone(decision, f"{name} printed no decision: {stdout!r} {stderr!r}")
        self.assertEqual(status, 0 if decision["passing"] else 1, stderr)
        self.assertGreater(len(stdout.splitlines()), 1, "the trace is missing")
        return status, decision


class GuildCheckTest(ExampleTest):
    def test_member_allowed(self):
        status, decision = self.run_example("guild_check", "tok-member-role")

        self.assertEqual(status, 0)
        self.assertEqual(decision["verdict"], "allow")
        self.assertIsNone(decision["error"])

    def test_nonmember_denied(self):
        status, decision = self.run_example("guild_check", "tok-nonmember")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "deny")
        self.assertEqual(decision["messages"], ["User is not a member of Example Guild."])

    def test_guild_on_second_page(self):
        before = EMULATOR.stats()
        status, decision = self.run_example("guild_check", "tok-many-guilds")
        after = EMULATOR.stats()

        self.assertEqual(status, 0, decision)
        self.assertEqual(e2e.route_delta(before, after, e2e.GUILD_LIST_ROUTE), 2)
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 0)

    def test_revoked_token(self):
        status, decision = self.run_example("guild_check", "tok-revoked")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "error")
        self.assertEqual(decision["error"], "token_invalid")

    def test_missing_guilds_scope(self):
        before = EMULATOR.stats()
        status, decision = self.run_example("guild_check", "tok-member-role",
                                            "--scopes", "identify")
        after = EMULATOR.stats()

        self.assertEqual(status, 1)
        self.assertEqual(decision["error"], "missing_scope")
        self.assertEqual(after["requests_total"], before["requests_total"])


class RoleCheckTest(ExampleTest):
    def test_member_with_role_allowed(self):
        status, decision = self.run_example("role_check", "tok-member-role")

        self.assertEqual(status, 0)
        self.assertEqual(decision["verdict"], "allow")

    def test_member_without_role_denied(self):
        status, decision = self.run_example("role_check", "tok-member-norole")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "deny")
        self.assertIsNone(decision["error"])
        self.assertEqual(decision["messages"],
                         ["User is not a member of the Members role in Example Guild."])

    def test_nonmember_denied(self):
        status, decision = self.run_example("role_check", "tok-nonmember")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "deny")
        self.assertEqual(decision["messages"], ["User is not a member of Example Guild."])

    def test_rate_limited(self):
        status, decision = self.run_example("role_check", "tok-ratelimited")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "error")
        self.assertEqual(decision["error"], "rate_limited")

    def test_discord_down(self):
        status, decision = self.run_example("role_check", "tok-discord-down")

        self.assertEqual(status, 1)
        self.assertEqual(decision["error"], "discord_unavailable")

    def test_missing_scope_sends_nothing(self):
        before = EMULATOR.stats()
        status, decision = self.run_example("role_check", "tok-member-role",
                                            "--scopes", "identify guilds")
        after = EMULATOR.stats()

        self.assertEqual(status, 1)
        self.assertEqual(decision["error"], "missing_scope")
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 0)
        self.assertEqual(after["requests_total"], before["requests_total"])

    def test_deny_and_error_leave_database_unchanged(self):
        status, _ = self.run_example("role_check", "tok-member-role")
        self.assertEqual(status, 0)
        before = e2e.sha256_of(self.db)

        for token in ("tok-member-norole", "tok-nonmember", "tok-revoked", "tok-ratelimited",
                      "tok-discord-down"):
            with self.subTest(token=token):
                status, _ = self.run_example("role_check", token)
                self.assertEqual(status, 1)
                self.assertEqual(e2e.sha256_of(self.db), before)

    def test_rejected_api_bases_offline(self):
        if not e2e.network_namespace_available():
            self.skipTest("unshare -n is not available, and a token on stdin would let a "
                          "broken check reach the network")
        for api_base, expected_text in e2e.REJECTED_API_BASES:
            with self.subTest(api_base=api_base):
                status, decision, stdout, stderr = PROGRAMS.run_example(
                    "role_check", "tok-member-role", self.db,
                    ["--api-base", api_base, "--cdn-base", EMULATOR.cdn_base,
                     "--ca-file", EMULATOR.cert_file],
                    endpoints=False, wrapper=["unshare", "-n"])

                self.assertEqual(status, 2, stderr)
                self.assertEqual(stdout, "")
                self.assertIn(expected_text, stderr)
                self.assertFalse(os.path.exists(self.db))


class SyncOnEnrollmentTest(ExampleTest):
    def test_member_gets_mapped_groups(self):
        status, decision = self.run_example("sync_on_enrollment", "tok-member-role",
                                            "--stage", "enrollment")

        self.assertEqual(status, 0)
        self.assertEqual(decision["enrollment_groups"], ["members", "moderators"])
        self.assertEqual(decision["groups"], ["members", "moderators"])

    def test_unmapped_roles_give_no_group(self):
        # grace holds only Artists, which this example does not map.
        status, decision = self.run_example("sync_on_enrollment", "tok-member-norole",
                                            "--stage", "enrollment")

        self.assertEqual(status, 0)
        self.assertEqual(decision["enrollment_groups"], [])
        self.assertEqual(decision["groups"], [])

    def test_nonmember_denied(self):
        status, decision = self.run_example("sync_on_enrollment", "tok-nonmember",
                                            "--stage", "enrollment")

        self.assertEqual(status, 1)
        self.assertEqual(decision["verdict"], "deny")
        self.assertEqual(decision["messages"], ["User is not a member of the guild."])
        self.assertFalse(e2e.user_exists(self.db, "412345678901234503"))

    def test_authentication_reads_no_member(self):
        before = EMULATOR.stats()
        status, decision = self.run_example("sync_on_enrollment", "tok-member-role",
                                            "--stage", "authentication")
        after = EMULATOR.stats()

        self.assertEqual(status, 0)
        self.assertEqual(decision["enrollment_groups"], [])
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 0)


class SyncOnAuthenticationTest(ExampleTest):
    def test_removes_lost_owned_group(self):
        status, _ = self.run_example("sync_on_enrollment", "tok-member-role",
                                     "--stage", "enrollment")
        self.assertEqual(status, 0)
        # artists is owned by this example's mapping, and ada lacks the Artists role. staff is
        # owned by no mapping.
        e2e.add_groups(self.db, "412345678901234501", ["artists", "staff"])

        status, decision = self.run_example("sync_on_authentication", "tok-member-role")

        self.assertEqual(status, 0)
        self.assertEqual(decision["groups"], ["members", "moderators", "staff"])

    def test_nonmember_denied(self):
        status, decision = self.run_example("sync_on_authentication", "tok-nonmember")

        self.assertEqual(status, 1)
        self.assertEqual(decision["messages"], ["User is not a member of the guild."])

    def test_discord_down_leaves_groups(self):
        status, decision = self.run_example("sync_on_authentication", "tok-discord-down")

        self.assertEqual(status, 1)
        self.assertEqual(decision["error"], "discord_unavailable")
        self.assertNotIn("groups", decision)


class StoreAttributesTest(ExampleTest):
    def test_static_avatar(self):
        before = EMULATOR.stats()
        status, decision = self.run_example("store_attributes", "tok-member-role")
        after = EMULATOR.stats()

        self.assertEqual(status, 0)
        hash_ = "8342729096ea3675442027381ff50dfe"
        self.assertEqual(decision["attributes"]["discord"], {
            "id": "412345678901234501",
            "username": "ada",
            "discriminator": "0",
            "global_name": "Ada Lovelace",
            "email": "ada@example.com",
            "verified": True,
            "avatar": hash_,
            "avatar_url": f"{EMULATOR.cdn_base}/avatars/412345678901234501/{hash_}.png?size=64",
        })
        avatar = decision["attributes"]["avatar"]
        self.assertTrue(avatar.startswith("data:image/png;base64,"), avatar[:40])
        _, image = e2e.decode_data_uri(avatar)
        self.assertTrue(image.startswith(e2e.PNG_SIGNATURE))
        self.assertEqual(image, EMULATOR.cdn_file(hash_ + ".png"))
        self.assertEqual(e2e.route_delta(before, after, e2e.AVATAR_ROUTE), 1)
        self.assertEqual(after["authorization"]["cdn"], before["authorization"]["cdn"])

    def test_animated_avatar(self):
        status, decision = self.run_example("store_attributes", "tok-animated")

        self.assertEqual(status, 0)
        avatar = decision["attributes"]["avatar"]
        self.assertTrue(avatar.startswith("data:image/gif;base64,"), avatar[:40])
        _, image = e2e.decode_data_uri(avatar)
        self.assertTrue(image.startswith(e2e.GIF_SIGNATURES))
        self.assertEqual(image, EMULATOR.cdn_file("a_1269e74af4df7417b13759eae50c83dc.gif"))

    def check_default_avatar(self, token, discriminator):
        index = e2e.default_avatar_index(EMULATOR.fixture_user(token))
        status, decision = self.run_example("store_attributes", token)

        self.assertEqual(status, 0)
        profile = decision["attributes"]["discord"]
        self.assertEqual(profile["discriminator"], discriminator)
        self.assertIsNone(profile["avatar"])
        self.assertEqual(profile["avatar_url"], f"{EMULATOR.cdn_base}/embed/avatars/{index}.png")
        _, image = e2e.decode_data_uri(decision["attributes"]["avatar"])
        self.assertEqual(image, EMULATOR.cdn_file("embed", f"{index}.png"))

    def test_legacy_user_default_avatar(self):
        self.check_default_avatar("tok-member-norole", "1337")

    def test_new_style_user_default_avatar(self):
        self.check_default_avatar("tok-many-guilds", "0")

    def test_revoked_token(self):
        status, decision = self.run_example("store_attributes", "tok-revoked")

        self.assertEqual(status, 1)
        self.assertEqual(decision["error"], "token_invalid")
        self.assertNotIn("attributes", decision)


class LoginGateParityTest(ExampleTest):
    """guild_check and role_check decide as login_gate does with the matching configuration."""

    TOKENS = ["tok-member-role", "tok-member-norole", "tok-nonmember", "tok-animated",
              "tok-many-guilds", "tok-revoked", "tok-ratelimited", "tok-discord-down"]

    def check_parity(self, example, config):
        config_path = e2e.write_json(self.directory.name, "config.json", config)
        gate_db = os.path.join(self.directory.name, "login_gate.sqlite")
        lines = [e2e.attempt(token, stage="authentication") for token in self.TOKENS]
        rows = PROGRAMS.run_gate_jsonl(config_path, lines, gate_db)

        for token, row in zip(self.TOKENS, rows):
            with self.subTest(example=example, token=token):
                _, decision = self.run_example(example, token)
                self.assertEqual(decision["passing"], row["passing"])
                self.assertEqual(decision["error"], row["error"])
                self.assertEqual(decision["messages"], row["messages"])

    def test_guild_check_matches_login_gate(self):
        self.check_parity("guild_check", {"guild": {"id": e2e.GUILD_ID, "name": "Example Guild"}})

    def test_role_check_matches_login_gate(self):
        self.check_parity("role_check", {"guild": {"id": e2e.GUILD_ID, "name": "Example Guild"},
                                         "role": {"id": e2e.MEMBERS_ROLE, "name": "Members"}})


class UsageTest(ExampleTest):
    def test_usage_errors_exit_2(self):
        cases = [
            ("no token", "", []),
            ("unknown option", "tok-member-role", ["--colour", "red"]),
            ("bad stage", "tok-member-role", ["--stage", "later"]),
            ("option without value", "tok-member-role", ["--db"]),
        ]
        for name in EXAMPLE_NAMES:
            for case, token, arguments in cases:
                with self.subTest(example=name, case=case):
                    status, decision, stdout, stderr = PROGRAMS.run_example(
                        name, token, self.db, arguments, endpoints=False)
                    self.assertEqual(status, 2, stderr)
                    self.assertIsNone(decision)
                    self.assertEqual(stdout, "")
                    self.assertNotEqual(stderr, "")


def install(emulator):
    global EMULATOR, PROGRAMS
    EMULATOR = emulator
    PROGRAMS = e2e.Programs(emulator, LOGIN_GATE, EXAMPLES)


if __name__ == "__main__":
    if len(sys.argv) != 2 + 1 + len(EXAMPLE_NAMES):
        sys.exit("usage: examples_test.py BUILD/tests/emulator.env LOGIN_GATE "
                 + " ".join(name.upper() for name in EXAMPLE_NAMES))
    LOGIN_GATE = sys.argv[2]
    EXAMPLES = dict(zip(EXAMPLE_NAMES, sys.argv[3:]))
    sys.exit(e2e.run_tests(sys.argv[1], install))
