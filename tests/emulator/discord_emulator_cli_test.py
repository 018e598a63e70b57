#!/usr/bin/env python3
"""Check the discord_emulator program from the command line.

Usage: discord_emulator_cli_test.py BUILD/tests/emulator.env

It starts the program on 127.0.0.1 with a free port, reads the "listening on" line, makes
HTTPS requests that trust the generated certificate, stops the program with SIGTERM and
expects exit status 0. It also checks that a non-loopback --host and missing options are
rejected with exit status 2.
"""

import json
import signal
import ssl
import subprocess
import sys
import threading
import urllib.error
import urllib.request


def read_env(path):
    values = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            name, _, value = line.rstrip("\n").partition("=")
            if name:
                values[name] = value
    return values


def fetch(url, context, token=None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, context=context, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def read_first_line(process, timeout_seconds):
    """Return the first stdout line, or None when the program prints nothing in time."""
    result = []
    reader = threading.Thread(target=lambda: result.append(process.stdout.readline()))
    reader.start()
    reader.join(timeout_seconds)
    return result[0] if result else None


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def main():
    env = read_env(sys.argv[1])
    program = env["GUILDGATE_EMULATOR"]
    base_arguments = [program, "--fixtures", env["GUILDGATE_TEST_FIXTURES_DIR"],
                      "--cert", env["GUILDGATE_TEST_CERT_FILE"],
                      "--key", env["GUILDGATE_TEST_KEY_FILE"]]

    process = subprocess.Popen(base_arguments + ["--port", "0", "--host", "127.0.0.1"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = read_first_line(process, 20)
        check(line is not None and line.startswith("listening on https://127.0.0.1:"),
              f"unexpected first line {line!r}")
        base_url = line.split()[-1]

        context = ssl.create_default_context(cafile=env["GUILDGATE_TEST_CERT_FILE"])
        status, body = fetch(base_url + "/api/v10/users/@me", context, "tok-member-role")
        check(status == 200, f"GET /users/@me returned {status}")
        check(json.loads(body)["username"] == "ada", f"unexpected user {body!r}")

        status, _ = fetch(base_url + "/api/v10/users/@me", context)
        check(status == 401, f"GET /users/@me without a token returned {status}")

        status, body = fetch(base_url + "/__emulator/stats", context)
        check(status == 200, f"GET /__emulator/stats returned {status}")
        check(json.loads(body)["requests_total"] == 2, f"unexpected stats {body!r}")
    finally:
        process.send_signal(signal.SIGTERM)
        exit_status = process.wait(timeout=20)
    check(exit_status == 0, f"exit status {exit_status} after SIGTERM")

    rejected = subprocess.run(base_arguments + ["--host", "0.0.0.0"], capture_output=True,
                              text=True, timeout=20)
    check(rejected.returncode == 2, f"--host 0.0.0.0 gave exit status {rejected.returncode}")
    check("loopback" in rejected.stderr, f"unexpected message {rejected.stderr!r}")

    missing = subprocess.run([program, "--port", "0"], capture_output=True, text=True,
                             timeout=20)
    check(missing.returncode == 2, f"missing options gave exit status {missing.returncode}")
    print("discord_emulator command line: all checks passed")


if __name__ == "__main__":
    main()
