#!/bin/sh
# Installs the Debian 12 packages Parlo needs. The one list of dependencies, used by both README commands.
#   packaging/install-deps.sh          build and run the app
#   packaging/install-deps.sh --tests  also the real peers and tools the test suite starts
set -eu

BUILD="build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libqt6sql6-sqlite
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
  libgl-dev libxcb1-dev
  qt6-multimedia-dev libopus-dev libspeexdsp-dev libspandsp-dev libsrtp2-dev"

TESTS="kamailio kamailio-tls-modules kamailio-presence-modules kamailio-utils-modules
  kamailio-extra-modules sip-tester baresip-core openssl iproute2 procps python3
  xvfb xauth qml6-module-qttest pulseaudio pulseaudio-utils libsofia-sip-ua-dev libbenchmark-dev valgrind
  desktop-file-utils appstream dpkg-dev dbus-daemon gnome-keyring"

PKGS=$BUILD
[ "${1:-}" = "--tests" ] && PKGS="$BUILD $TESTS"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# Debian's kamailio package would start a system-wide instance on port 5060; the tests start their own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi
