#!/usr/bin/env python3
"""Run a command and report its peak resident set size and CPU time.

Usage: peak_rss.py -- COMMAND [ARGUMENTS...]

Prints `peak_rss_kib=N cpu_seconds=S exit=M` as the last line of stdout; the command's own
output goes to stderr. The figures come from getrusage(RUSAGE_CHILDREN) in a Python process
that runs only this one command, so they cover the command and every descendant it waited for
(g++ waits for cc1plus) and nothing else. On Linux ru_maxrss is in KiB, the unit that GNU
time's %M prints.
"""

import resource
import subprocess
import sys


def measure(command, timeout=None):
    """Run `command` in a fresh Python process; return (peak_rss_kib, cpu_seconds, exit, stderr).

    A fresh process is needed because RUSAGE_CHILDREN keeps the maximum over every child that a
    process has waited for, so a second measurement in the same process would see the first.
    """
    result = subprocess.run([sys.executable, __file__, "--", *command], capture_output=True,
                            text=True, timeout=timeout)
    last_line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    fields = dict(item.split("=", 1) for item in last_line.split() if "=" in item)
    if not {"peak_rss_kib", "cpu_seconds", "exit"} <= fields.keys():
        raise RuntimeError(f"peak_rss.py printed no figures for {command!r}: "
                           f"{result.stdout!r} {result.stderr!r}")
    return (int(fields["peak_rss_kib"]), float(fields["cpu_seconds"]), int(fields["exit"]),
            result.stderr)


def main(arguments):
    if not arguments or arguments[0] != "--" or len(arguments) < 2:
        sys.exit("usage: peak_rss.py -- COMMAND [ARGUMENTS...]")

    completed = subprocess.run(arguments[1:], stdout=sys.stderr)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"peak_rss_kib={usage.ru_maxrss} cpu_seconds={usage.ru_utime + usage.ru_stime:.2f} "
          f"exit={completed.returncode}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
