#!/bin/bash
# parlo-cli (alice, registered at Kamailio) calls baresip (auto-answer) through Kamailio for each of
# opus, G.722 and PCMU with SRTP mandatory (callee bob) and with plain RTP (callee carol, at the
# same time, to keep the test short): our 1 kHz tone must reach baresip's recording and baresip's
# 440 Hz tone ours; the answered event names codec and SRTP.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

# combo CODEC SRTP USER: one call, printing PASS/FAIL lines (runs in a subshell of its own)
combo() {
    local codec=$1 srtp=$2 user=$3 n=$1-$2 secure=false
    CLEANUP=()
    trap cleanup EXIT
    [ "$srtp" = mandatory ] && secure=true
    baresip_up "$user-$n" "$(bob_account "$codec" "$srtp" auto "$user")" "$(bob_source "$codec")" \
        || { fail "$n: baresip ($user) did not start"; return; }
    alice_call "$n" "sip:$user@127.0.0.1" --codecs "$codec" --srtp "$srtp" --play "$RUN/tone1k.wav" \
        --record "$RUN/$n.wav" --hangup-after 3
    baresip_down
    check "$n: exit 0 (rc $CLI_RC, stderr: $(head -c 200 "$RUN/$n.err"))" test "$CLI_RC" -eq 0
    check "$n: answered with $(codec_name "$codec"), srtp $secure" \
        grep -Eqi "\"codec\":\"$(codec_name "$codec")\".*\"event\":\"answered\".*\"srtp\":$secure" "$RUN/$n.out"
    check "$n: baresip established the call" test -n "$(baresip_events CALL_ESTABLISHED)"
    check "$n: our 1 kHz tone reached baresip" tone_in "$(baresip_recording)" 1000
    check "$n: baresip's 440 Hz tone reached us" tone_in "$RUN/$n.wav" 440
}

for codec in opus g722 pcmu; do
    (combo "$codec" mandatory bob) >"$RUN/$codec-mandatory.log" 2>&1 &
    A=$!
    (combo "$codec" off carol) >"$RUN/$codec-off.log" 2>&1 &
    B=$!
    wait $A $B
    for n in $codec-mandatory $codec-off; do
        cat "$RUN/$n.log"
        PASSES=$((PASSES + $(grep -c '^PASS: ' "$RUN/$n.log")))
        FAILS=$((FAILS + $(grep -c '^FAIL: ' "$RUN/$n.log")))
        grep -q '^PASS: .*tone reached us' "$RUN/$n.log" || grep -q '^FAIL: ' "$RUN/$n.log" \
            || fail "$n: did not finish (see $RUN/$n.log)"
    done
done
finish
