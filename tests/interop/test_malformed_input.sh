#!/bin/bash
# Malformed and junk traffic against a direct-IP parlo-cli listen: the RFC answers (400 naming the
# problem, 416, 505, 513, 501), silence where no answer is possible, and OPTIONS still answered after
# a few hundred junk datagrams. The process must survive (and not grow without bound).
source "$(dirname "$0")/lib.sh"
PORT=$(free_port) || exit 1
"$PARLO_CLI" listen --listen "127.0.0.1:$PORT" --json >"$RUN/events.jsonl" 2>"$RUN/stderr" &
CLI=$!
on_exit "kill -9 $CLI"
check "listening" wait_for "$RUN/events.jsonl" '"event":"listening"' 10
rss_before=$(awk '/VmRSS/{print $2}' /proc/$CLI/status)
python3 "$HERE/malformed.py" 127.0.0.1 "$PORT"; rc=$?
check "all malformed-input checks" test $rc -eq 0
check "parlo-cli survived" kill -0 $CLI
rss_after=$(awk '/VmRSS/{print $2}' /proc/$CLI/status)
echo "RSS before ${rss_before} kB, after ${rss_after} kB"
check "memory did not balloon (< 20 MB growth)" test $((rss_after - rss_before)) -lt 20480
kill -TERM $CLI; wait $CLI
check "exits cleanly on SIGTERM" test $? -eq 0
finish
