#!/usr/bin/env bash
# Builds and runs tests/packaging/consumer against this checkout in four ways a downstream
# project can get guildgate:
#   a) CMake add_subdirectory
#   b) CMake find_package(guildgate CONFIG) after cmake --install into a temporary prefix
#   c) CMake FetchContent from a local archive of the checkout (no network)
#   d) Meson, with the checkout as subprojects/guildgate
# Everything happens in a temporary directory that is removed at exit; set
# GUILDGATE_PACKAGING_KEEP=1 to keep it. The compiler is $CXX (default c++). Exits non-zero at
# the first failure.
set -euo pipefail

for tool in cmake meson tar; do
  if ! command -v "$tool" >/dev/null; then
    echo "packaging: $tool not found; install it (scripts/install-deps installs every tool)" >&2
    exit 1
  fi
done

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
consumer="$here/consumer"
export CXX=${CXX:-c++}

work=$(mktemp -d "${TMPDIR:-/tmp}/guildgate-packaging-XXXXXX")
cleanup() {
  if [ "${GUILDGATE_PACKAGING_KEEP:-0}" = 1 ]; then
    echo "packaging: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

generator=()
if command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi

# configure_and_run NAME CMAKE_ARGUMENTS...: builds the CMake consumer in $work/NAME and runs it.
configure_and_run() {
  local name=$1
  shift
  echo "== packaging ($name)"
  cmake -S "$consumer" -B "$work/$name" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug "$@" >/dev/null
  cmake --build "$work/$name"
  "$work/$name/consumer"
  if [[ -x "$work/$name/consumer_compiled" ]]; then
    "$work/$name/consumer_compiled"
  fi
}

configure_and_run subdirectory -DGUILDGATE_CONSUMER_MODE=subdirectory \
  -DGUILDGATE_SOURCE_DIR="$source_dir"

echo "== packaging (install)"
cmake -S "$source_dir" -B "$work/install-build" "${generator[@]}" -DGUILDGATE_BUILD_TESTS=OFF \
  -DGUILDGATE_BUILD_EXAMPLES=OFF >/dev/null
cmake --install "$work/install-build" --prefix "$work/prefix" >/dev/null
configure_and_run find_package -DGUILDGATE_CONSUMER_MODE=find_package \
  -DCMAKE_PREFIX_PATH="$work/prefix"

# The archive contains the working tree, uncommitted files included, without git data or builds.
tar -C "$(dirname "$source_dir")" -czf "$work/guildgate.tar.gz" \
  --exclude=.git --exclude="$(basename "$source_dir")/build" \
  "$(basename "$source_dir")"
configure_and_run fetchcontent -DGUILDGATE_CONSUMER_MODE=fetchcontent \
  -DGUILDGATE_ARCHIVE="$work/guildgate.tar.gz"

echo "== packaging (meson subproject)"
mkdir -p "$work/meson-consumer/subprojects"
cp "$consumer/meson.build" "$consumer/main.cpp" "$work/meson-consumer/"
ln -s "$source_dir" "$work/meson-consumer/subprojects/guildgate"
meson setup "$work/meson-build" "$work/meson-consumer" --force-fallback-for=guildgate >/dev/null
if meson introspect --targets "$work/meson-build" | grep -q discord_emulator; then
  echo "packaging: guildgate built its tests as a Meson subproject; expected -Dtests=auto to" \
       "skip them there" >&2
  exit 1
fi
meson compile -C "$work/meson-build"
"$work/meson-build/consumer"
"$work/meson-build/consumer_compiled"

echo "packaging: all four consumers passed"
