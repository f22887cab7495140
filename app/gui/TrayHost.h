#pragma once

#include <QString>

// Whether the desktop has a system tray, asked before the application object exists (the
// answer decides whether Qt Widgets is loaded at all). The same two questions Qt asks for
// QSystemTrayIcon::isSystemTrayAvailable(): is a StatusNotifierItem host registered with the
// session bus's org.kde.StatusNotifierWatcher, or does an X11 window own the XEmbed tray
// selection _NET_SYSTEM_TRAY_S<screen>?
class TrayHost {
public:
    static bool present();

    // The single questions; empty names mean the session bus and $DISPLAY.
    static bool statusNotifierHostRegistered();
    static bool xembedTrayOwned(const QString &display = {});
};
