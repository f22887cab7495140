#!/bin/bash
# Blind transfer (RFC 3515), carol being a SIPp UAS that answers and hangs up after 1 s.
# 1. parlo-cli as transferor: parlo-cli calls baresip (bob) through Kamailio, then REFERs bob to
#    carol. baresip calls carol, reports the progress in NOTIFYs (message/sipfrag), and parlo-cli
#    ends its own call once carol answered.
# 2. parlo-cli as transferee: bob calls parlo-cli and transfers it to carol (registered at
#    Kamailio, echoing our audio); parlo-cli calls carol, reports to bob, hangs up bob's call once
#    carol answered, and hangs up carol's after 3 s.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

baresip_up bob "$(bob_account pcmu off)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
CAROL_PORT=$(free_port) || { fail "no free port"; finish; }
sipp_bg carol "$CAROL_PORT" -sf "$HERE/sipp/call_uas_bye.xml" -mp "$(free_port)" ||
    { fail "SIPp (carol) did not start"; finish; }
CAROL=sip:carol@127.0.0.1:$CAROL_PORT
alice_call transfer sip:bob@127.0.0.1 --codecs pcmu --srtp off --play "$RUN/tone1k.wav" \
    --transfer-to "$CAROL" --transfer-after 1.5 --hangup-after 20
wait_pid "$SIPP_PID" 10
SIPP_RC=$WAIT_RC
baresip_down
check "exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "answered by bob" grep -q '"event":"answered"' "$RUN/transfer.out"
check "REFER sent to bob with Refer-To carol" grep -q "^Refer-To: <\?$CAROL" "$RUN/transfer.sip"
check "bob accepted the REFER (202)" grep -q '^SIP/2.0 202' "$RUN/transfer.sip"
check "progress from bob's NOTIFY (sipfrag)" grep -q '"event":"transfer_progress"' "$RUN/transfer.out"
check "transferred event" grep -q '"event":"transferred"' "$RUN/transfer.out"
check "the call ended after the transfer, well before --hangup-after" \
    python3 -c "import json,sys; e=[json.loads(l) for l in open(sys.argv[1]) if l.startswith('{')]; d=[x for x in e if x.get('event')=='ended'][0]; sys.exit(0 if d['duration_s'] < 10 else 1)" "$RUN/transfer.out"
check "carol received bob's INVITE and the call completed (SIPp rc $SIPP_RC)" test "$SIPP_RC" -eq 0
check "carol's INVITE came from bob" grep -q '^From:.*bob@' "$RUN/carol.sipp.msg"

baresip_up bob2 "$(bob_account pcmu off)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
# carol registers at Kamailio this time: parlo-cli calls her AOR through its proxy, as a softphone
# with an account does.
CAROL_PORT=$(free_port) || { fail "no free port"; finish; }
timeout 20 sipp "127.0.0.1:$KAM_PORT" -sf "$HERE/sipp/call_register.xml" -i 127.0.0.1 -p "$(free_port)" -s carol \
    -au carol -ap carolpw -key contact "sip:carol@127.0.0.1:$CAROL_PORT" -m 1 -nostdin >"$RUN/reg.sipp.out" 2>&1
check "SIPp registered carol at 127.0.0.1:$CAROL_PORT" test $? -eq 0
sipp_bg carol2 "$CAROL_PORT" -sf "$HERE/sipp/call_uas_echo.xml" -mp "$(free_port)" -rtp_echo ||
    { fail "SIPp (carol) did not start"; finish; }
CAROL=sip:carol@127.0.0.1
alice_listen transferee --auto-answer --max-calls 2 --codecs pcmu --srtp off --play "$RUN/tone1k.wav" \
    --record "$RUN/transferee.wav" --hangup-after 3 ||
    fail "parlo-cli did not register"
baresip_cmd dial sip:alice@127.0.0.1:$KAM_PORT
wait_for "$RUN/transferee.out" '"event":"answered"' 10 || fail "parlo-cli did not answer bob"
sleep 1
baresip_cmd transfer "$CAROL"
wait_pid "$CLI_PID" 15
CLI_RC=$WAIT_RC
wait_pid "$SIPP_PID" 5
SIPP_RC=$WAIT_RC
baresip_down
check "transferee: exit 0 after both calls (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "transferee: REFER from bob accepted (202)" grep -q '^SIP/2.0 202' "$RUN/transferee.sip"
check "transferee: transfer_requested to carol" \
    grep -q "\"event\":\"transfer_requested\".*\"to\":\"$CAROL\"" "$RUN/transferee.out"
check "transferee: carol answered call 2" grep -q '"call":2.*"event":"answered"\|"event":"answered".*"call":2' \
    "$RUN/transferee.out"
check "transferee: bob's call hung up by us" \
    grep -q '"call":1.*"event":"ended".*"reason":"hangup_local"\|"event":"ended".*"call":1.*"reason":"hangup_local"' \
    "$RUN/transferee.out"
check "transferee: carol's INVITE came from alice" grep -q '^From:.*alice@' "$RUN/carol2.sipp.msg"
check "transferee: our BYE ended carol's call (SIPp rc $SIPP_RC)" test "$SIPP_RC" -eq 0
check "transferee: carol's call (call 2) was hung up by us" \
    grep -q '"call":2.*"event":"ended".*"reason":"hangup_local"' "$RUN/transferee.out"
check "transferee: our tone came back from carol" tone_in "$RUN/transferee-2.wav" 1000
finish
