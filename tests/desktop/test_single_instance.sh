#!/bin/bash
# The real app (offscreen): a second launch with a call link hands it to the running one and exits 0;
# the running one receives it; a first launch with a link opens it at start-up.
set -u
PARLO=$1
source "$(dirname "$0")/app_env.sh"
export QT_QPA_PLATFORM=offscreen DBUS_SESSION_BUS_ADDRESS= QT_LOGGING_RULES="parlo.app.debug=true"

"$PARLO" "tel:+49 30 1234567" >"$TMP/first.log" 2>&1 &
pids+=($!)
check "first instance listens" wait_for "test -S '$TMP/run/parlo.instance'"
check "first instance opens its link" wait_for "grep -q 'started with \"tel:+49 30 1234567\"' '$TMP/first.log'"

timeout 20 "$PARLO" sip:bob@example.com >"$TMP/second.log" 2>&1
check "second launch exits 0" test $? -eq 0
check "link handed over" wait_for "grep -q 'handed over \"sip:bob@example.com\"' '$TMP/first.log'"
timeout 20 "$PARLO" >>"$TMP/second.log" 2>&1
check "plain second launch exits 0" test $? -eq 0
check "plain launch raises the window" wait_for "grep -q 'handed over \"no link\"' '$TMP/first.log'"
check "first instance still runs" kill -0 "${pids[0]}"

# A crashed instance leaves its socket behind: the next launch takes over.
kill -9 "${pids[0]}"; wait "${pids[0]}" 2>/dev/null
"$PARLO" sips:carol@example.com >"$TMP/third.log" 2>&1 &
pids+=($!)
check "new instance starts" wait_for "grep -q 'started with \"sips:carol@example.com\"' '$TMP/third.log'"
timeout 20 "$PARLO" callto:alice >>"$TMP/second.log" 2>&1
check "launch after a crash hands over" test $? -eq 0
check "new instance receives" wait_for "grep -q 'handed over \"callto:alice\"' '$TMP/third.log'"

if [ "$fail" -ne 0 ]; then
    echo "--- first:"; cat "$TMP/first.log"; echo "--- second:"; cat "$TMP/second.log"
    echo "--- third:"; cat "$TMP/third.log" 2>/dev/null
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
