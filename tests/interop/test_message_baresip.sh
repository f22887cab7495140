#!/bin/bash
# Instant messages (RFC 3428 MESSAGE) both ways between parlo-cli (alice) and baresip (bob) through
# Kamailio: parlo-cli message exits 0 once bob's baresip answered 2xx;
# baresip's message to alice is printed by parlo-cli listen as a message event. A message to carol,
# who is not registered, fails with the status Kamailio gives (404) and exit 1.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"
K=127.0.0.1

baresip_up bob "$(bob_account pcmu off auto)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
# baresip sends messages to its "current contact": alice (through Kamailio's port), loaded with the
# contact module.
echo "\"Alice\" <sip:alice@$K:$KAM_PORT>" >"$BS_DIR/contacts"
baresip_cmd insmod contact.so
check "baresip loaded the contact module" wait_for "$BS_DIR/baresip.log" 'Populated 1 contact' 10

# parlo-cli -> baresip
text="hello bob, this is parlo $RANDOM"
timeout 40 "$PARLO_CLI" message "sip:bob@$K" "$text" "${ALICE[@]}" --log-sip "$RUN/msg.sip" >"$RUN/msg.out" 2>"$RUN/msg.err"
rc=$?
cat "$RUN/msg.out" "$RUN/msg.err"
check "message to bob exits 0" test $rc -eq 0
check "message_sent event with status 200" grep -q '"event":"message_sent","status":200' "$RUN/msg.out"
check "MESSAGE answered the 407" grep -q '^Proxy-Authorization: Digest' "$RUN/msg.sip"
# baresip 1.0 shows received messages only on a console UI; the 200 naming it is the proof.
check "baresip answered the MESSAGE (200 from baresip)" \
    bash -c "grep -A12 '^SIP/2.0 200' '$RUN/msg.sip' | grep -q '^Server: baresip'"

# baresip -> parlo-cli listen
alice_listen listen || fail "listen did not register"
reply="hi alice, bob here $RANDOM"
baresip_cmd message "$reply"
check "listen prints bob's message" \
    wait_for "$RUN/listen.out" "\"event\":\"message\",\"from\":\"sip:bob@127.0.0.1(:$KAM_PORT)?\",\"name\":\"[^\"]*\",\"text\":\"$reply\"" 10
check "listen answered the MESSAGE 200" grep -q '^SIP/2.0 200 OK' "$RUN/listen.sip"

# to an offline user
timeout 40 "$PARLO_CLI" message "sip:carol@$K" "are you there?" "${ALICE[@]}" >"$RUN/carol.out" 2>"$RUN/carol.err"
rc=$?
cat "$RUN/carol.out" "$RUN/carol.err"
check "message to offline carol exits 1" test $rc -eq 1
check "the failure names the status" grep -q "^message to sip:carol@127.0.0.1 failed: 404 Not Found" "$RUN/carol.err"
check "message_failed event with status 404" grep -q '"event":"message_failed".*"status":404' "$RUN/carol.out"

kill -TERM $CLI_PID
wait_pid $CLI_PID 5
check "listen exits 0 on SIGTERM" test "$WAIT_RC" -eq 0
baresip_down
finish
