#!/bin/bash
# parlo-cli listen stays registered while the registrar goes away and comes back: Kamailio is
# restarted (losing its bindings), parlo-cli notices the dropped TCP connection, retries with
# backoff and registers again without being restarted. SIGTERM then unregisters and exits in 2 s.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
EV=$RUN/events.jsonl
PARLO_PASSWORD=alicepw "$PARLO_CLI" listen --aor "sip:alice@$K" --proxy "sip:$K:$KAM_PORT;transport=tcp" \
    --listen 127.0.0.1:0 --json --log-sip "$RUN/sip.log" >"$EV" 2>"$RUN/stderr" &
CLI=$!
on_exit "kill -9 $CLI"

check "registered at start" wait_for "$EV" '"event":"registered"' 10
check "Kamailio holds alice's contact" grep -q "transport=tcp" <<<"$(kamailio_contacts alice)"
MY_PORT=$(grep -o '"port":[0-9]*' "$EV" | head -1 | cut -d: -f2)
out=$(python3 "$HERE/sip_request.py" $K $KAM_PORT OPTIONS "sip:alice@$K")
check "OPTIONS to alice through Kamailio reaches parlo-cli and gets 200 ($out)" grep -q "^SIP/2.0 200" <<<"$out"
check "parlo-cli reported the OPTIONS" wait_for "$EV" '"event":"request","from":"sip:tester@example.org".*"status":200' 5
out=$(python3 "$HERE/sip_request.py" $K "$MY_PORT" OPTIONS "sip:bob@$K:$MY_PORT")
check "OPTIONS for another user straight to parlo-cli gets 404 ($out)" grep -q "^SIP/2.0 404" <<<"$out"

kamailio_down
check "the dropped connection is noticed and retried" wait_for "$EV" '"event":"retry"' 10
sleep 1
kamailio_restart
check "Kamailio lost the binding with its restart" test -z "$(kamailio_contacts alice)"
check "registered again after the registrar came back" \
    bash -c "for i in \$(seq 1 300); do [ \$(grep -c '\"event\":\"registered\"' '$EV') -ge 2 ] && exit 0; sleep 0.1; done; exit 1"
check "Kamailio holds the new binding" grep -q "transport=tcp" <<<"$(kamailio_contacts alice)"
check "parlo-cli is still the same process" kill -0 $CLI

start=$(date +%s%N)
kill -TERM $CLI
wait $CLI; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "exit $rc after $ms ms"
check "SIGTERM exits 0" test $rc -eq 0
check "SIGTERM exits within 2 s" test $ms -lt 2000
check "unregistered on exit" grep -q '"event":"unregistered"' "$EV"
check "Kamailio dropped the binding" test -z "$(kamailio_contacts alice)"
cat "$EV"
finish
