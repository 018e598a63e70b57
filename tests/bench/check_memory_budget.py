#!/usr/bin/env python3
"""Compile a translation unit with each compiler and compare its peak memory with a budget.

The budget file has one line per compiler, `<name> <KiB>` (for example `g++ 430000`); blank
lines and lines starting with # are ignored. The check fails when a compiler's peak resident
set size exceeds its budget by more than the tolerance, and when a compiler has no budget line.
Wall time is never checked: it depends on the machine and on what else runs on it.

The compile is `-c -O0 -std=c++20`, the flags the budget was measured with (see
docs/benchmarks.md). Exit code 77 means no compiler was given, which CTest reports as skipped.
"""

import argparse
import pathlib
import shlex
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import peak_rss  # noqa: E402

# Peak RSS varies by a few percent between runs; more than this is a real regression.
TOLERANCE_PERCENT = 15.0

COMPILE_TIMEOUT_SECONDS = 900

SKIP_EXIT_CODE = 77


def read_budget(path):
    budget = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) != 2 or not fields[1].isdigit():
            sys.exit(f"{path}:{number}: invalid budget line {line!r}; write `<compiler> <KiB>`, "
                     f"for example `g++ 430000`")
        budget[fields[0]] = int(fields[1])
    return budget


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", required=True, type=pathlib.Path,
                        help="file of `<compiler> <KiB>` lines")
    parser.add_argument("--compiler", action="append", default=[], metavar="NAME=PATH",
                        help="compiler to measure, named as in the budget file (repeatable)")
    parser.add_argument("--include", action="append", default=[], metavar="DIR",
                        help="directory passed with -I (repeatable)")
    parser.add_argument("--system-include", action="append", default=[], metavar="DIR",
                        help="directory passed with -isystem (repeatable)")
    parser.add_argument("--define", action="append", default=[], metavar="NAME",
                        help="macro passed with -D (repeatable)")
    parser.add_argument("source", type=pathlib.Path, help="the translation unit to compile")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    budget = read_budget(arguments.budget)
    if not arguments.compiler:
        print("SKIP: no compiler given, so nothing was measured")
        return SKIP_EXIT_CODE

    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for entry in arguments.compiler:
            name, separator, program = entry.partition("=")
            if not separator or not program:
                sys.exit(f"invalid --compiler {entry!r}; write NAME=PATH, for example "
                         f"g++=/usr/bin/g++")
            if name not in budget:
                failures.append(f"{name}: no budget line in {arguments.budget}; add "
                                f"`{name} <KiB>` from docs/benchmarks.md")
                continue

            command = [program, "-c", "-O0", "-std=c++20"]
            command += [f"-D{macro}" for macro in arguments.define]
            command += [f"-I{directory}" for directory in arguments.include]
            for directory in arguments.system_include:
                command += ["-isystem", directory]
            command += [str(arguments.source), "-o", str(pathlib.Path(scratch) / "budget.o")]
            print("$ " + shlex.join(command), flush=True)

            rss_kib, cpu_seconds, exit_code, stderr = peak_rss.measure(
                command, timeout=COMPILE_TIMEOUT_SECONDS)
            if exit_code != 0:
                sys.stdout.write(stderr)
                failures.append(f"{name}: the compile failed with exit code {exit_code}")
                continue

            limit = budget[name]
            excess = (rss_kib - limit) * 100.0 / limit
            print(f"{name}: peak RSS {rss_kib} KiB, budget {limit} KiB ({excess:+.1f} %), "
                  f"CPU {cpu_seconds:.2f} s")
            if excess > TOLERANCE_PERCENT:
                failures.append(f"{name}: peak RSS {rss_kib} KiB exceeds the budget of {limit} "
                                f"KiB by {excess:.1f} %, over the {TOLERANCE_PERCENT:.0f} % "
                                f"tolerance; find what the translation unit pulls in or, if "
                                f"the growth is intended, raise the budget in {arguments.budget}")

    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
