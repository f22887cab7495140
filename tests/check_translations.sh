#!/bin/bash
# Every user-visible string of the app is in translations/parlo_de.ts and translated: runs lupdate
# on the sources into a scratch copy and fails on unfinished or vanished entries.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
cp "$SRC/translations/parlo_de.ts" "$TMP/parlo_de.ts"
"$LUPDATE" "$SRC/ui" "$SRC/app/main.cpp" "$SRC/app/gui" -ts "$TMP/parlo_de.ts" -no-obsolete -silent
unfinished=$(grep -c 'type="unfinished"' "$TMP/parlo_de.ts" || true)
total=$(grep -c '<source>' "$TMP/parlo_de.ts" || true)
echo "parlo_de.ts: $total strings, $unfinished unfinished"
if [ "$unfinished" -ne 0 ]; then
    grep -B2 'type="unfinished"' "$TMP/parlo_de.ts" | grep '<source>'
    echo "0 passed, 1 failed"; exit 1
fi
[ "$total" -gt 0 ] || { echo "no strings found: lupdate did not scan the sources"; exit 1; }
echo "1 passed, 0 failed"
