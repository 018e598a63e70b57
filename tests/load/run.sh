#!/usr/bin/env bash
# Builds load_test and runs the long load test (8 threads, 20,000 evaluations by default).
#
#   tests/load/run.sh [--tsan] [--cxx COMPILER] [--build DIR] [-- load_test arguments]
#
# --tsan      build with -fsanitize=thread (-O1 -g) and run with TSAN_OPTIONS=halt_on_error=1,
#             so that the first ThreadSanitizer report ends the run with a failure. Without
#             it, the build is RelWithDebInfo (-O2), for throughput.
# --cxx       the C++ compiler, g++ or clang++ (default clang++).
# --build     the build directory (default build/load-[tsan-]COMPILER in the repository).
# Arguments after -- go to load_test, e.g. -- --threads 8 --evaluations 20000.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${GUILDGATE_JOBS:-2}

tsan=false
cxx=clang++
build=
while [ $# -gt 0 ]; do
  case "$1" in
    --tsan) tsan=true; shift ;;
    --cxx) cxx=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "run.sh: unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
  esac
done

if $tsan; then
  flags="-fsanitize=thread -g -O1"
  # g++ 12 warns that TSan does not instrument atomic_thread_fence; -Werror would stop the build.
  [[ $cxx == g++* ]] && flags="$flags -Wno-tsan"
  build_type=Debug
  build=${build:-$root/build/load-tsan-$cxx}
else
  flags=""
  build_type=RelWithDebInfo
  build=${build:-$root/build/load-$cxx}
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE="$build_type" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$(if $tsan; then echo -fsanitize=thread; fi)" \
  -DGUILDGATE_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target load_test

echo "== $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== $build/tests/load/load_test $*"
if $tsan; then
  TSAN_OPTIONS="halt_on_error=1 ${TSAN_OPTIONS:-}" "$build/tests/load/load_test" "$@"
else
  "$build/tests/load/load_test" "$@"
fi
