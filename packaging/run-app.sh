#!/bin/sh
# Installs the build dependencies, builds Parlo and starts the desktop app.
set -eu
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
BUILD=${PARLO_BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLO_BUILD_TESTS=OFF
cmake --build "$BUILD" -j2 --target parlo parlo-cli
exec "$BUILD/app/parlo" "$@"
