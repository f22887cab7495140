#!/bin/bash
# Message-waiting indication (RFC 3842) through Kamailio's presence_mwi: parlo-cli listen registers
# alice and subscribes to message-summary for her own AOR; a PUBLISH of alice's message summary
# (SIPp: Voice-Message 2/8) makes listen report 2 new / 8 old. SIGTERM un-subscribes and unregisters.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
echo alicepw >"$RUN/alice.pw"
SP=$(free_port) || exit 1

timeout 60 "$PARLO_CLI" listen --json --aor "sip:alice@$K" --proxy "sip:$K:$KAM_PORT" --password-file "$RUN/alice.pw" \
    --listen 127.0.0.1:0 --log-sip "$RUN/listen.sip" >"$RUN/listen.out" 2>"$RUN/listen.err" &
CLI=$!
on_exit "kill $CLI"
check "listen registers alice" wait_for "$RUN/listen.out" '"event":"registered"' 10
check "listen subscribes to message-summary" wait_for "$RUN/listen.sip" '^Event: message-summary' 10
check "Kamailio accepts it (first NOTIFY)" wait_for "$RUN/listen.sip" '^NOTIFY sip:alice@' 15

timeout 30 sipp "$K:$KAM_PORT" -sf "$HERE/sipp/pres_publish_mwi.xml" -i 127.0.0.1 -p "$SP" -m 1 -nostdin -s alice \
    -au alice -ap alicepw >"$RUN/mwi.sipp.out" 2>&1
check "PUBLISH of alice's message summary (SIPp) accepted" test $? -eq 0
check "listen reports 2 new / 8 old voice messages" \
    wait_for "$RUN/listen.out" '"event":"mwi","new":2,"old":8,"time":"[^"]*","waiting":true' 15

kill -TERM $CLI
wait_pid $CLI 5
check "SIGTERM: listen exits 0" test "$WAIT_RC" -eq 0
check "un-SUBSCRIBE of message-summary sent" \
    bash -c "grep -B3 -A12 '^SUBSCRIBE ' '$RUN/listen.sip' | grep -q '^Expires: 0'"
check "unregistered" grep -q '"event":"unregistered"' "$RUN/listen.out"
finish
