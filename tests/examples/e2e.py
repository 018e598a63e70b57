"""Shared helpers for the end-to-end tests of login_gate and the policy examples.

Each test script starts one discord_emulator process on 127.0.0.1 with a free port, runs the
programs against it over HTTPS (trusting the build's generated certificate) and stops the
emulator in a finally block. Every program run is checked for access tokens in its output.
"""

import base64
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import ssl
import subprocess
import threading
import urllib.request

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GIF_SIGNATURES = (b"GIF87a", b"GIF89a")

GUILD_ID = "812345678901234567"
MEMBERS_ROLE = "823456789012345678"
MODERATORS_ROLE = "823456789012345679"
ARTISTS_ROLE = "823456789012345680"

# Route names as the emulator counts them in /__emulator/stats.
CURRENT_USER_ROUTE = "GET /users/@me"
GUILD_LIST_ROUTE = "GET /users/@me/guilds"
MEMBER_ROUTE = "GET /users/@me/guilds/{guild.id}/member"
AVATAR_ROUTE = "GET /avatars/{user.id}/{user.avatar}"
DEFAULT_AVATAR_ROUTE = "GET /embed/avatars/{index}.png"

PROGRAM_TIMEOUT_SECONDS = 60

# API base URLs that the Discord client rejects when it is built, with a text that the error
# must contain. Tests pass them only to programs that must exit before any request.
REJECTED_API_BASES = [
    ("https://discord.com/api", "/api/v10"),
    ("https://discordapp.com/api/v10", "discordapp.com"),
]


def read_env(path):
    """Read the KEY=VALUE lines that the build writes to tests/emulator.env."""
    values = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            name, _, value = line.rstrip("\n").partition("=")
            if name:
                values[name] = value
    return values


def fixture_tokens(fixtures_dir):
    """Return the access token of every account in the bundled emulator fixtures."""
    discord_dir = os.path.join(fixtures_dir, "discord")
    return sorted(name[:-len(".json")] for name in os.listdir(discord_dir)
                  if name.endswith(".json") and not name.startswith("_"))


def default_avatar_index(user):
    """Compute the default avatar index without guildgate's code.

    Legacy users (a discriminator other than "0") get discriminator % 5, and new-style users
    get (id >> 22) % 6.
    """
    discriminator = user.get("discriminator")
    if discriminator not in (None, "0"):
        return int(discriminator) % 5
    return (int(user["id"]) >> 22) % 6


def decode_data_uri(uri):
    """Split a data:MIME;base64,... URI into its MIME type and decoded bytes."""
    header, separator, payload = uri.partition(",")
    if not separator or not header.startswith("data:") or not header.endswith(";base64"):
        raise AssertionError(f"not a base64 data URI: {uri[:60]!r}")
    return header[len("data:"):-len(";base64")], base64.b64decode(payload, validate=True)


def sha256_of(path):
    with open(path, "rb") as data:
        return hashlib.sha256(data.read()).hexdigest()


def network_namespace_available():
    """Return whether `unshare -n` can run a program in a new network namespace.

    A new namespace has no usable interface, so the program cannot connect to any host.
    """
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=20)
    return probe.returncode == 0


class Emulator:
    """A discord_emulator process serving the bundled fixtures on 127.0.0.1."""

    def __init__(self, env):
        self.env = env
        self.cert_file = env["GUILDGATE_TEST_CERT_FILE"]
        self.fixtures_dir = env["GUILDGATE_TEST_FIXTURES_DIR"]
        self.process = None
        self.base_url = None
        self._context = ssl.create_default_context(cafile=self.cert_file)

    def start(self):
        arguments = [self.env["GUILDGATE_EMULATOR"],
                     "--fixtures", self.fixtures_dir,
                     "--cert", self.cert_file,
                     "--key", self.env["GUILDGATE_TEST_KEY_FILE"],
                     "--host", "127.0.0.1", "--port", "0"]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, text=True)

        # readline blocks, so a thread reads the line while this one waits with a timeout.
        lines = []
        reader = threading.Thread(target=lambda: lines.append(self.process.stdout.readline()),
                                  daemon=True)
        reader.start()
        reader.join(20)
        line = lines[0] if lines else ""
        prefix = "listening on https://127.0.0.1:"
        if not line.startswith(prefix):
            raise RuntimeError(f"discord_emulator did not start: first output line {line!r}")
        self.base_url = line.split()[-1]

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def fixture_user(self, token):
        """Return the Discord user object of the fixture account for `token`."""
        path = os.path.join(self.fixtures_dir, "discord", token + ".json")
        with open(path, encoding="utf-8") as account:
            return json.load(account)["user"]

    def cdn_file(self, *parts):
        """Return the bytes of an image under the fixtures' cdn/ directory."""
        with open(os.path.join(self.fixtures_dir, "cdn", *parts), "rb") as image:
            return image.read()

    @property
    def api_base(self):
        return self.base_url + "/api/v10"

    @property
    def cdn_base(self):
        return self.base_url

    def stats(self):
        with urllib.request.urlopen(self.base_url + "/__emulator/stats", context=self._context,
                                    timeout=20) as response:
            return json.load(response)


def route_delta(before, after, route):
    """Return how many requests for `route` the emulator served between two stats reads."""
    return after["routes"].get(route, 0) - before["routes"].get(route, 0)


def path_delta(before, after, path):
    return after["paths"].get(path, 0) - before["paths"].get(path, 0)


def assert_no_token(result, tokens):
    """Raise AssertionError when any token occurs in the program's stdout or stderr."""
    for token in tokens:
        for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            if token and token in text:
                raise AssertionError(
                    f"the access token {token!r} appears in the {name} of {result.args[0]}")


def attempt(token, **fields):
    """Build one login_gate input line object for a Discord login."""
    return {"provider": "discord", "access_token": token, **fields}


def tokens_in_lines(lines):
    tokens = []
    for line in lines:
        if isinstance(line, dict):
            tokens.append(line.get("access_token", ""))
    return tokens


class Programs:
    """Runs login_gate and the examples against one emulator and audits their output."""

    def __init__(self, emulator, login_gate, examples=None):
        self.emulator = emulator
        self.login_gate = login_gate
        self.examples = examples or {}
        self.audit_tokens = fixture_tokens(emulator.fixtures_dir)

    def endpoint_arguments(self):
        return ["--api-base", self.emulator.api_base, "--cdn-base", self.emulator.cdn_base,
                "--ca-file", self.emulator.cert_file]

    def run_gate(self, config_path, lines, db_path, extra_arguments=(), extra_tokens=(),
                 endpoints=True, wrapper=()):
        """Run login_gate over `lines` (dicts become JSON, strings are sent as they are).

        Return the CompletedProcess after checking that no token appears in its output.
        """
        text = "".join((json.dumps(line) if isinstance(line, dict) else line) + "\n"
                       for line in lines)
        arguments = [*wrapper, self.login_gate, "--config", config_path, "--db", db_path]
        if endpoints:
            arguments += self.endpoint_arguments()
        arguments += list(extra_arguments)
        result = subprocess.run(arguments, input=text, capture_output=True, text=True,
                                timeout=PROGRAM_TIMEOUT_SECONDS)
        assert_no_token(result, [*self.audit_tokens, *tokens_in_lines(lines), *extra_tokens])
        return result

    def run_gate_jsonl(self, config_path, lines, db_path, extra_arguments=()):
        """Run login_gate with --format jsonl and return the parsed output rows."""
        result = self.run_gate(config_path, lines, db_path,
                               ["--format", "jsonl", *extra_arguments])
        if result.returncode != 0:
            raise AssertionError(f"login_gate exited {result.returncode}: {result.stderr}")
        return [json.loads(row) for row in result.stdout.splitlines()]

    def run_example(self, name, token, db_path, extra_arguments=(), endpoints=True, wrapper=()):
        """Run one policy example with `token` on stdin.

        Return (exit status, the decision JSON or None, the whole stdout, stderr).
        """
        arguments = [*wrapper, self.examples[name], "--db", db_path]
        if endpoints:
            arguments += self.endpoint_arguments()
        arguments += list(extra_arguments)
        result = subprocess.run(arguments, input=token + "\n", capture_output=True, text=True,
                                timeout=PROGRAM_TIMEOUT_SECONDS)
        assert_no_token(result, [*self.audit_tokens, token])
        first_line = result.stdout.split("\n", 1)[0]
        decision = json.loads(first_line) if first_line.startswith("{") else None
        return result.returncode, decision, result.stdout, result.stderr


def add_groups(db_path, discord_id, groups):
    """Put a stored user into `groups` directly in SQLite, as another tool might have."""
    connection = sqlite3.connect(db_path)
    try:
        with connection:
            for group in groups:
                connection.execute("INSERT OR IGNORE INTO groups (name) VALUES (?)", (group,))
                connection.execute(
                    "INSERT INTO user_groups (user_id, group_id) "
                    "SELECT users.id, groups.id FROM users, groups "
                    "WHERE users.discord_id = ? AND groups.name = ?", (discord_id, group))
    finally:
        connection.close()


def user_exists(db_path, discord_id):
    if not os.path.exists(db_path):
        return False
    connection = sqlite3.connect(db_path)
    try:
        row = connection.execute("SELECT 1 FROM users WHERE discord_id = ?",
                                 (discord_id,)).fetchone()
    finally:
        connection.close()
    return row is not None


def write_json(directory, name, value):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as out:
        if isinstance(value, str):
            out.write(value)
        else:
            json.dump(value, out)
    return path


def run_tests(env_path, install):
    """Start an emulator, call install(emulator) to hand it to the tests, run unittest.

    The emulator stops in a finally block whatever the tests do. Return the exit status,
    which is 0 when every test passed and at least one ran.
    """
    import unittest

    emulator = Emulator(read_env(env_path))
    try:
        emulator.start()
        install(emulator)
        program = unittest.main(argv=[os.path.basename(env_path)], exit=False, verbosity=2)
    finally:
        emulator.stop()
    result = program.result
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1
