#!/usr/bin/env bash
# Builds one libFuzzer target with clang (when its binary is missing or older than a source) and
# runs it for a given number of seconds, then prints libFuzzer's final stats.
#
# Usage: tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAG...]
#   TARGET   a target in tests/fuzz, such as fuzz_user
#   SECONDS  the run time, passed to libFuzzer as -max_total_time
# Environment:
#   GUILDGATE_FUZZ_CXX  the clang++ to use (default: clang++-14, else clang++)
#   GUILDGATE_FUZZ_DIR  where binaries, new corpus entries, crash files and logs go
#                       (default: /tmp/guildgate-fuzz); the committed corpus is only read
#
# The compiler flags match tests/fuzz/CMakeLists.txt. New inputs go to
# $GUILDGATE_FUZZ_DIR/corpus/TARGET; copy an entry into tests/fuzz/corpus/TARGET only when it
# is worth keeping. Run it under `nice -n 10` on a shared machine.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 TARGET SECONDS [LIBFUZZER_FLAG...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$fuzz_dir/../.." && pwd)
source_file=$fuzz_dir/$target.cpp
if [[ ! -f $source_file ]]; then
    echo "run.sh: no target \"$target\": $source_file does not exist; pick one of:" \
        $(cd "$fuzz_dir" && ls fuzz_*.cpp | sed 's/\.cpp$//') >&2
    exit 2
fi
if [[ ! $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: SECONDS must be a positive whole number of seconds; got \"$seconds\"" >&2
    exit 2
fi

if [[ -n ${GUILDGATE_FUZZ_CXX:-} ]]; then
    cxx=$GUILDGATE_FUZZ_CXX
elif command -v clang++-14 > /dev/null; then
    cxx=clang++-14
else
    cxx=clang++
fi

work=${GUILDGATE_FUZZ_DIR:-/tmp/guildgate-fuzz}
binary=$work/bin/$target
scratch=$work/corpus/$target
artifacts=$work/artifacts/$target
log=$work/logs/$target.log
mkdir -p "$work/bin" "$scratch" "$artifacts" "$work/logs"

# Rebuild when the binary is missing or any header or source it can include is newer.
stale=yes
if [[ -x $binary ]]; then
    newer=$(find "$repo/include" "$repo/examples" "$fuzz_dir" \
        \( -name '*.hpp' -o -name '*.cpp' \) -newer "$binary" -print -quit)
    [[ -z $newer ]] && stale=no
fi
if [[ $stale == yes ]]; then
    echo "run.sh: building $binary with $cxx"
    "$cxx" -std=c++20 -g -O1 -Wall -Wextra -Werror \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        -I "$repo/include" -I "$repo/examples" \
        "$source_file" -o "$binary"
fi

# libFuzzer writes new inputs to the first directory only, so the committed corpus and the
# regression inputs after it are read but never changed.
inputs=("$scratch" "$fuzz_dir/corpus/$target")
[[ -d $fuzz_dir/regressions/$target ]] && inputs+=("$fuzz_dir/regressions/$target")

echo "run.sh: running $target for $seconds s; log: $log"
status=0
"$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -dict="$fuzz_dir/discord.dict" -artifact_prefix="$artifacts/" \
    "$@" "${inputs[@]}" > "$log" 2>&1 || status=$?

# The last status line ("#N DONE cov: ... exec/s: ...") and the stat:: lines, or the report
# of the input that failed.
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^stat::' "$log" || true
if [[ $status -ne 0 ]]; then
    echo "run.sh: $target failed with exit status $status; the report:" >&2
    grep -E 'ERROR|invariant failed|runtime error|SUMMARY|Test unit written' "$log" >&2 || true
fi
echo "run.sh: corpus entries found in this and earlier runs: $(ls "$scratch" | wc -l) in $scratch"
exit "$status"
