#!/bin/bash
# Registration corner cases scripted with SIPp as the registrar: 423 Interval Too Brief with
# Min-Expires (retry with the server's minimum), and a nonce that goes stale (retry without asking).
source "$(dirname "$0")/lib.sh"
SIPP_DIR=$HERE/sipp

# run_case NAME SCENARIO CLI-ARGS…: SIPp UAS on a free port, parlo-cli register --once against it
run_case() {
    local name=$1 scenario=$2; shift 2
    local port; port=$(free_port) || exit 1
    timeout 40 sipp -sf "$SIPP_DIR/$scenario" -i 127.0.0.1 -p "$port" -m 1 -nostdin \
        -trace_msg -message_file "$RUN/$name.sipp.msg" -trace_err -error_file "$RUN/$name.sipp.err" \
        >/dev/null 2>&1 &
    local sipp=$!
    on_exit "kill -9 $sipp"
    for _ in $(seq 1 50); do ss -Hlun "sport = :$port" | grep -q . && break; sleep 0.1; done
    OUT=$(PARLO_PASSWORD=alicepw "$PARLO_CLI" register --once --aor "sip:alice@127.0.0.1:$port" \
          --listen 127.0.0.1:0 "$@" 2>&1)
    CLI_RC=$?
    wait $sipp; SIPP_RC=$?
    echo "$OUT"
}

run_case r423 reg_423.xml --expires 60
check "423: parlo-cli registered" test $CLI_RC -eq 0
check "423: granted the server's minimum" grep -q "expires in 1800 s" <<<"$OUT"
check "423: SIPp saw the retry with Expires: 1800" test $SIPP_RC -eq 0

run_case stale reg_stale.xml
check "stale nonce: parlo-cli registered" test $CLI_RC -eq 0
check "stale nonce: SIPp verified the credentials for the fresh nonce" test $SIPP_RC -eq 0
check "stale nonce: three REGISTERs sent" test "$(grep -c '^REGISTER ' "$RUN/stale.sipp.msg")" -eq 3
finish
