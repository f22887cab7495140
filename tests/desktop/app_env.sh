# Sourced by the desktop tests that start the real app: scratch runtime, config and data folders
# for it, the processes in $pids stopped at exit (or by stop_all), check/wait_for and their counts.
TMP=$(mktemp -d)
pids=()
stop_all() { # also the single-instance socket, which a stopped app leaves behind
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    pids=()
    rm -f "$TMP/run/parlo.instance"
}
trap 'stop_all; rm -rf "$TMP"' EXIT
mkdir -p "$TMP/run" "$TMP/config" "$TMP/data"
chmod 700 "$TMP/run"
export XDG_RUNTIME_DIR=$TMP/run XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data
pass=0 fail=0
check() {
    local what=$1; shift
    if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; fail=$((fail + 1)); fi
}
wait_for() { # up to 20 s for a condition (real processes starting up: polling is the only way)
    for _ in $(seq 200); do eval "$1" && return 0; sleep 0.1; done
    return 1
}
