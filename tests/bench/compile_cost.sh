#!/usr/bin/env bash
# Measures what the compile-cost translation units cost with g++ and clang++: wall time and
# CPU time (user + sys), each the median of RUNS runs, and the peak RSS (the maximum over the
# runs) of `-c -O0 -std=c++20`. Prints a Markdown table with the ratios of each unit's
# medians to the floor's.
#
# Usage: tests/bench/compile_cost.sh [RUNS]   (default 5; run from anywhere)
# Environment: CXX_LIST (default "g++ clang++"), EXTRA_FLAGS (added to every compile, for
# example "-isystem /opt/boost/include"), TIME_PROGRAM (default /usr/bin/time; set it empty to
# use peak_rss.py).
#
# Peak RSS and CPU time come from /usr/bin/time (GNU time, %M %U %S) when it is installed, and
# from peak_rss.py (getrusage) otherwise. Both read the counters that wait4() returns. Wall
# time is measured around the compile with date +%s%N.
set -euo pipefail

runs="${1:-5}"
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "${bench_dir}/../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "${scratch}"' EXIT

# Each unit is "<name>:<source>:<macro or empty>". The two separate units are built with
# GUILDGATE_SEPARATE_COMPILATION: policy_only.cpp as a program's policy file, and
# src/compiled.cpp, which a program compiles once.
units=(
    "floor:tests/bench/floor.cpp:"
    "policy_headers:tests/bench/policy_headers.cpp:"
    "policy_only:tests/bench/policy_only.cpp:"
    "policy_beast:tests/bench/policy_beast.cpp:"
    "policy_only_separate:tests/bench/policy_only.cpp:GUILDGATE_SEPARATE_COMPILATION"
    "compiled_part_separate:src/compiled.cpp:GUILDGATE_SEPARATE_COMPILATION"
)
read -r -a compilers <<< "${CXX_LIST:-g++ clang++}"
read -r -a extra_flags <<< "${EXTRA_FLAGS:-}"
time_program="${TIME_PROGRAM-/usr/bin/time}"

# Prints "<wall ms> <cpu s> <peak KiB>" for one compile of unit $2 with $1.
measure_once() {
    local compiler="$1" unit="$2" start end figures name source macro
    IFS=: read -r name source macro <<< "${unit}"
    local command=("${compiler}" -c -O0 -std=c++20 -I "${repo_dir}/include"
                   "${extra_flags[@]}")
    if [[ -n "${macro}" ]]; then
        command+=("-D${macro}")
    fi
    command+=("${repo_dir}/${source}" -o "${scratch}/${name}.o")

    start=$(date +%s%N)
    if [[ -n "${time_program}" && -x "${time_program}" ]]; then
        "${time_program}" -o "${scratch}/time.txt" -f '%M %U %S' "${command[@]}"
        end=$(date +%s%N)
        read -r kib user sys < "${scratch}/time.txt"
        figures="$(awk -v u="${user}" -v s="${sys}" 'BEGIN { printf "%.2f", u + s }') ${kib}"
    else
        local line
        line=$(python3 "${bench_dir}/peak_rss.py" -- "${command[@]}" | tail -n 1)
        end=$(date +%s%N)
        if [[ "${line}" != *" exit=0" ]]; then
            echo "compile_cost.sh: ${compiler} failed on ${source} (${line})" >&2
            exit 1
        fi
        figures=$(sed -E 's/peak_rss_kib=([0-9]+) cpu_seconds=([0-9.]+) exit=0/\2 \1/' <<< "${line}")
    fi
    echo "$(( (end - start) / 1000000 )) ${figures}"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
                                        else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Runs per figure: ${runs}; flags: -c -O0 -std=c++20 -I include ${extra_flags[*]:-}"
echo
echo "| compiler | translation unit | wall time, median (s) | CPU time, median (s) | peak RSS (KiB) | wall / floor | CPU / floor |"
echo "|---|---|---|---|---|---|---|"

for compiler in "${compilers[@]}"; do
    floor_ms=""
    floor_cpu=""
    for unit in "${units[@]}"; do
        : > "${scratch}/samples.txt"
        for ((run = 0; run < runs; run++)); do
            measure_once "${compiler}" "${unit}" >> "${scratch}/samples.txt"
        done

        wall_ms=$(cut -d' ' -f1 "${scratch}/samples.txt" | median)
        cpu_s=$(cut -d' ' -f2 "${scratch}/samples.txt" | median)
        peak_kib=$(cut -d' ' -f3 "${scratch}/samples.txt" | sort -n | tail -n 1)
        if [[ -z "${floor_ms}" ]]; then
            floor_ms="${wall_ms}"
            floor_cpu="${cpu_s}"
        fi

        awk -v c="${compiler}" -v u="${unit%%:*}" -v w="${wall_ms}" -v cpu="${cpu_s}" \
            -v k="${peak_kib}" -v f="${floor_ms}" -v fc="${floor_cpu}" \
            'BEGIN { printf "| %s | %s | %.2f | %.2f | %d | %.2f | %.2f |\n",
                            c, u, w / 1000, cpu, k, w / f, cpu / fc }'
    done
done

echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
