#!/bin/bash
# The real app against real tray hosts, on the private X server and session bus the test runs in
# (xvfb-run, dbus-run-session): without a tray Qt Widgets stays out of the process; with a
# StatusNotifierItem host (the KDE/GNOME-extension protocol) the icon registers and
# clicking it hides the window into the tray and brings it back; with an XEmbed tray the icon asks
# to be docked.
set -u
PARLO=$1 HOST=$2
source "$(dirname "$0")/app_env.sh"
export QT_QPA_PLATFORM=xcb QT_QUICK_BACKEND=software QT_LOGGING_RULES="parlo.app.debug=true;parlo.tray.debug=true"
maps_has() { grep -q "$2" "/proc/$1/maps"; }

# 1. No tray.
"$PARLO" >"$TMP/none.log" 2>&1 &
pids+=($!)
check "no tray: says so" wait_for "grep -q 'no tray' '$TMP/none.log'"
check "no tray: no Qt Widgets in the process" bash -c "! grep -q 'libQt6Widgets\|parlo-tray-widgets' /proc/${pids[0]}/maps"
stop_all

# 2. A StatusNotifierItem host.
"$HOST" --sni >"$TMP/sni-host.log" 2>&1 &
pids+=($!)
check "sni: host serves" wait_for "grep -q '^ready' '$TMP/sni-host.log'"
"$PARLO" >"$TMP/sni.log" 2>&1 &
pids+=($!)
check "sni: the tray icon registers" wait_for "grep -q '^registered ' '$TMP/sni-host.log'"
check "sni: the app says it has a tray" grep -q 'tray icon from' "$TMP/sni.log"
check "sni: the Qt Widgets module is loaded" maps_has "${pids[1]}" parlo-tray-widgets.so
check "sni: a click hides the window in the tray" wait_for "grep -q 'window hidden in the tray' '$TMP/sni.log'"
check "sni: a second click brings it back" wait_for "grep -q 'window shown from the tray' '$TMP/sni.log'"
check "sni: both clicks answered" wait_for "[ \$(grep -c '^activated' '$TMP/sni-host.log') -eq 2 ]"
check "sni: still running" kill -0 "${pids[1]}"
stop_all

# 3. An XEmbed tray.
"$HOST" --xembed >"$TMP/xembed-host.log" 2>&1 &
pids+=($!)
check "xembed: host serves" wait_for "grep -q '^ready' '$TMP/xembed-host.log'"
"$PARLO" >"$TMP/xembed.log" 2>&1 &
pids+=($!)
check "xembed: the tray icon asks to be docked" wait_for "grep -q '^dock ' '$TMP/xembed-host.log'"
check "xembed: the Qt Widgets module is loaded" maps_has "${pids[1]}" parlo-tray-widgets.so
stop_all

if [ "$fail" -ne 0 ]; then
    for f in none sni-host sni xembed-host xembed; do echo "--- $f:"; cat "$TMP/$f.log" 2>/dev/null; done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
