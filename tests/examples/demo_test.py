#!/usr/bin/env python3
"""Check that the bundled demo input decides as examples/demo/README.md describes.

Usage: demo_test.py BUILD/tests/emulator.env PATH/TO/login_gate PATH/TO/examples/demo

It runs login_gate over examples/demo/attempts.jsonl with examples/demo/config.json against
the emulator, as scripts/demo does, and checks every row and the SQLite file it leaves.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

# Keep __pycache__ out of the source tree, where these scripts live.
sys.dont_write_bytecode = True
import e2e  # noqa: E402

EMULATOR = None
PROGRAMS = None
DEMO_DIR = None

ADA = "412345678901234501"
GRACE = "412345678901234502"
LINUS = "412345678901234503"
HEDY = "412345678901234504"
KATHERINE = "412345678901234505"

# (passing, stage, user_id, error, groups) for each line of attempts.jsonl.
EXPECTED_ROWS = [
    (True, "enrollment", ADA, None, ["members", "moderators"]),
    (False, "enrollment", GRACE, None, []),
    (False, "enrollment", LINUS, None, []),
    (True, "enrollment", HEDY, None, ["members"]),
    (True, "enrollment", KATHERINE, None, ["members"]),
    (False, None, None, "token_invalid", []),
    (True, "authentication", ADA, None, ["members", "moderators"]),
    (True, None, None, None, []),
    (False, None, None, "bad_input", []),
]


class DemoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory(prefix="demo-e2e-")
        cls.db = os.path.join(cls.directory.name, "demo.sqlite")
        with open(os.path.join(DEMO_DIR, "attempts.jsonl"), encoding="utf-8") as attempts:
            cls.lines = attempts.read().splitlines()
        tokens = []
        for line in cls.lines:
            try:
                tokens.append(json.loads(line)["access_token"])
            except ValueError:
                pass

        result = PROGRAMS.run_gate(os.path.join(DEMO_DIR, "config.json"), cls.lines, cls.db,
                                   ["--format", "jsonl"], extra_tokens=tokens)
        cls.returncode = result.returncode
        cls.stderr = result.stderr
        cls.rows = [json.loads(row) for row in result.stdout.splitlines()]

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    def test_exit_status(self):
        self.assertEqual(self.returncode, 0, self.stderr)

    def test_one_row_per_line(self):
        self.assertEqual(len(self.rows), len(EXPECTED_ROWS))
        self.assertEqual(len(self.lines), len(EXPECTED_ROWS))

    def test_rows(self):
        for number, (row, expected) in enumerate(zip(self.rows, EXPECTED_ROWS), start=1):
            with self.subTest(line=number):
                passing, stage, user_id, error, groups = expected
                self.assertIs(row["passing"], passing)
                self.assertEqual(row["stage"], stage)
                self.assertEqual(row["user_id"], user_id)
                self.assertEqual(row["error"], error)
                self.assertEqual(row["groups"], groups)

    def test_deny_messages(self):
        self.assertEqual(self.rows[1]["messages"],
                         ["User is not a member of the Members role in Example Guild."])
        self.assertEqual(self.rows[2]["messages"], ["User is not a member of Example Guild."])

    def test_avatars(self):
        self.assertTrue(self.rows[0]["attributes"]["avatar"].startswith("data:image/png;base64,"))
        self.assertTrue(self.rows[3]["attributes"]["avatar"].startswith("data:image/gif;base64,"))

    def test_database_contents(self):
        connection = sqlite3.connect(self.db)
        try:
            users = connection.execute(
                "SELECT discord_id FROM users ORDER BY discord_id").fetchall()
            groups = connection.execute("SELECT name FROM groups ORDER BY name").fetchall()
        finally:
            connection.close()

        self.assertEqual([user for (user,) in users], [ADA, HEDY, KATHERINE])
        self.assertEqual([group for (group,) in groups], ["members", "moderators"])

    def test_demo_script_parses(self):
        script = os.path.join(DEMO_DIR, os.pardir, os.pardir, "scripts", "demo")
        self.assertTrue(os.access(script, os.X_OK), f"{script} is not executable")
        check = subprocess.run(["bash", "-n", script], capture_output=True, text=True,
                               timeout=e2e.PROGRAM_TIMEOUT_SECONDS)
        self.assertEqual(check.returncode, 0, check.stderr)


def install(emulator):
    global EMULATOR, PROGRAMS
    EMULATOR = emulator
    PROGRAMS = e2e.Programs(emulator, LOGIN_GATE)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: demo_test.py BUILD/tests/emulator.env LOGIN_GATE DEMO_DIR")
    LOGIN_GATE = sys.argv[2]
    DEMO_DIR = sys.argv[3]
    sys.exit(e2e.run_tests(sys.argv[1], install))
