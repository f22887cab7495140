#!/bin/bash
# parlo-cli watch bob through Kamailio's presence server (presence, reg via pua_reginfo): bob (SIPp)
# registers -> "registered"; bob publishes away with a note -> "away"; bob un-registers -> "not
# registered". Watching needs no registration of our own; SIGTERM un-subscribes and exits 0.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
echo alicepw >"$RUN/alice.pw"
BOB=$(free_port) || exit 1
SP=$(free_port) || exit 1
# count_lines FILE PATTERN N SECONDS: waits until FILE has at least N lines matching PATTERN
count_at_least() {
    local i
    for ((i = 0; i < $4 * 10; i++)); do
        [ "$(count_matches "$1" "$2")" -ge "$3" ] && return 0
        sleep 0.1
    done
    return 1
}
sipp_run() { # NAME SIPP-ARGS…: one SIPp call against Kamailio; its exit code
    local name=$1; shift
    timeout 30 sipp "$K:$KAM_PORT" -i 127.0.0.1 -p "$SP" -m 1 -nostdin -trace_msg -message_file "$RUN/$name.sipp.msg" \
        "$@" >"$RUN/$name.sipp.out" 2>&1
}

timeout 90 "$PARLO_CLI" watch "sip:bob@$K" --json --aor "sip:alice@$K" --proxy "sip:$K:$KAM_PORT" \
    --password-file "$RUN/alice.pw" --listen 127.0.0.1:0 --log-sip "$RUN/watch.sip" \
    >"$RUN/watch.out" 2>"$RUN/watch.err" &
CLI=$!
on_exit "kill $CLI"
check "watch starts" wait_for "$RUN/watch.out" '"event":"watching".*sip:bob@127.0.0.1' 10
# the three subscriptions are up once Kamailio sent their first NOTIFYs
check "Kamailio accepted the presence, reg and dialog subscriptions" \
    count_at_least "$RUN/watch.sip" '^NOTIFY sip:alice@' 3 15
check "SUBSCRIBEs were authenticated (407 answered)" grep -q '^Proxy-Authorization: Digest' "$RUN/watch.sip"

sipp_run reg -sf "$HERE/sipp/pres_register.xml" -s bob -au bob -ap bobpw -key contact "sip:bob@127.0.0.1:$BOB"
check "bob registers (SIPp)" test $? -eq 0
check "watch: bob registered (1 device)" \
    wait_for "$RUN/watch.out" '"devices":1,"event":"registration","registered":true' 15

sipp_run pub -sf "$HERE/sipp/pres_publish_away.xml" -s bob -au bob -ap bobpw
check "bob publishes away (SIPp)" test $? -eq 0
check "watch: bob away with his note" wait_for "$RUN/watch.out" '"event":"presence","note":"gone fishing","state":"away"' 15

sipp_run unreg -sf "$HERE/sipp/pres_unregister.xml" -s bob -au bob -ap bobpw -key contact "sip:bob@127.0.0.1:$BOB"
check "bob un-registers (SIPp)" test $? -eq 0
check "watch: bob not registered" wait_for "$RUN/watch.out" '"devices":0,"event":"registration","registered":false' 15
check "registration events in order: registered, then not registered" \
    test "$(json_events "$RUN/watch.out" registration | grep -o '"registered":[a-z]*' | uniq | tr '\n' ' ')" = '"registered":true "registered":false '

kill -TERM $CLI
wait_pid $CLI 5
check "SIGTERM: watch exits 0 within 2 s" test "$WAIT_RC" -eq 0
check "un-SUBSCRIBEs sent (Expires: 0)" test "$(count_matches "$RUN/watch.sip" '^Expires: 0')" -ge 3
check "no password in the SIP log" bash -c "! grep -q alicepw '$RUN/watch.sip'"
finish
