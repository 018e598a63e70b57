#!/usr/bin/env python3
"""End-to-end tests of login_gate against the Discord API emulator.

Usage: login_gate_test.py BUILD/tests/emulator.env PATH/TO/login_gate

Every test gets a fresh temporary directory for its configuration and SQLite file. The
emulator runs for the whole script and is stopped in a finally block.
"""

import json
import os
import sys
import tempfile
import unittest

# Keep __pycache__ out of the source tree, where these scripts live.
sys.dont_write_bytecode = True
import e2e  # noqa: E402

EMULATOR = None
PROGRAMS = None

GUILD = {"id": e2e.GUILD_ID, "name": "Example Guild"}
ROLE_GROUPS = {e2e.MEMBERS_ROLE: "members", e2e.MODERATORS_ROLE: "moderators",
               e2e.ARTISTS_ROLE: "artists"}
FULL_CONFIG = {"guild": GUILD, "role": {"id": e2e.MEMBERS_ROLE, "name": "Members"},
               "role_groups": ROLE_GROUPS, "avatar_size": 64}
GUILD_CONFIG = {"guild": GUILD}
GUILD_AVATAR_CONFIG = {"guild": GUILD, "avatar_size": 64}

ROW_KEYS = {"passing", "stage", "user_id", "error", "messages", "groups", "attributes", "events"}


class LoginGateTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory(prefix="login-gate-e2e-")
        self.db = os.path.join(self.directory.name, "guildgate.sqlite")

    def tearDown(self):
        self.directory.cleanup()

    def config(self, value, name="config.json"):
        return e2e.write_json(self.directory.name, name, value)

    def decide(self, config, lines, extra_arguments=()):
        rows = PROGRAMS.run_gate_jsonl(self.config(config), lines, self.db, extra_arguments)
        self.assertEqual(len(rows), len(lines))
        for row in rows:
            self.assertEqual(set(row) - {"trace"}, ROW_KEYS)
        return rows

    def decide_one(self, config, line):
        return self.decide(config, [line])[0]

    def test_member_with_role_allowed(self):
        before = EMULATOR.stats()
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))
        after = EMULATOR.stats()

        self.assertIs(row["passing"], True)
        self.assertEqual(row["stage"], "enrollment")
        self.assertEqual(row["user_id"], "412345678901234501")
        self.assertIsNone(row["error"])
        self.assertEqual(row["messages"], [])
        self.assertEqual(row["groups"], ["members", "moderators"])

        hash_ = "8342729096ea3675442027381ff50dfe"
        expected_profile = {
            "id": "412345678901234501",
            "username": "ada",
            "discriminator": "0",
            "global_name": "Ada Lovelace",
            "email": "ada@example.com",
            "verified": True,
            "avatar": hash_,
            "avatar_url": f"{EMULATOR.cdn_base}/avatars/412345678901234501/{hash_}.png?size=64",
        }
        self.assertEqual(row["attributes"]["discord"], expected_profile)

        avatar = row["attributes"]["avatar"]
        self.assertTrue(avatar.startswith("data:image/png;base64,"), avatar[:40])
        mime, image = e2e.decode_data_uri(avatar)
        self.assertEqual(mime, "image/png")
        self.assertTrue(image.startswith(e2e.PNG_SIGNATURE))
        self.assertEqual(image, EMULATOR.cdn_file(hash_ + ".png"))

        synced = [event for event in row["events"] if event["action"] == "groups_synced"]
        self.assertEqual(len(synced), 1)
        self.assertEqual(synced[0]["after"], ["members", "moderators"])

        # login_gate reads /users/@me to pick the stage, and the pipeline reuses that read.
        self.assertEqual(e2e.route_delta(before, after, e2e.CURRENT_USER_ROUTE), 1)
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 1)
        self.assertEqual(e2e.route_delta(before, after, e2e.AVATAR_ROUTE), 1)

    def test_member_without_role_denied(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-norole"))

        self.assertIs(row["passing"], False)
        self.assertIsNone(row["error"])
        self.assertEqual(row["user_id"], "412345678901234502")
        self.assertEqual(row["messages"],
                         ["User is not a member of the Members role in Example Guild."])
        self.assertEqual(row["groups"], [])
        self.assertEqual(row["attributes"], {})

    def test_nonmember_denied(self):
        before = EMULATOR.stats()
        row = self.decide(FULL_CONFIG, [e2e.attempt("tok-nonmember")], ["--explain"])[0]
        after = EMULATOR.stats()

        self.assertIs(row["passing"], False)
        self.assertIsNone(row["error"])
        self.assertEqual(row["user_id"], "412345678901234503")
        self.assertEqual(row["messages"], ["User is not a member of Example Guild."])
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 1)
        self.assertEqual(e2e.route_delta(before, after, e2e.AVATAR_ROUTE), 0)

        # The deny comes from the member route's 404 with code 10004 (Unknown Guild).
        member_reads = [read for entry in row["trace"]["rules"] for read in entry["reads"]
                        if read["route"].endswith("/member")]
        self.assertEqual(len(member_reads), 1)
        self.assertEqual(member_reads[0]["status"], 404)
        self.assertEqual(member_reads[0]["outcome"], "not_member")

    def test_discriminator_new_style(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))

        self.assertEqual(row["attributes"]["discord"]["discriminator"], "0")

    def test_discriminator_legacy(self):
        row = self.decide_one(GUILD_AVATAR_CONFIG, e2e.attempt("tok-member-norole"))

        self.assertIs(row["passing"], True)
        profile = row["attributes"]["discord"]
        self.assertEqual(profile["discriminator"], "1337")
        self.assertEqual(profile["username"], "grace")
        self.assertIsNone(profile["global_name"])
        self.assertIsNone(profile["avatar"])

    def check_default_avatar(self, token):
        user = EMULATOR.fixture_user(token)
        index = e2e.default_avatar_index(user)
        path = f"/embed/avatars/{index}.png"

        before = EMULATOR.stats()
        row = self.decide_one(GUILD_AVATAR_CONFIG, e2e.attempt(token))
        after = EMULATOR.stats()

        self.assertIs(row["passing"], True, row["messages"])
        self.assertEqual(row["attributes"]["discord"]["avatar_url"], EMULATOR.cdn_base + path)
        mime, image = e2e.decode_data_uri(row["attributes"]["avatar"])
        self.assertEqual(mime, "image/png")
        self.assertTrue(image.startswith(e2e.PNG_SIGNATURE))
        self.assertEqual(image, EMULATOR.cdn_file("embed", f"{index}.png"))
        self.assertEqual(e2e.path_delta(before, after, path), 1)
        self.assertEqual(e2e.route_delta(before, after, e2e.DEFAULT_AVATAR_ROUTE), 1)
        self.assertEqual(after["authorization"]["cdn"], before["authorization"]["cdn"])

    def test_default_avatar_legacy(self):
        # grace, discriminator 1337: index 1337 % 5 = 2, where the new-style rule gives 4.
        self.check_default_avatar("tok-member-norole")

    def test_default_avatar_new_style(self):
        self.check_default_avatar("tok-many-guilds")

    def test_animated_avatar(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-animated"))

        self.assertIs(row["passing"], True)
        profile = row["attributes"]["discord"]
        hash_ = "a_1269e74af4df7417b13759eae50c83dc"
        self.assertEqual(profile["avatar"], hash_)
        self.assertEqual(profile["avatar_url"],
                         f"{EMULATOR.cdn_base}/avatars/412345678901234504/{hash_}.gif?size=64")
        self.assertIsNone(profile["email"])
        self.assertIsNone(profile["verified"])

        avatar = row["attributes"]["avatar"]
        self.assertTrue(avatar.startswith("data:image/gif;base64,"), avatar[:40])
        _, image = e2e.decode_data_uri(avatar)
        self.assertTrue(image.startswith(e2e.GIF_SIGNATURES))
        self.assertEqual(image, EMULATOR.cdn_file(hash_ + ".gif"))

    def test_guild_on_second_page(self):
        before = EMULATOR.stats()
        row = self.decide_one(GUILD_CONFIG,
                              e2e.attempt("tok-many-guilds", scopes="identify guilds"))
        after = EMULATOR.stats()

        self.assertIs(row["passing"], True, row["messages"])
        self.assertEqual(row["user_id"], "412345678901234505")
        self.assertEqual(e2e.route_delta(before, after, e2e.GUILD_LIST_ROUTE), 2)
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 0)

    def test_revoked_token(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-revoked"))

        self.assertIs(row["passing"], False)
        self.assertEqual(row["error"], "token_invalid")
        self.assertIsNone(row["user_id"])
        self.assertEqual(row["messages"], ["Discord session expired, log in again."])

    def test_rate_limited_member_route(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-ratelimited"))

        self.assertIs(row["passing"], False)
        self.assertEqual(row["error"], "rate_limited")
        self.assertEqual(row["user_id"], "412345678901234508")
        # The fixture's 429 response has retry_after 64.57 and the header Retry-After: 65.
        self.assertEqual(row["messages"], ["Discord is busy, try again in 65 s."])

    def test_discord_down(self):
        before = EMULATOR.stats()
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-discord-down"))
        after = EMULATOR.stats()

        self.assertIs(row["passing"], False)
        self.assertEqual(row["error"], "discord_unavailable")
        self.assertEqual(row["messages"], ["Discord API error, try again later."])
        # One request and the client's default of two retries for a 5xx.
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 3)

    def test_stage_detected_across_runs(self):
        first = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))
        second = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))

        self.assertEqual(first["stage"], "enrollment")
        self.assertEqual(second["stage"], "authentication")
        self.assertIs(second["passing"], True)
        self.assertEqual(second["groups"], ["members", "moderators"])

    def test_stage_detected_within_run(self):
        rows = self.decide(FULL_CONFIG, [e2e.attempt("tok-member-role"),
                                         e2e.attempt("tok-member-role")])

        self.assertEqual([row["stage"] for row in rows], ["enrollment", "authentication"])

    def test_stage_given_overrides_detection(self):
        rows = self.decide(FULL_CONFIG, [
            e2e.attempt("tok-animated", stage="authentication"),
            e2e.attempt("tok-animated", stage="enrollment"),
        ])

        self.assertEqual([row["stage"] for row in rows], ["authentication", "enrollment"])

    def test_sync_removes_lost_owned_group(self):
        # grace holds only the Artists role. Each configuration maps it differently.
        enroll = {"guild": GUILD, "role_groups": {e2e.ARTISTS_ROLE: "volunteers"}}
        first = {"guild": GUILD, "role_groups": {e2e.ARTISTS_ROLE: "artists"}}
        second = {"guild": GUILD,
                  "role_groups": {e2e.ARTISTS_ROLE: "painters", e2e.MEMBERS_ROLE: "artists"}}

        row = self.decide_one(enroll, e2e.attempt("tok-member-norole"))
        self.assertEqual(row["stage"], "enrollment")
        self.assertEqual(row["groups"], ["volunteers"])

        row = self.decide_one(first, e2e.attempt("tok-member-norole"))
        self.assertEqual(row["stage"], "authentication")
        self.assertEqual(row["groups"], ["artists", "volunteers"])

        # "artists" is owned by the second mapping, which no longer gives it to grace, so it
        # goes. "volunteers" is not owned by that mapping, so it stays.
        row = self.decide_one(second, e2e.attempt("tok-member-norole"))
        self.assertIs(row["passing"], True)
        self.assertEqual(row["groups"], ["painters", "volunteers"])
        synced = [event for event in row["events"] if event["action"] == "groups_synced"]
        self.assertEqual(len(synced), 1)
        self.assertEqual(synced[0]["stage"], "authentication")
        self.assertEqual(synced[0]["before"], ["artists", "volunteers"])
        self.assertEqual(synced[0]["after"], ["painters", "volunteers"])

    def test_sync_keeps_inserted_unowned_group(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))
        self.assertEqual(row["groups"], ["members", "moderators"])
        e2e.add_groups(self.db, "412345678901234501", ["artists", "staff"])

        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))

        self.assertEqual(row["stage"], "authentication")
        self.assertEqual(row["groups"], ["members", "moderators", "staff"])

    def test_missing_scope_sends_nothing(self):
        before = EMULATOR.stats()
        row = self.decide_one(FULL_CONFIG,
                              e2e.attempt("tok-member-role", scopes="identify guilds"))
        after = EMULATOR.stats()

        self.assertIs(row["passing"], False)
        self.assertEqual(row["error"], "missing_scope")
        self.assertEqual(len(row["messages"]), 1)
        self.assertIn("guilds.members.read", row["messages"][0])
        self.assertEqual(e2e.route_delta(before, after, e2e.MEMBER_ROUTE), 0)
        self.assertEqual(after["requests_total"], before["requests_total"])

    def test_bad_lines_then_good_line(self):
        lines = [
            "not json",
            '{"provider": "discord", "access_token": "tok-member-role"',
            "[1, 2]",
            '{"access_token": "tok-member-role"}',
            '{"provider": "discord", "access_token": ""}',
            '{"provider": "discord", "access_token": 42}',
            '{"provider": "discord", "access_token": "tok-member-role", "stage": "later"}',
            e2e.attempt("tok-member-role"),
        ]
        result = PROGRAMS.run_gate(self.config(FULL_CONFIG), lines, self.db,
                                   ["--format", "jsonl"])

        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [json.loads(row) for row in result.stdout.splitlines()]
        self.assertEqual(len(rows), len(lines))
        for number, row in enumerate(rows[:-1], start=1):
            with self.subTest(line=number):
                self.assertIs(row["passing"], False)
                self.assertEqual(row["error"], "bad_input")
                self.assertIsNone(row["stage"])
                self.assertIsNone(row["user_id"])
                self.assertEqual(len(row["messages"]), 1)
        self.assertIs(rows[-1]["passing"], True)
        self.assertEqual(rows[-1]["user_id"], "412345678901234501")

    def test_overlong_line_then_good_line(self):
        # A line over login_gate's 64 KiB limit is rejected by its size, and reading goes on
        # with the next line.
        overlong = '{"provider": "discord", "access_token": "' + "x" * 70000 + '"}'
        lines = [overlong, e2e.attempt("tok-member-role")]
        result = PROGRAMS.run_gate(self.config(FULL_CONFIG), lines, self.db,
                                   ["--format", "jsonl"])

        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [json.loads(row) for row in result.stdout.splitlines()]
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0]["error"], "bad_input")
        self.assertIn("longer than 65536 bytes", rows[0]["messages"][0])
        self.assertNotIn("xxxx", result.stdout)
        self.assertIs(rows[1]["passing"], True)

    def test_non_discord_provider_passes(self):
        token = "gho_e2eNonDiscordProviderToken0001"
        before = EMULATOR.stats()
        row = self.decide_one(FULL_CONFIG, {"provider": "github", "access_token": token})
        after = EMULATOR.stats()

        self.assertIs(row["passing"], True)
        self.assertIsNone(row["error"])
        self.assertIsNone(row["user_id"])
        self.assertEqual(row["groups"], [])
        self.assertEqual(after["requests_total"], before["requests_total"])

    def test_deny_and_error_leave_database_unchanged(self):
        row = self.decide_one(FULL_CONFIG, e2e.attempt("tok-member-role"))
        self.assertIs(row["passing"], True)
        before = e2e.sha256_of(self.db)

        rejected_lines = [
            ("deny, no role", e2e.attempt("tok-member-norole"), None),
            ("deny, not a member", e2e.attempt("tok-nonmember"), None),
            ("error, revoked", e2e.attempt("tok-revoked"), "token_invalid"),
            ("error, rate limited", e2e.attempt("tok-ratelimited"), "rate_limited"),
            ("error, unavailable", e2e.attempt("tok-discord-down"), "discord_unavailable"),
            ("error, missing scope",
             e2e.attempt("tok-member-role", scopes="identify guilds"), "missing_scope"),
            ("error, bad input", "{", "bad_input"),
        ]
        for name, line, error in rejected_lines:
            with self.subTest(case=name):
                row = self.decide_one(FULL_CONFIG, line)
                self.assertIs(row["passing"], False)
                self.assertEqual(row["error"], error)
                self.assertEqual(e2e.sha256_of(self.db), before)
                self.assertFalse(os.path.exists(self.db + "-journal"))

    def test_table_format(self):
        lines = [e2e.attempt("tok-member-role"), e2e.attempt("tok-revoked"), "oops"]
        result = PROGRAMS.run_gate(self.config(FULL_CONFIG), lines, self.db,
                                   ["--format", "table"])

        self.assertEqual(result.returncode, 0, result.stderr)
        rows = result.stdout.splitlines()
        self.assertEqual(rows[0].split(),
                         ["line", "user", "stage", "decision", "groups", "reason"])
        self.assertEqual(set(rows[1]), {"-"})
        self.assertEqual(rows[2].split(), ["1", "412345678901234501", "enrollment", "allow",
                                           "members,moderators", "ok"])
        self.assertFalse(rows[3].endswith(" "), rows[3])
        self.assertEqual(rows[3].split()[:5], ["2", "-", "-", "error", "-"])
        self.assertIn("[token_invalid]", rows[3])
        self.assertEqual(rows[4].split()[:4], ["3", "-", "-", "error"])
        self.assertIn("[bad_input]", rows[4])
        self.assertEqual(len(rows), 5)

    def test_table_format_without_input(self):
        result = PROGRAMS.run_gate(self.config(FULL_CONFIG), [], self.db, ["--format", "table"])

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "(no login attempts on standard input)\n")

    def test_explain_output_has_no_token(self):
        # run_gate fails on any token in stdout or stderr, traces included. tok-stall is left
        # out because the emulator stalls its member route until the 10 s request timeout.
        lines = [e2e.attempt(token) for token in PROGRAMS.audit_tokens if token != "tok-stall"]
        for output_format in ("jsonl", "table"):
            with self.subTest(format=output_format):
                result = PROGRAMS.run_gate(self.config(FULL_CONFIG), lines, self.db,
                                           ["--format", output_format, "--explain"])
                self.assertEqual(result.returncode, 0, result.stderr)

        rows = self.decide(FULL_CONFIG, lines[:1], ["--explain"])
        self.assertIn("trace", rows[0])

    def test_explain_table_indents_trace(self):
        result = PROGRAMS.run_gate(self.config(FULL_CONFIG), [e2e.attempt("tok-member-role")],
                                   self.db, ["--format", "table", "--explain"])

        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        # The header, the rule line and the row, then the trace under the row.
        self.assertGreater(len(lines), 3)
        for line in lines[3:]:
            with self.subTest(line=line):
                self.assertTrue(line.startswith("     "), line)


def install(emulator):
    global EMULATOR, PROGRAMS
    EMULATOR = emulator
    PROGRAMS = e2e.Programs(emulator, LOGIN_GATE)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: login_gate_test.py BUILD/tests/emulator.env LOGIN_GATE")
    LOGIN_GATE = sys.argv[2]
    sys.exit(e2e.run_tests(sys.argv[1], install))
