#!/bin/bash
# Runs a test against a real Secret Service: gnome-keyring-daemon with a fresh login keyring,
# unlocked, in scratch folders, on the session bus the test runs in (dbus-run-session).
set -u
TMP=$(mktemp -d)
mkdir -p "$TMP/run" "$TMP/data"
chmod 700 "$TMP/run"
export HOME=$TMP XDG_RUNTIME_DIR=$TMP/run XDG_DATA_HOME=$TMP/data
# In the foreground, as this script's child: it would outlive the bus otherwise.
printf 'testpw' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$TMP/keyring.log" 2>&1 &
keyring=$!
trap 'kill $keyring 2>/dev/null; wait $keyring 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do # the daemon starting up: polling is the only way
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
    sleep 0.1
done
"$@"
