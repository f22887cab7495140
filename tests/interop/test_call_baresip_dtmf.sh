#!/bin/bash
# DTMF both ways between parlo-cli and baresip (RFC 4733 telephone-events, PCMU, SRTP): our
# --dtmf 123# shows up as baresip CALL_DTMF_START events, baresip's sndcode 4, 5, *, 9 as our dtmf
# events.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

baresip_up bob "$(bob_account pcmu mandatory)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
alice_call_bg() {
    timeout 30 "$PARLO_CLI" call "${ALICE[@]}" --log-sip "$RUN/dtmf.sip" "$@" >"$RUN/dtmf.out" 2>"$RUN/dtmf.err" &
    CLI_PID=$!
    on_exit "kill $CLI_PID"
}
alice_call_bg sip:bob@127.0.0.1 --codecs pcmu --srtp mandatory --dtmf '123#' --dtmf-delay 500 --hangup-after 5
wait_for "$RUN/dtmf.out" '"event":"answered"' 10 || fail "call not answered"
sleep 2.5 # after our digits, so the two directions do not overlap
for d in 4 5 '*' 9; do
    baresip_cmd sndcode "$d"
    sleep 0.3
done
wait $CLI_PID
CLI_RC=$?
baresip_down
check "exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
GOT=$(baresip_events CALL_DTMF_START | grep -o '"param":"[^"]*"' | cut -d'"' -f4 | tr -d '\n')
check "baresip received 123# (got '$GOT')" test "$GOT" = '123#'
check "we sent the digits as RFC 4733 events" test "$(json_events "$RUN/dtmf.out" dtmf_sent | grep -c '"via":"rtp"')" -eq 4
GOT=$(json_events "$RUN/dtmf.out" dtmf | grep -o '"digit":"[^"]*"' | cut -d'"' -f4 | tr -d '\n')
check "we received 45*9 from baresip (got '$GOT')" test "$GOT" = '45*9'
finish
