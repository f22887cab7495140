#!/bin/bash
# Calls baresip does not answer (answermode=manual): rejecting with /hangup gives parlo-cli a 486
# (exit 1, status on stderr); SIGINT while baresip rings CANCELs the call (exit 5) and baresip
# closes it.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

baresip_up bob "$(bob_account pcmu off manual)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
timeout 30 "$PARLO_CLI" call "${ALICE[@]}" --log-sip "$RUN/busy.sip" sip:bob@127.0.0.1 --codecs pcmu --srtp off \
    >"$RUN/busy.out" 2>"$RUN/busy.err" &
CLI_PID=$!
on_exit "kill $CLI_PID"
wait_for "$BS_EVENTS" '"type":"CALL_INCOMING"' 10 || fail "busy: baresip saw no incoming call"
wait_for "$RUN/busy.out" '"event":"ringing"' 5 || fail "busy: no ringing event"
baresip_cmd hangup
wait $CLI_PID
CLI_RC=$?
check "busy: exit 1 (rc $CLI_RC)" test "$CLI_RC" -eq 1
check "busy: stderr names 486 ($(head -c 200 "$RUN/busy.err"))" grep -q '486' "$RUN/busy.err"
check "busy: ended with status 486" grep -q '"event":"ended".*"status":486' "$RUN/busy.out"

N0=$(wc -l <"$BS_EVENTS")
timeout 30 "$PARLO_CLI" call "${ALICE[@]}" --log-sip "$RUN/cancel.sip" sip:bob@127.0.0.1 --codecs pcmu --srtp off \
    >"$RUN/cancel.out" 2>"$RUN/cancel.err" &
CLI_PID=$!
on_exit "kill $CLI_PID"
wait_for "$RUN/cancel.out" '"event":"ringing"' 10 || fail "cancel: no ringing event"
sleep 0.5
kill -INT $CLI_PID
wait $CLI_PID
CLI_RC=$?
sleep 0.5
baresip_down
check "cancel: exit 5, cancelled before the answer (rc $CLI_RC)" test "$CLI_RC" -eq 5
check "cancel: CANCEL sent, 487 received" bash -c "grep -q '^CANCEL ' '$RUN/cancel.sip' && grep -q 'SIP/2.0 487' '$RUN/cancel.sip'"
check "cancel: baresip closed the ringing call" bash -c "tail -n +$((N0 + 1)) '$BS_EVENTS' | grep -q '\"type\":\"CALL_CLOSED\"'"
finish
