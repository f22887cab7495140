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

# free_port [COUNT]: a port P such that P..P+COUNT-1 are free on udp and tcp
free_port() {
    local n=${1:-1} p i ok
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 30000))
        ok=1
        for ((i = 0; i < n; i++)); do port_free $((p + i)) || { ok=0; break; }; done
        [ $ok = 1 ] && { echo "$p"; return 0; }
    done
    return 1
}

# kamailio_up: starts Kamailio (registrar + proxy, users alice/bob/carol) on free ports.
# Sets KAM_PORT (udp+tcp) and KAM_TLS_PORT, KAM_CA (the self-signed certificate to trust).
kamailio_up() {
    KAM_PORT=$(free_port 2) || { echo "no free port"; exit 1; }
    KAM_TLS_PORT=$((KAM_PORT + 1))
    KAM_RUN=$RUN/kamailio
    bash "$HERE/kamailio/up.sh" "$KAM_RUN" "$KAM_PORT" || { echo "kamailio did not start"; exit 1; }
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
