#!/bin/bash
# listen --presence: bob publishes "available" (with a note) as long as he is registered; a call
# makes him "on-the-phone" for watchers and its end makes him available again; SIGTERM removes his
# publication (PUBLISH Expires: 0) along with hanging up and un-registering. A parlo-cli watcher
# (alice) follows him through Kamailio's presence server; carol calls him through Kamailio.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
PROXY=(--proxy "sip:$K:$KAM_PORT" --listen 127.0.0.1:0)

PARLO_PASSWORD=bobpw timeout 90 "$PARLO_CLI" listen --presence available --note "at my desk" --auto-answer=200 \
    --json --aor "sip:bob@$K" "${PROXY[@]}" --log-sip "$RUN/bob.sip" --codecs pcmu --srtp off \
    >"$RUN/bob.out" 2>"$RUN/bob.err" &
BOB=$!
on_exit "kill $BOB"
check "bob registered" wait_for "$RUN/bob.out" '"event":"registered"' 10
check "bob published available" wait_for "$RUN/bob.out" '"event":"published".*"state":"available"' 10

PARLO_PASSWORD=alicepw timeout 90 "$PARLO_CLI" watch "sip:bob@$K" --events presence --json --aor "sip:alice@$K" \
    "${PROXY[@]}" --log-sip "$RUN/watch.sip" >"$RUN/watch.out" 2>"$RUN/watch.err" &
WATCH=$!
on_exit "kill $WATCH"
check "watcher sees bob available with his note" \
    wait_for "$RUN/watch.out" '"event":"presence","note":"at my desk","state":"available"' 15

PARLO_PASSWORD=carolpw timeout 40 "$PARLO_CLI" call "sip:bob@$K" --json --aor "sip:carol@$K" "${PROXY[@]}" \
    --codecs pcmu --srtp off --hangup-after 4 >"$RUN/carol.out" 2>"$RUN/carol.err" &
CAROL=$!
on_exit "kill $CAROL"
check "bob answered carol" wait_for "$RUN/bob.out" '"event":"answered"' 15
check "bob published on-the-phone during the call" \
    wait_for "$RUN/bob.out" '"event":"published".*"state":"on-the-phone"' 10
check "watcher sees bob on the phone" wait_for "$RUN/watch.out" '"event":"presence".*"state":"on-the-phone"' 15
wait_pid $CAROL 30
check "carol's call ended normally (rc $WAIT_RC)" test "$WAIT_RC" -eq 0
check "watcher sees bob available again: available, on-the-phone, available" \
    bash -c "for _ in \$(seq 100); do [ \"\$(grep -o '\"state\":\"[a-z-]*\"' '$RUN/watch.out' | tr '\n' ' ')\" = \
'\"state\":\"available\" \"state\":\"on-the-phone\" \"state\":\"available\" ' ] && exit 0; sleep 0.1; done; exit 1"

kill -TERM $BOB
wait_pid $BOB 10
check "bob exits 0 on SIGTERM (rc $WAIT_RC)" test "$WAIT_RC" -eq 0
check "bob removed his publication (Expires: 0 with SIP-If-Match)" \
    bash -c "grep -A14 '^PUBLISH ' '$RUN/bob.sip' | grep -q '^Expires: 0' && grep -q '^SIP-If-Match: ' '$RUN/bob.sip'"
check "removal reported" grep -q '"event":"unpublished"' "$RUN/bob.out"
check "bob unregistered" test -z "$(kamailio_contacts bob)"
kill -TERM $WATCH
wait_pid $WATCH 5

out=$("$PARLO_CLI" call sip:bob@$K --presence away 2>&1); rc=$?
check "--presence outside listen is a usage error" test $rc -eq 2
out=$("$PARLO_CLI" listen --presence sleeping --aor "sip:bob@$K" 2>&1); rc=$?
check "an unknown --presence state is a usage error" test $rc -eq 2
check "the usage error names the states" grep -q 'not available, away, busy or offline' <<<"$out"
finish
