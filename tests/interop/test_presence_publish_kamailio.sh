#!/bin/bash
# parlo-cli presence publishes bob's own presence (PUBLISH with PIDF + RPID, digest auth) through
# Kamailio: a SIPp watcher receives open + away + the note; a parlo-cli watcher follows bob, carol
# and alice: carol busy (presence --stay), her publication removed on SIGTERM so her next one
# (available) shows; alice offline (a closed tuple); a wrong password fails with one line.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
echo bobpw >"$RUN/bob.pw"
echo alicepw >"$RUN/alice.pw"
echo carolpw >"$RUN/carol.pw"
W=$(free_port) || exit 1
BOBARGS=(--aor "sip:bob@$K" --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/bob.pw" --listen 127.0.0.1:0)
publish() { # NAME ARGS…: parlo-cli presence as bob; sets RC
    local name=$1; shift
    timeout 40 "$PARLO_CLI" presence "$@" "${BOBARGS[@]}" --log-sip "$RUN/$name.sip" >"$RUN/$name.out" 2>"$RUN/$name.err"
    RC=$?
    cat "$RUN/$name.out" "$RUN/$name.err"
}

sipp_bg watcher "$W" "$K:$KAM_PORT" -sf "$HERE/sipp/pres_subscribe_away.xml" -s bob -au alice -ap alicepw \
    -key caller alice || { fail "SIPp watcher did not start"; finish; }
check "SIPp watcher subscribed (first NOTIFY)" wait_for "$RUN/watcher.sipp.msg" '^NOTIFY sip:alice@' 15

publish away away --note "at lunch" --json
check "presence away exits 0" test $RC -eq 0
check "presence away prints the published event" grep -q '"event":"published".*"note":"at lunch".*"state":"away"' "$RUN/away.out"
check "PUBLISH carried PIDF with the RPID activity" grep -q '<rpid:away/>' "$RUN/away.sip"
check "PUBLISH answered the 407" grep -q '^Proxy-Authorization: Digest' "$RUN/away.sip"
wait_pid $SIPP_PID 20
check "SIPp watcher received open + away + 'at lunch' and un-subscribed" test "$WAIT_RC" -eq 0

timeout 60 "$PARLO_CLI" watch "sip:bob@$K" "sip:carol@$K" "sip:alice@$K" --events presence --json --aor "sip:alice@$K" \
    --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/alice.pw" --listen 127.0.0.1:0 --log-sip "$RUN/watch.sip" \
    >"$RUN/watch.out" 2>"$RUN/watch.err" &
CLI=$!
on_exit "kill $CLI"
check "parlo-cli watcher sees bob away with the note" \
    wait_for "$RUN/watch.out" '"event":"presence","note":"at lunch","state":"away","time":"[^"]*","uri":"sip:bob@127.0.0.1"' 15

# --stay keeps carol's publication up and removes it (PUBLISH Expires: 0) on SIGTERM, so a later
# one is what watchers see (Kamailio shows the oldest of several live publications).
timeout 60 "$PARLO_CLI" presence busy --note "in a meeting" --stay --json --aor "sip:carol@$K" --proxy "sip:$K:$KAM_PORT" \
    --password-file "$RUN/carol.pw" --listen 127.0.0.1:0 --log-sip "$RUN/stay.sip" >"$RUN/stay.out" 2>"$RUN/stay.err" &
STAY=$!
on_exit "kill $STAY"
check "presence busy --stay publishes" wait_for "$RUN/stay.out" '"event":"published"' 10
check "watcher sees carol busy" \
    wait_for "$RUN/watch.out" '"event":"presence","note":"in a meeting","state":"busy","time":"[^"]*","uri":"sip:carol@127.0.0.1"' 15
kill -TERM $STAY
wait_pid $STAY 5
check "presence --stay exits 0 on SIGTERM" test "$WAIT_RC" -eq 0
check "it removed its publication (Expires: 0 with SIP-If-Match)" \
    bash -c "grep -A14 '^PUBLISH ' '$RUN/stay.sip' | grep -q '^Expires: 0' && grep -q '^SIP-If-Match: ' '$RUN/stay.sip'"
check "removal reported" grep -q '"event":"unpublished"' "$RUN/stay.out"

# carol's busy is gone: a new publication is what the watcher sees now
BOBARGS=(--aor "sip:carol@$K" --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/carol.pw" --listen 127.0.0.1:0)
publish available available --note "back"
check "presence available exits 0" test $RC -eq 0
check "watcher sees carol available again (her removed busy no longer counts)" \
    wait_for "$RUN/watch.out" '"event":"presence","note":"back","state":"available","time":"[^"]*","uri":"sip:carol@127.0.0.1"' 15

BOBARGS=(--aor "sip:alice@$K" --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/alice.pw" --listen 127.0.0.1:0)
publish offline offline
check "presence offline exits 0" test $RC -eq 0
check "published offline" grep -q '^published presence offline' "$RUN/offline.out"
check "PUBLISH offline has a closed tuple" grep -q '<basic>closed</basic>' "$RUN/offline.sip"
check "watcher sees alice offline" \
    wait_for "$RUN/watch.out" '"event":"presence","note":"","state":"offline","time":"[^"]*","uri":"sip:alice@127.0.0.1"' 15
kill -TERM $CLI
wait_pid $CLI 5
check "watcher exits 0 on SIGTERM" test "$WAIT_RC" -eq 0

echo wrong >"$RUN/bob.pw"
BOBARGS=(--aor "sip:bob@$K" --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/bob.pw" --listen 127.0.0.1:0)
publish badpw busy
check "wrong password exits 1" test $RC -eq 1
check "wrong password: one line naming 403" grep -q '^presence failed: 403 Forbidden' "$RUN/badpw.err"

out=$("$PARLO_CLI" presence sleeping --aor "sip:bob@$K" 2>&1); rc=$?
check "an unknown state is a usage error" test $rc -eq 2
check "the usage error names the states" grep -q "not available, away, busy or offline" <<<"$out"
finish
