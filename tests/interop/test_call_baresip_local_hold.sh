#!/bin/bash
# parlo-cli puts baresip on hold and resumes it (its own re-INVITEs, a=sendonly then sendrecv):
# baresip answers recvonly and stops sending while held, then sends again after the resume.
source "$(dirname "$0")/lib.sh"
source "$HERE/baresip/common.sh"

baresip_up bob "$(bob_account pcmu off)" "$(bob_source pcmu)" || { fail "baresip did not start"; finish; }
alice_call lhold sip:bob@127.0.0.1 --codecs pcmu --srtp off --play "$RUN/tone1k.wav" \
    --hold-after 1.5 --resume-after 5 --hangup-after 8 --stats-interval 0.5
baresip_down
check "exit 0 (rc $CLI_RC)" test "$CLI_RC" -eq 0
check "held by us" grep -q '"by":"local".*"event":"held"\|"event":"held".*"by":"local"' "$RUN/lhold.out"
check "resumed by us" grep -q '"by":"local".*"event":"resumed"\|"event":"resumed".*"by":"local"' "$RUN/lhold.out"
check "re-INVITE offered sendonly" grep -q '^a=sendonly' "$RUN/lhold.sip"
check "baresip answered recvonly" grep -q '^a=recvonly' "$RUN/lhold.sip"
# packets_received of the stats events: flat while held (after 1 s for the re-INVITE round trip
# and the counters' lag), rising again after the resume
check "no RTP received while held, RTP again after the resume" python3 - "$RUN/lhold.out" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.startswith('{')]
names = [e.get('event') for e in ev]
h, r = names.index('held'), names.index('resumed')
held = [e['packets_received'] for e in ev[h:r] if e.get('event') == 'stats'][2:]
after = [e['packets_received'] for e in ev[r:] if e.get('event') == 'stats' and not e.get('final')]
print('while held:', held, 'after resume:', after)
sys.exit(0 if len(held) >= 3 and held[-1] - held[0] <= 2 and after and after[-1] > held[-1] + 40 else 1)
PY
finish
