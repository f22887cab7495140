#!/bin/bash
# A call through a real Kamailio proxy: parlo-cli registers alice, calls bob (a SIPp callee that
# registered its address), answers Kamailio's 407 challenge with alice's credentials, and sends
# ACK and BYE along the Record-Route. SIPp echoes the audio: our 1 kHz tone comes back.
source "$(dirname "$0")/lib.sh"
SIPP_DIR=$HERE/sipp
kamailio_up
python3 "$HERE/tone.py" gen "$RUN/tone1k.wav" 1000 3 8000 || exit 1

BP=$(free_port 2) || exit 1
RP=$(free_port) || exit 1
timeout 20 sipp "127.0.0.1:$KAM_PORT" -sf "$SIPP_DIR/call_register.xml" -i 127.0.0.1 -p "$RP" -s bob -au bob \
    -ap bobpw -key contact "sip:bob@127.0.0.1:$BP" -m 1 -nostdin >"$RUN/reg.sipp.out" 2>&1
check "SIPp registered bob at 127.0.0.1:$BP" test $? -eq 0
sipp_bg bob "$BP" -sf "$SIPP_DIR/call_uas_echo.xml" -mp $((BP + 1)) -rtp_echo || { fail "SIPp callee did not start"; finish; }

PARLO_PASSWORD=alicepw timeout 30 "$PARLO_CLI" call sip:bob@127.0.0.1 --json --aor sip:alice@127.0.0.1 \
    --proxy "sip:127.0.0.1:$KAM_PORT" --listen 127.0.0.1:0 --log-sip "$RUN/sip.log" --codecs pcmu,pcma \
    --srtp off --play "$RUN/tone1k.wav" --record "$RUN/echo.wav" --hangup-after 2 \
    >"$RUN/call.out" 2>"$RUN/call.err"
CLI_RC=$?
check "call through Kamailio: exit 0 (rc $CLI_RC; $(head -c 300 "$RUN/call.err"))" test $CLI_RC -eq 0
check "registered before calling" grep -q '"event":"registered"' "$RUN/call.out"
check "answered" grep -q '"event":"answered"' "$RUN/call.out"
check "Kamailio challenged the INVITE with 407" grep -q '^SIP/2.0 407' "$RUN/sip.log"
check "the second INVITE carried Proxy-Authorization" grep -q '^Proxy-Authorization: Digest username="alice"' "$RUN/sip.log"
wait "$SIPP_PID"; SIPP_RC=$?
check "SIPp callee got INVITE, ACK and BYE through the proxy (rc $SIPP_RC)" test $SIPP_RC -eq 0
check "the BYE came through Kamailio (Record-Route honoured)" \
    bash -c "awk '/^BYE /{b=1} b && /^Via:/{print}' '$RUN/bob.sipp.msg' | grep -q ':$KAM_PORT'"
check "our 1 kHz tone came back" python3 "$HERE/tone.py" check "$RUN/echo.wav" 1000 500
check "alice unregistered on exit" test -z "$(kamailio_contacts alice)"
finish
