#!/bin/bash
# SIPp calls parlo-cli: listen --auto-answer answers a PCMA offer, SIPp plays a recorded G.711
# A-law stream (/usr/share/sip-tester/g711a.pcap) and hangs up; our --record must hold that audio
# (not silence). --max-calls 1 makes parlo-cli exit 0 after the call. Then: --reject answers 486
# (and --reject=603 603); a DTMF digit by SIP INFO is reported; SIGINT during a call sends BYE and
# exits 0 within 2 s; two calls with --max-calls 2 and --hangup-after record into NAME.wav and
# NAME-2.wav.
source "$(dirname "$0")/lib.sh"
SIPP_DIR=$HERE/sipp
PCAP=/usr/share/sip-tester/g711a.pcap
[ -r "$PCAP" ] || { fail "$PCAP missing (package sip-tester)"; finish; }

PORT=$(free_port) || exit 1
"$PARLO_CLI" listen --json --listen "127.0.0.1:$PORT" --auto-answer=200 --max-calls 1 \
    --record "$RUN/in.wav" >"$RUN/listen.out" 2>"$RUN/listen.err" &
CLI=$!
on_exit "kill -9 $CLI"
wait_for "$RUN/listen.out" '"event":"listening"' 5 || fail "parlo-cli did not start listening"

SP=$(free_port 2) || exit 1
timeout 30 sipp "127.0.0.1:$PORT" -sf "$SIPP_DIR/call_uac_pcap.xml" -i 127.0.0.1 -p "$SP" -mp $((SP + 1)) \
    -s alice -key pcap "$PCAP" -m 1 -nostdin -trace_msg -message_file "$RUN/uac.sipp.msg" \
    -trace_err -error_file "$RUN/uac.sipp.err" >"$RUN/uac.sipp.out" 2>&1
SIPP_RC=$?
check "SIPp call answered and hung up (rc $SIPP_RC)" test $SIPP_RC -eq 0

wait_pid $CLI 3; CLI_RC=$WAIT_RC
check "parlo-cli exit 0 after the call, by --max-calls 1 (rc $CLI_RC)" test $CLI_RC -eq 0
check "incoming event names the caller" grep -q '"event":"incoming".*"from":"sip:sipp@127.0.0.1' "$RUN/listen.out"
check "SIPp got PCMA in the answer" grep -Eq '^m=audio [0-9]+ RTP/AVP 8( |$)' "$RUN/uac.sipp.msg"
check "answered with PCMA" grep -q '"codec":"PCMA/8000".*"event":"answered"' "$RUN/listen.out"
check "ended by the caller" grep -q '"event":"ended".*"reason":"hangup_remote"' "$RUN/listen.out"
check "final stats count received packets" grep -Eq '"event":"stats".*"final":true.*"packets_received":[1-9]' "$RUN/listen.out"
check "the recording holds the caller's audio" python3 "$HERE/tone.py" rms "$RUN/in.wav" 200

# listen NAME ARGS…: parlo-cli listen --json in the background on $PORT; sets CLI
listen() {
    local name=$1; shift
    PORT=$(free_port) || exit 1
    "$PARLO_CLI" listen --json --listen "127.0.0.1:$PORT" "$@" >"$RUN/$name.out" 2>"$RUN/$name.err" &
    CLI=$!
    on_exit "kill -9 $CLI"
    wait_for "$RUN/$name.out" '"event":"listening"' 5 || fail "$name: parlo-cli did not start listening"
}
# uac NAME SCENARIO ARGS…: SIPp caller towards $PORT; sets SIPP_RC
uac() {
    local name=$1 scenario=$2; shift 2
    local sp; sp=$(free_port 2) || exit 1
    timeout 20 sipp "127.0.0.1:$PORT" -sf "$SIPP_DIR/$scenario" -i 127.0.0.1 -p "$sp" -mp $((sp + 1)) -s alice \
        -m 1 -nostdin -trace_msg -message_file "$RUN/$name.sipp.msg" -trace_err -error_file "$RUN/$name.sipp.err" \
        "$@" >"$RUN/$name.sipp.out" 2>&1
    SIPP_RC=$?
}

for status in 486 603; do
    if [ $status = 486 ]; then listen reject$status --reject --max-calls 1
    else listen reject$status --reject=$status --max-calls 1; fi
    uac reject$status call_uac_rejected.xml
    check "--reject: SIPp got $status and sent the ACK (rc $SIPP_RC)" test $SIPP_RC -eq 0
    check "--reject: SIPp saw $status" grep -q "^SIP/2.0 $status" "$RUN/reject$status.sipp.msg"
    wait_pid $CLI 5; CLI_RC=$WAIT_RC
    check "--reject: exit 0 after --max-calls 1 (rc $CLI_RC)" test $CLI_RC -eq 0
    check "--reject: incoming, then ended as declined with $status" \
        grep -q "\"event\":\"ended\".*\"reason\":\"declined\".*\"status\":$status" "$RUN/reject$status.out"
done

listen sigint --auto-answer
uac sigint call_uac_wait_bye.xml &
UAC=$!
wait_for "$RUN/sigint.out" '"event":"dtmf"' 10 || fail "sigint: no dtmf event"
check "INFO digit reported" grep -q '"digit":"7","duration_ms":200,"event":"dtmf".*"via":"info"' "$RUN/sigint.out"
START=$(date +%s%N)
kill -INT $CLI
wait_pid $CLI 5; CLI_RC=$WAIT_RC
MS=$((($(date +%s%N) - START) / 1000000))
check "SIGINT: exit 0 (rc $CLI_RC)" test $CLI_RC -eq 0
check "SIGINT: exited within 2 s (${MS} ms)" test $MS -lt 2000
check "SIGINT: the call ended by us" grep -q '"event":"ended".*"reason":"hangup_local"' "$RUN/sigint.out"
wait_pid $UAC 20; SIPP_RC=$WAIT_RC
check "SIGINT: SIPp got our BYE (rc $SIPP_RC)" test $SIPP_RC -eq 0

listen two --auto-answer --hangup-after 0.5 --max-calls 2 --record "$RUN/two.wav"
uac two1 call_uac_wait_bye.xml
check "two calls: first hung up by us after --hangup-after (rc $SIPP_RC)" test $SIPP_RC -eq 0
uac two2 call_uac_wait_bye.xml
check "two calls: second hung up by us (rc $SIPP_RC)" test $SIPP_RC -eq 0
wait_pid $CLI 5; CLI_RC=$WAIT_RC
check "two calls: exit 0 after --max-calls 2 (rc $CLI_RC)" test $CLI_RC -eq 0
check "two calls: two recordings, the second numbered" test -s "$RUN/two.wav" -a -s "$RUN/two-2.wav"
check "two calls: call numbers 1 and 2" test "$(json_events "$RUN/two.out" ended | grep -c '"reason":"hangup_local"')" -eq 2
finish
