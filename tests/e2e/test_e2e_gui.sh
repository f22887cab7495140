#!/bin/bash
# The desktop app end to end (offscreen): Kamailio and baresip (bob, auto-answer) started here;
# parlo_e2e completes the wizard for alice, registers, calls bob, sees the call answered with RTP
# flowing both ways, records a moment of it, hangs up and finds the call in the history. Screenshots of each step stay in
# the run directory (printed at the end) as the test's artefacts.
source "$(dirname "$0")/../interop/lib.sh"
source "$HERE/baresip/common.sh"
E2E=$1
baresip_up bob "$(bob_account pcmu off)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }

mkdir -p "$RUN/config" "$RUN/data" "$RUN/xdg-run" "$RUN/home"
chmod 700 "$RUN/xdg-run"
# No D-Bus session: no keychain, as on a desktop without one (the wizard offers session-only).
HOME=$RUN/home XDG_CONFIG_HOME=$RUN/config XDG_DATA_HOME=$RUN/data XDG_RUNTIME_DIR=$RUN/xdg-run DBUS_SESSION_BUS_ADDRESS= \
    QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    timeout 120 "$E2E" "$RUN/shots" "127.0.0.1:$KAM_PORT" alice alicepw bob >"$RUN/e2e.out" 2>"$RUN/e2e.err"
rc=$?
cat "$RUN/e2e.out"
check "the app went through every step (rc $rc; $(tail -c 400 "$RUN/e2e.err"))" test $rc -eq 0
# The recording holds bob's side of the call (his 440 Hz tone; ours is silence without a microphone).
rec=$(sed -n 's/^recording: //p' "$RUN/e2e.out")
check "the call recording is under the music folder ($rec)" bash -c "[[ '$rec' == '$RUN/home/Music/Parlo/'*.wav ]]"
check "bob's 440 Hz tone is in the call recording" python3 "$HERE/tone.py" check "$rec" 440
check "baresip answered alice's call" bash -c "grep -q 'CALL_ESTABLISHED' '$BS_EVENTS'"
check "baresip saw the call end" bash -c "grep -q 'CALL_CLOSED' '$BS_EVENTS'"
echo "screenshots: $RUN/shots"
finish
