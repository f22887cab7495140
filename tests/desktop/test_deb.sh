#!/bin/bash
# `cpack -G DEB` builds parlo_<version>_<arch>.deb with the programs and desktop files under /usr
# and the dependencies declared (computed ones from dpkg-shlibdeps and the QML modules).
set -u
BUILD=$1
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
if ! cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP" >"$TMP/cpack.log" 2>&1; then
    cat "$TMP/cpack.log"; echo "0 passed, 1 failed"; exit 1
fi
VERSION=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake")
DEB="$TMP/parlo_${VERSION}_$(dpkg --print-architecture).deb"
pass=0 fail=0
check() {
    local what=$1; shift
    if "$@"; then pass=$((pass + 1)); else echo "FAIL: $what"; fail=$((fail + 1)); fi
}
check "package file name ($(ls "$TMP"/*.deb 2>/dev/null))" test -s "$DEB"
[ -s "$DEB" ] || { echo "$pass passed, $fail failed"; exit 1; }
dpkg-deb -c "$DEB" | awk '{print $6}' >"$TMP/files"
dpkg-deb -f "$DEB" Package Version Architecture Depends >"$TMP/fields"
cat "$TMP/fields"
for f in ./usr/bin/parlo ./usr/bin/parlo-cli ./usr/share/applications/org.parlo.Parlo.desktop \
    ./usr/share/metainfo/org.parlo.Parlo.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/org.parlo.Parlo.svg \
    ./usr/lib/parlo/parlo-tray-widgets.so ./usr/lib/parlo/parlo-keychain ./usr/lib/parlo/parlo-sound.so; do
    check "contains $f" grep -qx "$f" "$TMP/files"
done
check "nothing outside /usr" test -z "$(grep -v '^\./usr/\|^\./$' "$TMP/files")"
check "Package: parlo" grep -qx "Package: parlo" "$TMP/fields"
depends=$(sed -n 's/^Depends: //p' "$TMP/fields")
# From dpkg-shlibdeps (linked libraries) and from the hand-written list (loaded at run time).
for dep in libc6 libqt6core6 libqt6network6 libqt6quick6 libqt6widgets6 libqt6keychain1 libqt6multimedia6 qml6-module-qtquick-controls qml6-module-qtquick-layouts \
    qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel libqt6sql6-sqlite libsrtp2-1 libspandsp2; do
    check "Depends on $dep" grep -q "\(^\|, \)$dep\( \|,\|$\)" <<<"$depends"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
