#!/bin/bash
# Audio quality of parlo-cli ↔ baresip calls through Kamailio: the 440 Hz tone baresip sends must
# be recorded by parlo-cli without breaks (no dropped or repeated audio) and for nearly the whole
# call, with SRTP as with plain RTP; the same for our 1 kHz tone in baresip's recording.
# (PCMU + SRTP once broke every 200 ms: libsrtp's first-call initialisation stalled the media
# thread, baresip's packets arrived in a burst, and the jitter buffer skipped it away frame by
# frame. G.711 has no decoder state to hide a skipped frame, so only PCMU showed it.)
D=$(dirname "$0"); [ -f "$D/lib.sh" ] || D=$D/..; source "$D/lib.sh"
source "$HERE/baresip/common.sh"

# wav_ms WAV: its duration in ms
wav_ms() { python3 -c "import wave,sys; w=wave.open(sys.argv[1]); print(w.getnframes()*1000//w.getframerate())" "$1"; }

for codec in pcmu opus g722; do
    for srtp in mandatory off; do
        # Short names: baresip cuts its recording's path at 127 characters (losing ".wav")
        n=$codec-$([ $srtp = mandatory ] && echo srtp || echo rtp)
        baresip_up "$n" "$(bob_account $codec $srtp)" "$(bob_source $codec)" || { fail "$n: baresip did not start"; continue; }
        alice_call "$n" sip:bob@127.0.0.1 --codecs $codec --srtp $srtp --play "$RUN/tone1k.wav" \
            --record "$RUN/$n.wav" --hangup-after 3
        baresip_down
        check "$n: exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
        MS=$(wav_ms "$RUN/$n.wav" 2>/dev/null || echo 0)
        check "$n: our recording covers the 3 s call (${MS} ms, want >= 2500)" test "$MS" -ge 2500
        # At most one break in ~2.7 s: a 2-core machine running the suite in parallel can stall a
        # process (ours or baresip) past a frame now and then; the fault this guards against broke
        # the tone every 200 ms (more than 10 breaks).
        check "$n: baresip's 440 Hz tone reached us without breaks" python3 "$HERE/tone.py" gaps "$RUN/$n.wav" 440 1
        check "$n: our 1 kHz tone reached baresip without breaks" python3 "$HERE/tone.py" gaps "$(baresip_recording)" 1000 1
    done
done
finish
