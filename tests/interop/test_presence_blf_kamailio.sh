#!/bin/bash
# Busy lamp (dialog event package, RFC 4235) through Kamailio's dialog + pua_dialoginfo +
# presence_dialoginfo: parlo-cli watch bob --events dialog; bob (SIPp UAS, registered by SIPp) gets a
# call from carol (SIPp UAC through Kamailio) that rings 1.5 s, is answered and hung up 1 s later:
# the watcher reports ringing, then in-call, then idle.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
echo alicepw >"$RUN/alice.pw"
UAS=$(free_port) || exit 1
SP=$(free_port) || exit 1

timeout 30 sipp "$K:$KAM_PORT" -sf "$HERE/sipp/pres_register.xml" -i 127.0.0.1 -p "$SP" -m 1 -nostdin -s bob -au bob \
    -ap bobpw -key contact "sip:bob@127.0.0.1:$UAS" >"$RUN/reg.sipp.out" 2>&1
check "bob registers (SIPp, contact :$UAS)" test $? -eq 0

timeout 90 "$PARLO_CLI" watch "sip:bob@$K" --events dialog --json --aor "sip:alice@$K" --proxy "sip:$K:$KAM_PORT" \
    --password-file "$RUN/alice.pw" --listen 127.0.0.1:0 --log-sip "$RUN/watch.sip" \
    >"$RUN/watch.out" 2>"$RUN/watch.err" &
CLI=$!
on_exit "kill $CLI"
check "watch: bob idle at first" wait_for "$RUN/watch.out" '"event":"dialog","state":"idle"' 15

sipp_bg bob "$UAS" -sf "$HERE/sipp/pres_uas_blf.xml" || { fail "SIPp UAS did not start"; finish; }
UAS_PID=$SIPP_PID
timeout 30 sipp "$K:$KAM_PORT" -sf "$HERE/sipp/pres_invite_auth.xml" -i 127.0.0.1 -p "$SP" -m 1 -nostdin -s bob \
    -au carol -ap carolpw -key caller carol >"$RUN/carol.sipp.out" 2>&1
check "carol's call to bob: 407, 180, 200, ACK, BYE (SIPp)" test $? -eq 0
wait_pid $UAS_PID 10
check "bob's UAS answered and got the BYE" test "$WAIT_RC" -eq 0

# wait_until SECONDS COMMAND…: polls COMMAND every 0.1 s
wait_until() { local t=$1 i; shift; for ((i = 0; i < t * 10; i++)); do "$@" && return 0; sleep 0.1; done; return 1; }
idle_twice() { [ "$(json_events "$RUN/watch.out" dialog | grep -c '"state":"idle"')" -ge 2 ]; }
check "watch: idle again after the call" wait_until 15 idle_twice
lamp=$(json_events "$RUN/watch.out" dialog | grep -o '"state":"[a-z-]*"' | cut -d'"' -f4 | tr '\n' ' ')
echo "lamp: $lamp"
check "lamp states in order: idle ringing in-call idle" test "$lamp" = "idle ringing in-call idle "

kill -TERM $CLI
wait_pid $CLI 5
check "SIGTERM: watch exits 0" test "$WAIT_RC" -eq 0
finish
