#!/bin/bash
# Calls from parlo-cli to SIPp callees on loopback: an answered call whose audio SIPp echoes back
# (our 1 kHz --play comes back in --record), DTMF by SIP INFO (SIPp offers no telephone-event),
# BYE from the callee, 486 Busy Here, CANCEL while ringing (SIGINT), a 302 redirect to a second
# callee, nobody listening (exit 3), and a forked INVITE answered twice.
source "$(dirname "$0")/lib.sh"
SIPP_DIR=$HERE/sipp
python3 "$HERE/tone.py" gen "$RUN/tone1k.wav" 1000 4 8000 || exit 1

# cli NAME ARGS…: parlo-cli --json call … with output in $RUN/NAME.out / .err; sets CLI_RC
cli() {
    local name=$1; shift
    timeout 30 "$PARLO_CLI" call --json --listen 127.0.0.1:0 "$@" >"$RUN/$name.out" 2>"$RUN/$name.err"
    CLI_RC=$?
}
sipp_wait() { wait "$SIPP_PID"; SIPP_RC=$?; }

# ---- answered call, echo, hang-up by us, DTMF by INFO
P=$(free_port 3) || exit 1
sipp_bg echo "$P" -sf "$SIPP_DIR/call_uas_echo.xml" -mp $((P + 1)) -rtp_echo || { fail "SIPp did not start"; finish; }
cli echo "sip:bob@127.0.0.1:$P" --codecs pcmu --srtp off --play "$RUN/tone1k.wav" --record "$RUN/echo.wav" \
    --hangup-after 2 --dtmf 5# --dtmf-delay 300
check "echo: exit 0 after an answered call we hung up (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "echo: answered with PCMU, no SRTP" grep -q '"codec":"PCMU/8000".*"event":"answered".*"srtp":false' "$RUN/echo.out"
check "echo: ended by us" grep -q '"event":"ended".*"reason":"hangup_local"' "$RUN/echo.out"
check "echo: DTMF sent by INFO" test "$(json_events "$RUN/echo.out" dtmf_sent | grep -c '"via":"info"')" -eq 2
check "echo: final stats with packets both ways" \
    grep -Eq '"event":"stats".*"final":true.*"packets_received":[1-9]' "$RUN/echo.out"
sipp_wait
check "echo: SIPp saw INVITE/ACK/INFO×2/BYE (rc $SIPP_RC)" test "$SIPP_RC" -eq 0
check "echo: INFO bodies Signal=5 and Signal=#" \
    bash -c "grep -q '^Signal=5' '$RUN/echo.sipp.msg' && grep -q '^Signal=#' '$RUN/echo.sipp.msg'"
check "echo: our 1 kHz tone came back" python3 "$HERE/tone.py" check "$RUN/echo.wav" 1000 500

# ---- the callee hangs up
P=$(free_port 2) || exit 1
sipp_bg bye "$P" -sf "$SIPP_DIR/call_uas_bye.xml" -mp $((P + 1)) || { fail "SIPp did not start"; finish; }
cli bye "sip:bob@127.0.0.1:$P"
check "bye: exit 0 when the callee hangs up (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "bye: ended by the other side" grep -q '"event":"ended".*"reason":"hangup_remote"' "$RUN/bye.out"
sipp_wait
check "bye: SIPp got 200 for its BYE (rc $SIPP_RC)" test "$SIPP_RC" -eq 0

# ---- busy
P=$(free_port) || exit 1
sipp_bg busy "$P" -sf "$SIPP_DIR/call_uas_busy.xml" || { fail "SIPp did not start"; finish; }
cli busy "sip:bob@127.0.0.1:$P"
check "busy: exit 1 (rc $CLI_RC)" test "$CLI_RC" -eq 1
check "busy: stderr names the status" grep -qx 'call failed: 486 Busy Here' "$RUN/busy.err"
check "busy: ended event with status 486" grep -q '"event":"ended".*"reason":"busy".*"status":486' "$RUN/busy.out"
sipp_wait
check "busy: SIPp got the ACK (rc $SIPP_RC)" test "$SIPP_RC" -eq 0

# ---- CANCEL while ringing (SIGINT)
P=$(free_port) || exit 1
sipp_bg cancel "$P" -sf "$SIPP_DIR/call_uas_cancel.xml" || { fail "SIPp did not start"; finish; }
timeout 30 "$PARLO_CLI" call --json --listen 127.0.0.1:0 "sip:bob@127.0.0.1:$P" >"$RUN/cancel.out" 2>"$RUN/cancel.err" &
CLI=$!
on_exit "kill -9 $CLI"
wait_for "$RUN/cancel.out" '"event":"ringing"' 10 || fail "cancel: never rang"
START=$(date +%s%N)
kill -INT $CLI
wait $CLI; CLI_RC=$?
MS=$((($(date +%s%N) - START) / 1000000))
check "cancel: exit 5 (cancelled before the answer, rc $CLI_RC)" test "$CLI_RC" -eq 5
check "cancel: exited within 2 s of SIGINT (${MS} ms)" test "$MS" -lt 2000
sipp_wait
check "cancel: SIPp got CANCEL, sent 487, got the ACK (rc $SIPP_RC)" test "$SIPP_RC" -eq 0
check "cancel: 487 seen" grep -q '^SIP/2.0 487' "$RUN/cancel.sipp.msg"

# ---- 302 redirect to a second callee
P1=$(free_port) || exit 1
P2=$(free_port 2) || exit 1
sipp_bg redirect_b "$P2" -sf "$SIPP_DIR/call_uas_echo.xml" -mp $((P2 + 1)) || { fail "SIPp B did not start"; finish; }
B=$SIPP_PID
sipp_bg redirect_a "$P1" -sf "$SIPP_DIR/call_uas_redirect.xml" -key target "sip:carol@127.0.0.1:$P2" \
    || { fail "SIPp A did not start"; finish; }
A=$SIPP_PID
cli redirect "sip:bob@127.0.0.1:$P1" --hangup-after 1
check "redirect: exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "redirect: one answered call" test "$(json_events "$RUN/redirect.out" answered | wc -l)" -eq 1
wait $A; RC_A=$?
wait $B; RC_B=$?
check "redirect: first callee sent 302 and got the ACK (rc $RC_A)" test $RC_A -eq 0
check "redirect: second callee got INVITE for carol, ACK, BYE (rc $RC_B)" test $RC_B -eq 0
check "redirect: the second INVITE went to the Contact" grep -q "^INVITE sip:carol@127.0.0.1:$P2" "$RUN/redirect_b.sipp.msg"

# ---- nobody there: TCP connection refused, unknown domain
P=$(free_port) || exit 1
cli refused "sip:bob@127.0.0.1:$P;transport=tcp"
check "refused: exit 3, not reachable (rc $CLI_RC)" test "$CLI_RC" -eq 3
check "refused: stderr names the target" grep -qx "call failed: cannot connect or send to sip:bob@127.0.0.1:$P;transport=tcp" "$RUN/refused.err"
cli nodns "sip:bob@parlo-test.invalid"
check "unknown domain: exit 3 (rc $CLI_RC)" test "$CLI_RC" -eq 3
check "unknown domain: stderr names the DNS step" grep -qx "call failed: DNS: cannot resolve sip:bob@parlo-test.invalid" "$RUN/nodns.err"

# ---- forked INVITE answered twice
P=$(free_port 2) || exit 1
sipp_bg fork "$P" -sf "$SIPP_DIR/call_uas_fork.xml" -mp $((P + 1)) || { fail "SIPp did not start"; finish; }
cli fork "sip:bob@127.0.0.1:$P" --hangup-after 1
check "fork: exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "fork: exactly one call answered" test "$(json_events "$RUN/fork.out" answered | wc -l)" -eq 1
sipp_wait
check "fork: SIPp got two ACKs and two BYEs (rc $SIPP_RC)" test "$SIPP_RC" -eq 0
ACKS=$(grep -E '^To: .*tag=fork[AB]' "$RUN/fork.sipp.msg" | sort | uniq -c | wc -l)
check "fork: both dialogs were addressed" test "$ACKS" -ge 2
BYE_TAGS=$(awk '/^BYE /{b=1} b && /^To:/{print; b=0}' "$RUN/fork.sipp.msg" | grep -o 'tag=fork[AB]' | tr '\n' ' ')
check "fork: BYE to the second dialog first, then to the kept one ($BYE_TAGS)" test "$BYE_TAGS" = "tag=forkB tag=forkA "
finish
