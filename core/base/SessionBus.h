#pragma once

namespace parlo {

// Whether this session has a D-Bus session bus to talk to ($DBUS_SESSION_BUS_ADDRESS, or the
// standard socket $XDG_RUNTIME_DIR/bus). Asked before connecting: libdbus would otherwise try to
// autolaunch a bus, and the keychains fail with an unspecific error without one.
bool sessionBusReachable();

} // namespace parlo
