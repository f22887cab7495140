#!/bin/bash
# Media-level call events against SIPp callees: one-way audio (SIPp answers but sends no RTP: the
# one_way_audio event fires once the call is answered), and hold/resume by the callee (re-INVITE
# a=sendonly answered a=recvonly, then a=sendrecv; held/resumed events "by remote"), and early
# media (183 with SDP: early_media before answered, our audio already echoed back).
source "$(dirname "$0")/lib.sh"
SIPP_DIR=$HERE/sipp

cli() {
    local name=$1; shift
    timeout 30 "$PARLO_CLI" call --json --listen 127.0.0.1:0 --codecs pcmu "$@" >"$RUN/$name.out" 2>"$RUN/$name.err"
    CLI_RC=$?
}

# ---- no RTP from the callee
P=$(free_port 2) || exit 1
sipp_bg oneway "$P" -sf "$SIPP_DIR/call_uas_echo.xml" -mp $((P + 1)) || { fail "SIPp did not start"; finish; }
cli oneway "sip:bob@127.0.0.1:$P" --hangup-after 3.5
check "one-way: exit 0 (rc $CLI_RC)" test $CLI_RC -eq 0
check "one-way: one_way_audio reported" grep -q '"active":true,"call":1,"event":"one_way_audio"' "$RUN/oneway.out"
check "one-way: final stats show nothing received" grep -q '"event":"stats","final":true.*"packets_received":0' "$RUN/oneway.out"
wait_pid "$SIPP_PID" 10
check "one-way: SIPp got the BYE (rc $WAIT_RC)" test $WAIT_RC -eq 0

# ---- the callee holds and resumes
P=$(free_port 2) || exit 1
sipp_bg hold "$P" -sf "$SIPP_DIR/call_uas_hold.xml" -mp $((P + 1)) -rtp_echo || { fail "SIPp did not start"; finish; }
cli hold "sip:bob@127.0.0.1:$P"
check "hold: exit 0 after the callee hung up (rc $CLI_RC)" test $CLI_RC -eq 0
check "hold: held by remote" grep -q '"by":"remote","call":1,"event":"held"' "$RUN/hold.out"
check "hold: resumed by remote" grep -q '"by":"remote","call":1,"event":"resumed"' "$RUN/hold.out"
check "hold: no one-way-audio alarm while held" test "$(json_events "$RUN/hold.out" one_way_audio | grep -c '"active":true')" -eq 0
wait_pid "$SIPP_PID" 10
check "hold: SIPp saw recvonly, then sendrecv in our answers (rc $WAIT_RC)" test $WAIT_RC -eq 0
# Direction lines of the 200s in the trace (SIPp's own first 200 has none).
ANS=$(awk '/^(SIP\/2.0|[A-Z]+ sip:)/{r = ($0 ~ /^SIP\/2.0 200/)} r && /^a=(sendrecv|sendonly|recvonly|inactive)/{print $1}' \
    "$RUN/hold.sipp.msg" | tr -d '\r' | tr '\n' ' ')
check "hold: our answers were recvonly then sendrecv ($ANS)" test "$ANS" = "a=recvonly a=sendrecv "
# ---- early media
python3 "$HERE/tone.py" gen "$RUN/tone1k.wav" 1000 3 8000 || exit 1
P=$(free_port 2) || exit 1
sipp_bg early "$P" -sf "$SIPP_DIR/call_uas_early.xml" -mp $((P + 1)) -rtp_echo || { fail "SIPp did not start"; finish; }
cli early "sip:bob@127.0.0.1:$P" --hangup-after 0.5 --play "$RUN/tone1k.wav" --record "$RUN/early.wav"
check "early: exit 0 (rc $CLI_RC)" test $CLI_RC -eq 0
check "early: ringing 183, then early_media, then answered" \
    test "$(grep -o '"event":"[a-z_]*"' "$RUN/early.out" | sed -n '3,5p' | tr '\n' ' ')" = \
    '"event":"ringing" "event":"early_media" "event":"answered" '
check "early: our tone came back" python3 "$HERE/tone.py" check "$RUN/early.wav" 1000 500
# 1 s of early media + 0.5 s answered: a recording started only at the answer would be ~0.5 s.
check "early: the recording covers the early media too" \
    python3 -c "import wave,sys; w=wave.open('$RUN/early.wav'); sys.exit(0 if w.getnframes()/w.getframerate() > 1.2 else 1)"
wait_pid "$SIPP_PID" 10
check "early: SIPp got ACK and BYE (rc $WAIT_RC)" test $WAIT_RC -eq 0
finish
