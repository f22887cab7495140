# Shared by the baresip interop tests (sourced after lib.sh): Kamailio, alice's password, tone
# WAVs, and parlo-cli wrappers that register alice at Kamailio.
kamailio_up
echo alicepw >"$RUN/alice.pw"
python3 "$HERE/tone.py" gen "$RUN/tone1k.wav" 1000 8 16000 || exit 1
# baresip's aufile does not resample: the WAV must match the codec's rate and channels
python3 "$HERE/tone.py" gen "$RUN/tone440_16k.wav" 440 20 16000 || exit 1
python3 "$HERE/tone.py" gen "$RUN/tone440_8k.wav" 440 20 8000 || exit 1

ALICE=(--json --aor sip:alice@127.0.0.1 --proxy "sip:127.0.0.1:$KAM_PORT" --password-file "$RUN/alice.pw"
    --listen 127.0.0.1:0)

# bob_account CODEC SRTP [ANSWERMODE [USER]]: a baresip account line for bob (or USER: carol) at
# Kamailio offering only CODEC (opus|g722|pcmu), SRTP mandatory when SRTP is "mandatory"
bob_account() {
    local codec
    case $1 in
    opus) codec=opus/48000/2 ;;
    g722) codec=G722/16000/1 ;;
    pcmu) codec=PCMU/8000/1 ;;
    esac
    local enc=""
    [ "$2" = mandatory ] && enc=";mediaenc=srtp-mand"
    local user=${4:-bob}
    echo "<sip:$user@127.0.0.1:@KAM_PORT@;transport=udp>;auth_pass=${user}pw;answermode=${3:-auto}${enc};audio_codecs=$codec;regint=300"
}

# bob_source CODEC: baresip's audio source sending a 440 Hz tone for CODEC
bob_source() {
    case $1 in
    opus) echo "ausine,440" ;; # ausine is 48 kHz only, which only opus matches
    g722) echo "aufile,$RUN/tone440_16k.wav" ;;
    pcmu) echo "aufile,$RUN/tone440_8k.wav" ;;
    esac
}

# codec_name CODEC: how parlo-cli's answered event names it
codec_name() {
    case $1 in
    opus) echo "opus/48000" ;;
    g722) echo "G722/8000" ;; # RFC 3551: G.722's RTP clock rate is 8000 although it samples at 16 kHz
    pcmu) echo "PCMU/8000" ;;
    esac
}

# alice_call NAME ARGS…: parlo-cli call as alice, output in $RUN/NAME.out/.err; sets CLI_RC
alice_call() {
    local name=$1; shift
    timeout 30 "$PARLO_CLI" call "${ALICE[@]}" --log-sip "$RUN/$name.sip" "$@" >"$RUN/$name.out" 2>"$RUN/$name.err"
    CLI_RC=$?
}

# alice_listen NAME ARGS…: parlo-cli listen as alice in the background, waits until registered;
# output in $RUN/NAME.out/.err; sets CLI_PID
alice_listen() {
    local name=$1; shift
    timeout 40 "$PARLO_CLI" listen "${ALICE[@]}" --log-sip "$RUN/$name.sip" "$@" >"$RUN/$name.out" 2>"$RUN/$name.err" &
    CLI_PID=$!
    on_exit "kill $CLI_PID"
    wait_for "$RUN/$name.out" '"event":"registered"' 10
}

# tone_in WAV FREQ: the WAV holds a clear FREQ tone (prints what it measured)
tone_in() { [ -n "$1" ] && python3 "$HERE/tone.py" check "$1" "$2" 300; }
