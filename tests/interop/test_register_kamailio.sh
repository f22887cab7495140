#!/bin/bash
# parlo-cli register --once against a real Kamailio registrar with digest auth: UDP, TCP and TLS
# succeed (and Kamailio holds the binding); a wrong or missing password, an untrusted certificate
# and a stopped registrar each fail with one line that names the step.
source "$(dirname "$0")/lib.sh"
kamailio_up
K=127.0.0.1
cli() { "$PARLO_CLI" "$@" --listen 127.0.0.1:0 --log-sip "$RUN/sip.log"; }

out=$(PARLO_PASSWORD=alicepw cli register --once --aor "sip:alice@$K:$KAM_PORT" 2>&1); rc=$?
echo "$out"
check "UDP register exits 0" test $rc -eq 0
check "UDP register prints 'registered'" grep -q "^registered sip:alice@$K:$KAM_PORT at $K:$KAM_PORT (UDP)" <<<"$out"
check "Kamailio holds alice's UDP contact" grep -q "sip:alice@127.0.0.1:" <<<"$(kamailio_contacts alice)"

out=$(PARLO_PASSWORD=bobpw cli register --once --aor "sip:bob@$K" --proxy "sip:$K:$KAM_PORT" --transport tcp 2>&1); rc=$?
echo "$out"
check "TCP register exits 0" test $rc -eq 0
check "TCP register went over TCP" grep -q "(TCP)" <<<"$out"
check "Kamailio holds bob's TCP contact" grep -q "transport=tcp" <<<"$(kamailio_contacts bob)"

out=$(PARLO_PASSWORD=carolpw cli register --once --aor "sip:carol@$K" --proxy "sip:$K:$KAM_TLS_PORT;transport=tls" \
      --ca-file "$KAM_CA" --json 2>&1); rc=$?
echo "$out"
check "TLS register with --ca-file exits 0" test $rc -eq 0
check "TLS register prints a JSON registered event" grep -q '"event":"registered"' <<<"$out"
check "Kamailio holds carol's TLS contact" grep -q "transport=tls" <<<"$(kamailio_contacts carol)"

out=$(PARLO_PASSWORD=carolpw cli register --once --aor "sip:carol@$K" --proxy "sip:$K:$KAM_TLS_PORT;transport=tls" 2>&1); rc=$?
echo "$out"
check "TLS without the CA fails" test $rc -ne 0
check "TLS failure names the certificate problem" grep -qi "TLS certificate of $K:$KAM_TLS_PORT not accepted: .*self.signed" <<<"$out"

out=$(PARLO_PASSWORD=wrong cli register --once --aor "sip:alice@$K:$KAM_PORT" 2>&1); rc=$?
echo "$out"
check "wrong password fails" test $rc -ne 0
check "wrong password names 403" grep -q "registration failed: 403 Forbidden from $K:$KAM_PORT (wrong password?)" <<<"$out"

out=$(env -u PARLO_PASSWORD "$PARLO_CLI" register --once --aor "sip:alice@$K:$KAM_PORT" --listen 127.0.0.1:0 2>&1); rc=$?
echo "$out"
check "no password fails" test $rc -ne 0
check "no password names 401 and the missing password" grep -q "401 Unauthorized from $K:$KAM_PORT: no password given" <<<"$out"

out=$(PARLO_PASSWORD=alicepw cli register --once --aor "sip:alice@$K:$KAM_PORT" --password-file /nonexistent 2>&1); rc=$?
check "unreadable password file is a usage error" test $rc -eq 2
check "unreadable password file is named" grep -q "password-file: cannot read /nonexistent" <<<"$out"

# RFC 2606 reserves .invalid: the lookup fails whether or not this machine reaches a DNS server.
out=$(PARLO_PASSWORD=alicepw cli register --once --aor "sip:alice@parlo-test.invalid" 2>&1); rc=$?
echo "$out"
check "an unknown domain fails" test $rc -ne 0
check "an unknown domain names the DNS step" grep -q "^registration failed: DNS.*parlo-test.invalid" <<<"$out"

kamailio_down
out=$(PARLO_PASSWORD=alicepw cli register --once --aor "sip:alice@$K:$KAM_PORT" --transport tcp 2>&1); rc=$?
echo "$out"
check "TCP to a stopped registrar fails" test $rc -ne 0
check "TCP failure names the refused connection" grep -q "cannot connect to $K:$KAM_PORT over TCP: connection refused" <<<"$out"

start=$(date +%s)
out=$(PARLO_PASSWORD=alicepw cli register --once --aor "sip:alice@$K:$KAM_PORT" 2>&1); rc=$?
echo "$out (after $(( $(date +%s) - start )) s)"
check "UDP to a stopped registrar fails" test $rc -ne 0
check "UDP failure is a timeout naming the server" grep -Eq "timeout: no answer from $K:$KAM_PORT \(UDP\) after 3[0-9] s" <<<"$out"

check "--log-sip recorded REGISTER and 401" grep -q "^SIP/2.0 401" "$RUN/sip.log"
check "--log-sip never holds a password" bash -c "! grep -q -e alicepw -e bobpw -e carolpw '$RUN/sip.log'"
finish
