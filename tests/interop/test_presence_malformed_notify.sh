#!/bin/bash
# parlo-cli watch against a SIPp notifier that sends malformed NOTIFYs: broken XML gets 400, a wrong
# content type 415, an oversized body 413 — and none of them changes the watch: the subscription is
# refreshed in the same dialog and a later valid NOTIFY still produces an event. A 1 MB NOTIFY over
# TCP is refused by the transport from its headers (513 Message Too Large, then the connection is
# closed; the body is never buffered), and the watch goes on. SIGTERM un-subscribes.
source "$(dirname "$0")/lib.sh"
K=127.0.0.1
P=$(free_port) || exit 1

# The oversized body: ~50 KB, above the watcher's 48 KB cap and below the 64 KB SIP message cap.
big=$(head -c 51200 /dev/zero | tr '\0' 'x')
sed "s|@BIG@|$big|" "$HERE/sipp/pres_notify_malformed.xml" >"$RUN/notify_malformed.xml"
sipp_bg notifier "$P" -sf "$RUN/notify_malformed.xml" || { fail "SIPp notifier did not start"; finish; }

timeout 60 "$PARLO_CLI" watch "sip:bob@$K:$P" --events presence --json --listen 127.0.0.1:0 \
    --log-sip "$RUN/watch.sip" >"$RUN/watch.out" 2>"$RUN/watch.err" &
CLI=$!
on_exit "kill $CLI"

check "watch reports the first state (available)" wait_for "$RUN/watch.out" '"event":"presence".*"state":"available"' 15
check "broken XML answered 400" wait_for "$RUN/watch.sip" '^SIP/2.0 400 Bad Event Body' 10
check "wrong content type answered 415" wait_for "$RUN/watch.sip" '^SIP/2.0 415' 10
check "oversized body answered 413" wait_for "$RUN/watch.sip" '^SIP/2.0 413' 10
check "415 names what we accept" grep -q '^Accept: application/pidf+xml' "$RUN/watch.sip"

# 1 MB over a TCP connection of its own to the watcher's port
port=$(json_events "$RUN/watch.out" listening | grep -o '"port":[0-9]*' | cut -d: -f2)
flood=$(python3 "$HERE/notify_flood.py" 127.0.0.1 "$port" 1048576)
echo "1 MB NOTIFY: $flood"
check "1 MB NOTIFY: answered 513" grep -q '^answered 513 Message Too Large' <<<"$flood"
check "1 MB NOTIFY: refused well before the end" test "$(grep -o 'after [0-9]*' <<<"$flood" | cut -d' ' -f2)" -lt 1048576

check "the subscription is refreshed in its dialog and a later NOTIFY counts (away)" \
    wait_for "$RUN/watch.out" '"event":"presence".*"state":"away"' 30
check "no state change from the malformed NOTIFYs" \
    test "$(json_events "$RUN/watch.out" presence | grep -o '"state":"[a-z-]*"' | tr '\n' ' ')" = '"state":"available" "state":"away" '
check "refresh SUBSCRIBE sent (same Call-ID)" \
    test "$(grep -A12 '^SUBSCRIBE ' "$RUN/watch.sip" | grep -i '^Call-ID' | sort -u | wc -l)" -eq 1

kill -TERM $CLI
wait_pid $CLI 5
check "SIGTERM: watch exits 0" test "$WAIT_RC" -eq 0
check "un-SUBSCRIBE sent" grep -q '^Expires: 0' "$RUN/watch.sip"
wait_pid $SIPP_PID 10
check "SIPp notifier got every expected answer" test "$WAIT_RC" -eq 0
[ "$WAIT_RC" -eq 0 ] || tail -5 "$RUN/notifier.sipp.err" "$RUN/notifier.sipp.out" 2>/dev/null
finish
