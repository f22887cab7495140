# Shared helpers for the interop tests (sourced). Each test gets its own run directory and free
# loopback ports, starts the real peers it needs, and stops them on exit.
set -u

: "${PARLO_CLI:?PARLO_CLI must point at the parlo-cli binary}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TEST_NAME=$(basename "$0" .sh)
RUN=$(readlink -m "${PARLO_RUN_BASE:-/tmp/parlo-interop}/$TEST_NAME")
rm -rf "$RUN"
mkdir -p "$RUN"
FAILS=0
PASSES=0
CLEANUP=()

cleanup() {
    local i
    for ((i = ${#CLEANUP[@]} - 1; i >= 0; i--)); do eval "${CLEANUP[$i]}" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

on_exit() { CLEANUP+=("$*"); }

pass() { PASSES=$((PASSES + 1)); echo "PASS: $*"; }
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*"; }

# check DESCRIPTION COMMAND… : passes when the command succeeds
check() { local d=$1; shift; if "$@"; then pass "$d"; else fail "$d"; fi; }

# port_free PORT: nothing listens on udp/tcp PORT
port_free() {
    ! ss -Hlun "sport = :$1" | grep -q . && ! ss -Hltn "sport = :$1" | grep -q .
}

# Fixed ports are picked below the kernel's ephemeral range (32768-60999 on Debian): a socket
# bound to port 0 or connecting out elsewhere (parlo-cli, baresip, another test running in
# parallel) can then never take one between the pick and the bind.
PORT_BASE=20000 PORT_SPAN=12000

# free_port [COUNT]: a port P such that P..P+COUNT-1 are free on udp and tcp
free_port() {
    local n=${1:-1} p i ok
    for _ in $(seq 1 200); do
        p=$((PORT_BASE + RANDOM % PORT_SPAN))
        ok=1
        for ((i = 0; i < n; i++)); do port_free $((p + i)) || { ok=0; break; }; done
        [ $ok = 1 ] && { echo "$p"; return 0; }
    done
    return 1
}

# kamailio_up: starts Kamailio (registrar + proxy, users alice/bob/carol) on free ports.
# Sets KAM_PORT (udp+tcp) and KAM_TLS_PORT, KAM_CA (the self-signed certificate to trust).
kamailio_up() {
    KAM_RUN=$RUN/kamailio
    local try
    for try in 1 2 3; do # a test running beside may take a picked port before Kamailio binds it
        KAM_PORT=$(free_port 2) || { echo "no free port"; exit 1; }
        KAM_TLS_PORT=$((KAM_PORT + 1))
        bash "$HERE/kamailio/up.sh" "$KAM_RUN" "$KAM_PORT" && break
        grep -q "Address already in use" "$KAM_RUN/kamailio.log" 2>/dev/null && [ $try -lt 3 ] \
            || { echo "kamailio did not start"; exit 1; }
        echo "port $KAM_PORT was taken meanwhile: another pair"
    done
    KAM_CA=$KAM_RUN/kam/cert.pem
    on_exit "bash '$HERE/kamailio/down.sh' '$KAM_RUN'"
}
kamailio_down() { bash "$HERE/kamailio/down.sh" "$KAM_RUN"; }
kamailio_restart() { bash "$HERE/kamailio/up.sh" "$KAM_RUN" "$KAM_PORT"; }
# kamailio_contacts USER: the contacts Kamailio holds for USER (empty when none)
kamailio_contacts() {
    kamcmd -s "unix:$KAM_RUN/kam/run/kamailio_ctl" ul.lookup location "$1" 2>/dev/null | grep -o 'Address: [^ ]*'
}

# wait_for FILE PATTERN SECONDS: waits until FILE has a line matching PATTERN (grep -E)
wait_for() {
    local f=$1 pat=$2 t=$3 i
    for ((i = 0; i < t * 10; i++)); do
        grep -Eq "$pat" "$f" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# count_matches FILE PATTERN
count_matches() { grep -Ec "$2" "$1" 2>/dev/null || true; }

finish() {
    echo "$PASSES passed, $FAILS failed"
    [ "$FAILS" -eq 0 ]
    exit $?
}

# sipp_bg NAME PORT SIPP-ARGS…: starts SIPp in the background on 127.0.0.1:PORT with message and
# error traces in $RUN/NAME.sipp.msg / .err, waits until it listens; sets SIPP_PID.
sipp_bg() {
    local name=$1 port=$2; shift 2
    timeout 30 sipp -i 127.0.0.1 -p "$port" -m 1 -nostdin -trace_msg -message_file "$RUN/$name.sipp.msg" \
        -trace_err -error_file "$RUN/$name.sipp.err" "$@" >"$RUN/$name.sipp.out" 2>&1 &
    SIPP_PID=$!
    on_exit "kill -9 $SIPP_PID"
    local i
    for ((i = 0; i < 50; i++)); do ss -Hlun "sport = :$port" | grep -q . && return 0; sleep 0.1; done
    return 1
}

# json_events FILE EVENT: the lines of parlo-cli --json output FILE with "event":"EVENT"
json_events() { grep -F "\"event\":\"$2\"" "$1" 2>/dev/null || true; }

# free_range COUNT: like free_port COUNT but with one ss call (free_port takes seconds for 24 ports)
free_range() {
    local n=$1 used p i ok
    used=" $(ss -Hlunta | awk '{n = split($4, a, ":"); print a[n]}' | sort -un | tr '\n' ' ') "
    for _ in $(seq 1 200); do
        p=$((PORT_BASE + RANDOM % PORT_SPAN))
        ok=1
        for ((i = 0; i < n; i++)); do [[ $used == *" $((p + i)) "* ]] && { ok=0; break; }; done
        [ $ok = 1 ] && { echo "$p"; return 0; }
    done
    return 1
}

# baresip_up NAME ACCOUNT SOURCE: starts baresip 1.0 (config baresip/config.in) in $RUN/NAME with
# ACCOUNT as its only account line (@KAM_PORT@ in it becomes $KAM_PORT) and SOURCE as its
# audio_source (e.g. "ausine,440" or "aufile,/x.wav"), on free SIP/RTP/ctrl ports, with a
# bctl.py client logging its ctrl_tcp events. Waits for REGISTER_OK when the account registers
# (no regint=0; REGISTER_OK may come before the ctrl client connects, so its log is read). Sets BS_DIR BS_SIP BS_CTRL BS_EVENTS BS_FIFO BS_PID. Returns 1 on failure.
baresip_up() {
    local name=$1 account=$2 source=$3 p
    p=$(free_range 24) || return 1
    BS_SIP=$p
    BS_CTRL=$((p + 3)) # baresip also takes SIP port + 1 for SIP over TLS
    BS_DIR=$RUN/$name
    BS_EVENTS=$BS_DIR/events.jsonl
    BS_FIFO=$BS_DIR/ctrl.fifo
    mkdir -p "$BS_DIR/snd"
    sed -e "s|@SIPPORT@|$BS_SIP|" -e "s|@CTRLPORT@|$BS_CTRL|" -e "s|@RTPMIN@|$((p + 4))|" \
        -e "s|@RTPMAX@|$((p + 23))|" -e "s|@SOURCE@|$source|" -e "s|@SNDPATH@|$BS_DIR/snd|" \
        "$HERE/baresip/config.in" >"$BS_DIR/config"
    echo "${account//@KAM_PORT@/${KAM_PORT:-}}" >"$BS_DIR/accounts"
    : >"$BS_DIR/contacts"
    rm -f "$BS_FIFO"
    mkfifo "$BS_FIFO"
    # timeout passes a TERM on to baresip (and KILLs it 2 s later), so nothing outlives the test
    timeout -k 2 120 baresip -f "$BS_DIR" </dev/null >"$BS_DIR/baresip.log" 2>&1 &
    BS_PID=$!
    on_exit "kill $BS_PID"
    local i
    for ((i = 0; i < 50; i++)); do ss -Hltn "sport = :$BS_CTRL" | grep -q . && break; sleep 0.1; done
    python3 "$HERE/baresip/bctl.py" "$BS_CTRL" "$BS_EVENTS" "$BS_FIFO" 2>>"$BS_DIR/bctl.err" &
    BS_CTL_PID=$!
    on_exit "kill $BS_CTL_PID"
    wait_for "$BS_EVENTS" '"bctl": "connected"' 5 || { echo "baresip $name: no ctrl_tcp (see $BS_DIR)"; return 1; }
    case $account in
    *regint=0*) ;;
    *) wait_for "$BS_DIR/baresip.log" '200 OK .*binding' 5 || { echo "baresip $name: did not register (see $BS_DIR)"; return 1; } ;;
    esac
}

# baresip_cmd COMMAND [PARAMS]: sends a ctrl_tcp command (hold, resume, hangup, accept,
# sndcode 1, dial sip:…) to the baresip started last
baresip_cmd() { echo "$*" >"$BS_FIFO"; }

# baresip_down: quits the baresip started last (unregistering), killing it after 3 s
baresip_down() {
    baresip_cmd quit 2>/dev/null
    local i
    for ((i = 0; i < 30; i++)); do kill -0 "$BS_PID" 2>/dev/null || break; sleep 0.1; done
    kill "$BS_PID" "$BS_CTL_PID" 2>/dev/null
    wait "$BS_PID" "$BS_CTL_PID" 2>/dev/null
    return 0
}

# baresip_recording: the newest WAV baresip decoded (what it received) in the last call
baresip_recording() { ls -t "$BS_DIR"/snd/*dec*.wav 2>/dev/null | head -1; }

# baresip_events TYPE: the ctrl_tcp event lines of type TYPE (CALL_ESTABLISHED, CALL_DTMF_START …)
baresip_events() { grep -F "\"type\":\"$1\"" "$BS_EVENTS" 2>/dev/null || true; }

# wait_pid PID SECONDS: waits for a background child to exit, killing it after SECONDS; sets
# WAIT_RC (124 when it had to be killed)
wait_pid() {
    local pid=$1 t=$2 i
    for ((i = 0; i < t * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        WAIT_RC=124
        return
    fi
    wait "$pid"
    WAIT_RC=$?
}
