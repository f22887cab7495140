#!/bin/bash
# baresip puts parlo-cli's call on hold and resumes it (re-INVITEs): parlo-cli reports held and
# resumed by the remote side, stops sending RTP while held and sends again after the resume.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

baresip_up bob "$(bob_account pcmu off)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
timeout 30 "$PARLO_CLI" call "${ALICE[@]}" --log-sip "$RUN/hold.sip" sip:bob@127.0.0.1 --codecs pcmu --srtp off \
    --play "$RUN/tone1k.wav" --hangup-after 10 --stats-interval 0.5 >"$RUN/hold.out" 2>"$RUN/hold.err" &
CLI_PID=$!
on_exit "kill $CLI_PID"
wait_for "$RUN/hold.out" '"event":"answered"' 10 || fail "call not answered"
sleep 1.5
baresip_cmd hold
wait_for "$RUN/hold.out" '"event":"held"' 5 || fail "no held event within 5 s"
sleep 1.5 # the stats counters lag by up to 1 s
sent() { json_events "$RUN/hold.out" stats | tail -1 | grep -o '"packets_sent":[0-9]*' | cut -d: -f2; }
S1=$(sent)
sleep 1.5
S2=$(sent)
baresip_cmd resume
wait_for "$RUN/hold.out" '"event":"resumed"' 5 || fail "no resumed event within 5 s"
sleep 2
S3=$(sent)
wait $CLI_PID
CLI_RC=$?
baresip_down
check "exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "held by the remote side" grep -q '"by":"remote".*"event":"held"\|"event":"held".*"by":"remote"' "$RUN/hold.out"
check "resumed by the remote side" grep -q '"by":"remote".*"event":"resumed"\|"event":"resumed".*"by":"remote"' "$RUN/hold.out"
check "no RTP sent while held (packets_sent ${S1:-?} -> ${S2:-?} over 1.5 s)" test -n "$S1" -a "${S1:-0}" = "${S2:-x}"
check "RTP flows again after resume (packets_sent ${S2:-?} -> ${S3:-?} over 2 s, want > 40 more)" \
    test -n "$S3" -a "${S3:-0}" -gt "$((${S2:-0} + 40))"
finish
