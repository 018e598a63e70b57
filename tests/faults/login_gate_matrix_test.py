"""Run every row of the fault matrix (tests/faults/matrix.json) through login_gate.

usage: login_gate_matrix_test.py BUILD/tests/emulator.env LOGIN_GATE MATRIX_JSON

For each row, a discord_emulator process starts on 127.0.0.1 with the bundled fixtures plus
the row's route faults (written to a temporary _global.json), and login_gate decides one
attempt with the row's token against a copy of a SQLite file that already contains the
matrix user. The test checks the decision, the file's SHA-256 before and after, and that the token
appears in neither stdout nor stderr, in the jsonl and the table format (both with --explain).
Standard library only.
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.request

GUILD_ID = "812345678901234567"
MEMBERS_ROLE = "823456789012345678"
MODERATORS_ROLE = "823456789012345679"
MATRIX_USER_ID = "412345678901234600"
SEED_TOKEN = "fault-seed"

PROGRAM_TIMEOUT_SECONDS = 60

# Texts that AddressSanitizer, UndefinedBehaviorSanitizer and ThreadSanitizer print, so that a
# sanitizer build of login_gate fails the row even when the decision looks right.
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "WARNING: ThreadSanitizer")

GUILD = {"id": GUILD_ID, "name": "Example Guild"}
ROLE_GROUPS = {MEMBERS_ROLE: "members", MODERATORS_ROLE: "moderators"}

# login_gate configurations for the matrix's "pipeline" names. The library test builds the
# same pipelines in tests/faults/matrix_pipeline.hpp.
CONFIGS = {
    "full": {"guild": GUILD, "role": {"id": MEMBERS_ROLE, "name": "Members"},
             "role_groups": ROLE_GROUPS, "avatar_size": 64},
    "guild_list": {"guild": GUILD, "avatar_size": 64},
}
SEED_CONFIG = {"guild": GUILD, "role": {"id": MEMBERS_ROLE, "name": "Members"},
               "role_groups": ROLE_GROUPS}


def read_env(path):
    """Read the KEY=VALUE lines that the build writes to tests/emulator.env."""
    values = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            name, _, value = line.rstrip("\n").partition("=")
            if name:
                values[name] = value
    return values


def sha256_of(path):
    with open(path, "rb") as data:
        return hashlib.sha256(data.read()).hexdigest()


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out)
    return path


def expand(text, values):
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def route_fault(fault, values):
    """Convert a matrix route fault to the emulator's format: expand the placeholders in its
    strings and pad the body with 'x' to "body_size" bytes."""
    result = {}
    for key, value in fault.items():
        if key != "body_size":
            result[key] = expand(value, values) if isinstance(value, str) else value
    if "body_size" in fault:
        result["body"] = result.get("body", "").ljust(fault["body_size"], "x")
    return result


def make_fixture_root(directory, fixtures_dir, global_faults):
    """Build a fixtures directory: links to the bundled accounts and CDN images, and a
    _global.json with the row's route faults."""
    root = os.path.join(directory, "fixtures")
    discord_dir = os.path.join(root, "discord")
    os.makedirs(discord_dir)
    bundled = os.path.join(fixtures_dir, "discord")
    for name in os.listdir(bundled):
        if name.endswith(".json") and name != "_global.json":
            os.symlink(os.path.join(bundled, name), os.path.join(discord_dir, name))
    os.symlink(os.path.join(fixtures_dir, "cdn"), os.path.join(root, "cdn"))
    write_json(os.path.join(discord_dir, "_global.json"), {"faults": global_faults})
    return root


def loopback_socket(listen):
    """Bind a TCP socket to 127.0.0.1 on a free port. Without listen() the port stays
    reserved and refuses connections."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    if listen:
        sock.listen(16)
        sock.setblocking(False)
    return sock


def accepted_any(listener):
    """Return whether a connection is waiting on a non-blocking listening socket."""
    try:
        connection, _ = listener.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def network_namespace_available():
    """Return whether `unshare -n` can run a program without any network."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=20)
    return probe.returncode == 0


class Emulator:
    """A discord_emulator process on 127.0.0.1, stopped with SIGTERM."""

    def __init__(self, program, fixtures_dir, cert_file, key_file):
        self.cert_file = cert_file
        arguments = [program, "--fixtures", fixtures_dir, "--cert", cert_file,
                     "--key", key_file, "--host", "127.0.0.1", "--port", "0"]
        # Its log goes to a temporary file, which a failed start quotes.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=self.log,
                                        text=True)

        # readline blocks, so a thread reads the line while this one waits with a timeout.
        lines = []
        reader = threading.Thread(target=lambda: lines.append(self.process.stdout.readline()),
                                  daemon=True)
        reader.start()
        reader.join(20)
        line = lines[0] if lines else ""
        if not line.startswith("listening on https://127.0.0.1:"):
            self.stop()
            self.log.seek(0)
            raise RuntimeError(f"discord_emulator did not start: first output line {line!r}, "
                               f"log {self.log.read()!r}")
        self.base_url = line.split()[-1]

    def stats(self):
        context = ssl.create_default_context(cafile=self.cert_file)
        with urllib.request.urlopen(self.base_url + "/__emulator/stats", context=context,
                                    timeout=20) as response:
            return json.load(response)

    def stop(self):
        """Stop the emulator; return None when it exited 0, else its status and log."""
        if self.log.closed:
            return self.failure
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.log.seek(0)
        log = self.log.read()
        self.log.close()
        self.failure = None
        if self.process.returncode != 0:
            self.failure = f"discord_emulator exited {self.process.returncode}: {log}"
        return self.failure


def verdict_of(decision):
    if decision["passing"]:
        return "allow"
    return "deny" if decision["error"] is None else "error"


def discord_error_event(decision):
    for event in decision["events"]:
        if event["action"] == "discord_error":
            return event
    return None


class FaultMatrixTest(unittest.TestCase):
    env = None
    login_gate = None
    rows = []

    @classmethod
    def setUpClass(cls):
        cls.workspace = tempfile.mkdtemp(prefix="guildgate-faults-")
        cls.template = os.path.join(cls.workspace, "seeded.sqlite")
        cls.unshare = network_namespace_available()
        cls.seed_database()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workspace, ignore_errors=True)

    @classmethod
    def start_emulator(cls, fixtures_dir, wrong_host=False):
        suffix = "WRONG_HOST_" if wrong_host else ""
        return Emulator(cls.env["GUILDGATE_EMULATOR"], fixtures_dir,
                        cls.env[f"GUILDGATE_TEST_{suffix}CERT_FILE"],
                        cls.env[f"GUILDGATE_TEST_{suffix}KEY_FILE"])

    @classmethod
    def run_gate(cls, config, db_path, api_base, cdn_base, ca_file, line, output_format,
                 wrapper=()):
        config_path = write_json(os.path.join(os.path.dirname(db_path), "config.json"), config)
        arguments = [*wrapper, cls.login_gate, "--config", config_path, "--db", db_path,
                     "--api-base", api_base, "--cdn-base", cdn_base, "--ca-file", ca_file,
                     "--format", output_format, "--explain"]
        text = json.dumps(line) + "\n" if line is not None else ""
        return subprocess.run(arguments, input=text, capture_output=True, text=True,
                              timeout=PROGRAM_TIMEOUT_SECONDS)

    @classmethod
    def seed_database(cls):
        """Enroll the matrix user in the template database with the groups members and
        moderators and no attributes, as an earlier login would have."""
        emulator = cls.start_emulator(cls.env["GUILDGATE_TEST_FIXTURES_DIR"])
        try:
            line = {"provider": "discord", "access_token": SEED_TOKEN, "stage": "enrollment"}
            result = cls.run_gate(SEED_CONFIG, cls.template, emulator.base_url + "/api/v10",
                                  emulator.base_url, emulator.cert_file, line, "jsonl")
        finally:
            failure = emulator.stop()
        if failure:
            raise RuntimeError(failure)
        if result.returncode != 0 or not result.stdout:
            raise RuntimeError(f"seeding the database failed: {result.stderr}")
        decision = json.loads(result.stdout.splitlines()[0])
        if not decision["passing"] or decision["groups"] != ["members", "moderators"]:
            raise RuntimeError(f"seeding the database gave an unexpected decision: {decision}")

    def test_matrix_rows(self):
        self.assertGreaterEqual(len(self.rows), 30)
        for row in self.rows:
            with self.subTest(row=row["id"]):
                if row.get("login_gate_skip"):
                    self.skipTest(row["login_gate_skip"])
                with tempfile.TemporaryDirectory(dir=self.workspace) as directory:
                    self.run_row(row, directory)

    def run_row(self, row, directory):
        redirect_target = loopback_socket(listen=True)
        closed_port = None
        emulator = None
        try:
            values = {"listener_port": str(redirect_target.getsockname()[1])}
            ca_file = self.env["GUILDGATE_TEST_CERT_FILE"]
            server = row.get("server", "emulator")
            if server == "closed_port":
                closed_port = loopback_socket(listen=False)
                base = f"https://127.0.0.1:{closed_port.getsockname()[1]}"
            else:
                faults = [route_fault(fault, values) for fault in row.get("route_faults", [])]
                fixtures = make_fixture_root(directory, self.env["GUILDGATE_TEST_FIXTURES_DIR"],
                                             faults)
                wrong_host = server == "wrong_host_cert"
                emulator = self.start_emulator(fixtures, wrong_host)
                base = emulator.base_url
                if wrong_host:
                    # Trusting the certificate leaves the host name as the only thing that fails.
                    ca_file = emulator.cert_file
            values["base"] = base
            self.check_row(row, directory, expand(row.get("api_base", "{base}/api/v10"), values),
                           base, ca_file, emulator)
            self.assertFalse(accepted_any(redirect_target),
                             "the redirect target received a connection")
            # A sanitizer build of the emulator reports leaks and errors through its status.
            failure = emulator.stop() if emulator is not None else None
            self.assertIsNone(failure)
        finally:
            if emulator is not None:
                emulator.stop()
            if closed_port is not None:
                closed_port.close()
            redirect_target.close()

    def check_row(self, row, directory, api_base, cdn_base, ca_file, emulator):
        token = row["token"]
        line = {"provider": "discord", "access_token": token}
        if row.get("scopes") is not None:
            line["scopes"] = row["scopes"]

        # A rejected API base must end login_gate before any request. When the base names a
        # host other than loopback, the run has no network, or no input line when `unshare -n`
        # is missing, so that a regression cannot send a request there.
        wrapper = ()
        if row["verdict"] == "invalid_endpoint" and "127.0.0.1" not in api_base:
            if self.unshare:
                wrapper = ("unshare", "-n")
            else:
                line = None

        config = CONFIGS[row["pipeline"]]
        runs = {}
        for output_format in ("jsonl", "table"):
            db_path = os.path.join(directory, f"{output_format}.sqlite")
            shutil.copyfile(self.template, db_path)
            before = sha256_of(db_path)
            result = self.run_gate(config, db_path, api_base, cdn_base, ca_file, line,
                                   output_format, wrapper)
            runs[output_format] = (result, before, sha256_of(db_path))
            self.check_program_output(row, result, output_format)
            # The jsonl run consumed the row's counted faults, so its request counts are read
            # before the table run, whose outcome is then only checked for the token.
            if output_format == "jsonl" and emulator is not None and row.get("requests"):
                self.check_requests(row, emulator.stats())

        result, before, after = runs["jsonl"]
        if row["verdict"] == "invalid_endpoint":
            self.assertEqual(result.stdout, "")
            self.assertIn(row["detail"], result.stderr)
            self.assertEqual(after, before, "a rejected API base changed the database")
            return

        outputs = [json.loads(text) for text in result.stdout.splitlines()]
        self.assertEqual(len(outputs), 1, result.stdout)
        self.check_decision(row, outputs[0])
        if row["verdict"] == "allow":
            self.assertNotEqual(after, before, "an allow left the database unchanged")
        else:
            self.assertEqual(after, before, f"a {row['verdict']} changed the database")

    def check_program_output(self, row, result, output_format):
        expected_status = 2 if row["verdict"] == "invalid_endpoint" else 0
        self.assertEqual(result.returncode, expected_status,
                         f"login_gate --format {output_format} exited {result.returncode}: "
                         f"{result.stderr}")
        for marker in SANITIZER_MARKERS:
            self.assertNotIn(marker, result.stderr)
        for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            self.assertNotIn(row["token"], text,
                             f"the access token is in the {name} of the {output_format} run")

    def check_decision(self, row, decision):
        self.assertEqual(verdict_of(decision), row["verdict"])
        self.assertEqual(decision["error"], row["error"])
        if row.get("message"):
            self.assertIn(row["message"], "\n".join(decision["messages"]))

        event = discord_error_event(decision)
        if row["error"] is not None:
            self.assertIsNotNone(event, "an error without a discord_error event")
            if row.get("http_status") is not None:
                self.assertEqual(event["status"], row["http_status"])
            if "retry_after" in row:
                self.assertAlmostEqual(event["retry_after"], row["retry_after"], places=6)

        events = json.dumps(decision["events"])
        if row.get("detail"):
            self.assertIn(row["detail"], events)
        actions = [item["action"] for item in decision["events"]]
        for action in row.get("events", []):
            self.assertIn(action, actions)
        if "avatar_stored" in row:
            self.assertEqual("avatar" in decision["attributes"], row["avatar_stored"])
        if "groups" in row:
            self.assertEqual(decision["groups"], row["groups"])

    def check_requests(self, row, stats):
        for path, count in row["requests"].items():
            served = stats["requests_total"] if path == "*" else stats["paths"].get(path, 0)
            self.assertEqual(served, count, f"requests for {path}")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: login_gate_matrix_test.py BUILD/tests/emulator.env LOGIN_GATE "
                 "MATRIX_JSON")
    FaultMatrixTest.env = read_env(sys.argv[1])
    FaultMatrixTest.login_gate = sys.argv[2]
    with open(sys.argv[3], encoding="utf-8") as matrix:
        FaultMatrixTest.rows = json.load(matrix)

    program = unittest.main(argv=[sys.argv[0]], exit=False, verbosity=2)
    result = program.result
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)


if __name__ == "__main__":
    main()
