#!/usr/bin/env python3
"""Compile one should-not-compile or must-compile case with -fsyntax-only and check the outcome.

A fail case passes when the compiler rejects it and its first error line contains the substring
that the case's first line names (`// expect: <substring>`): the static_assert message must be
the first thing the user reads, not a list of candidates. A pass case passes when it compiles
without warnings (-Wall -Wextra -Werror).
"""

import argparse
import pathlib
import shlex
import subprocess
import sys

EXPECT_PREFIX = "// expect: "

# Each case compiles in seconds, so this only stops a hung compiler.
COMPILE_TIMEOUT_SECONDS = 600


def expected_substring(source):
    first_line = source.read_text(encoding="utf-8").partition("\n")[0]
    if not first_line.startswith(EXPECT_PREFIX) or not first_line[len(EXPECT_PREFIX):].strip():
        sys.exit(f"{source}: the first line must be "
                 f"'{EXPECT_PREFIX}<substring of the static_assert message>'; "
                 f"got {first_line!r}")
    return first_line[len(EXPECT_PREFIX):].strip()


def first_error_line(stderr):
    for line in stderr.splitlines():
        if " error: " in line or line.startswith("error: "):
            return line
    return None


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--compiler", required=True, help="C++ compiler to run, e.g. g++")
    parser.add_argument("--expect", required=True, choices=["fail", "pass"],
                        help="whether the case must be rejected or must compile")
    parser.add_argument("--include", action="append", default=[], metavar="DIR",
                        help="directory passed with -I (repeatable)")
    parser.add_argument("--system-include", action="append", default=[], metavar="DIR",
                        help="directory passed with -isystem, for Boost (repeatable)")
    parser.add_argument("source", type=pathlib.Path, help="the case's .cpp file")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    expected = expected_substring(arguments.source) if arguments.expect == "fail" else None

    command = [arguments.compiler, "-fsyntax-only", "-std=c++20", "-Wall", "-Wextra", "-Werror"]
    command += [f"-I{directory}" for directory in arguments.include]
    for directory in arguments.system_include:
        command += ["-isystem", directory]
    command.append(str(arguments.source))
    print("$ " + shlex.join(command), flush=True)

    try:
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=COMPILE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        print(f"FAIL: {arguments.compiler} timed out after {COMPILE_TIMEOUT_SECONDS} s")
        return 1

    name = arguments.source.name
    if arguments.expect == "pass":
        if result.returncode != 0:
            sys.stdout.write(result.stderr)
            print(f"FAIL: {name} must compile with {arguments.compiler}, but the compiler "
                  f"exited with code {result.returncode}; see the errors above")
            return 1
        print(f"OK: {name} compiles")
        return 0

    if result.returncode == 0:
        print(f"FAIL: {name} compiled with {arguments.compiler}, but it must be rejected by a "
              f"static_assert containing \"{expected}\"")
        return 1

    first = first_error_line(result.stderr)
    if first is None or expected not in first:
        sys.stdout.write(result.stderr)
        print(f"FAIL: the first error line of {arguments.compiler} for {name} does not contain "
              f"\"{expected}\"; it is: {first}")
        return 1

    print(f"OK: {name} is rejected; first error line: {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
