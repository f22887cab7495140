#!/bin/bash
# The desktop file and AppStream metainfo pass their validators, and name the same app id, icon
# and link schemes.
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
RES=${PARLO_RESOURCES:-$SRC/resources}
ID=org.parlo.Parlo
pass=0 fail=0
check() { # description, command…
    local what=$1; shift
    if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; fail=$((fail + 1)); fi
}
check "desktop-file-validate" desktop-file-validate "$RES/$ID.desktop"
check "appstreamcli validate" appstreamcli validate --no-net "$RES/$ID.metainfo.xml"
check "metainfo id" grep -q "<id>$ID</id>" "$RES/$ID.metainfo.xml"
check "metainfo launchable" grep -q ">$ID.desktop</launchable>" "$RES/$ID.metainfo.xml"
check "desktop Icon" grep -qx "Icon=$ID" "$RES/$ID.desktop"
check "icon file" test -s "$RES/icons/$ID.svg"
check "Exec takes a link" grep -qx "Exec=parlo %u" "$RES/$ID.desktop"
for scheme in sip sips tel callto; do
    check "MimeType $scheme" grep -q "^MimeType=.*x-scheme-handler/$scheme;" "$RES/$ID.desktop"
done
check "icon is SVG" grep -q "<svg" "$RES/icons/$ID.svg"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
