#!/bin/sh
# Installs what the tests need, builds Parlo and runs the whole test suite (unit + interop).
# Extra arguments go to ctest (e.g. -L unit, -R interop/register).
set -eu
cd "$(dirname "$0")/.."
./packaging/install-deps.sh --tests
BUILD=${PARLO_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${PARLO_CMAKE_ARGS:-}
cmake --build "$BUILD" -j2
ctest --test-dir "$BUILD" --output-on-failure -j2 "$@"
