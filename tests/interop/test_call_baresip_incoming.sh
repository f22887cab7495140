#!/bin/bash
# baresip (bob) calls parlo-cli (alice, listen --auto-answer, registered at Kamailio) through
# Kamailio, with opus + SRTP and with PCMU on plain RTP: both tones cross, and baresip's BYE ends
# the call on our side as a remote hang-up.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

for combo in "opus mandatory" "pcmu off"; do
    set -- $combo
    codec=$1 srtp=$2 n=$1-$2
    baresip_up "bob-$n" "$(bob_account $codec $srtp)" "$(bob_source $codec)" || { fail "$n: baresip did not start"; continue; }
    alice_listen "$n" --auto-answer --max-calls 1 --codecs $codec --srtp $srtp --play "$RUN/tone1k.wav" \
        --record "$RUN/$n.wav" || { fail "$n: parlo-cli did not register"; baresip_down; continue; }
    baresip_cmd dial sip:alice@127.0.0.1:$KAM_PORT
    wait_for "$RUN/$n.out" '"event":"answered"' 10 || fail "$n: parlo-cli did not answer"
    sleep 3
    baresip_cmd hangup
    wait $CLI_PID
    CLI_RC=$?
    baresip_down
    check "$n: parlo-cli exit 0 after --max-calls 1 (rc $CLI_RC, stderr: $(head -c 200 "$RUN/$n.err"))" test "$CLI_RC" -eq 0
    check "$n: incoming call from bob" grep -q '"event":"incoming".*sip:bob@127.0.0.1' "$RUN/$n.out"
    secure=false
    [ $srtp = mandatory ] && secure=true
    check "$n: answered with $(codec_name $codec), srtp $secure" \
        grep -Eqi "\"codec\":\"$(codec_name $codec)\".*\"event\":\"answered\".*\"srtp\":$secure" "$RUN/$n.out"
    check "$n: ended by baresip's BYE" grep -q '"event":"ended".*"reason":"hangup_remote"' "$RUN/$n.out"
    check "$n: our 1 kHz tone reached baresip" tone_in "$(baresip_recording)" 1000
    check "$n: baresip's 440 Hz tone reached us" tone_in "$RUN/$n.wav" 440
done
finish
