#include "TrayHost.h"

#include "base/SessionBus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <xcb/xcb.h>

#include <memory>

bool TrayHost::present() {
    // Platforms without a desktop (tests, remote rendering) have no tray whatever runs beside.
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.startsWith("offscreen") || platform.startsWith("minimal") || platform.startsWith("vnc"))
        return false;
    return statusNotifierHostRegistered() || xembedTrayOwned();
}

bool TrayHost::statusNotifierHostRegistered() {
    // No bus to ask: do not let libdbus autolaunch one for this question.
    if (!parlo::sessionBusReachable())
        return false;
    // A private connection: the shared sessionBus() must not be made before the application.
    const QString name = QStringLiteral("parlo-tray-probe");
    bool registered = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
        if (bus.isConnected()) {
            QDBusMessage get = QDBusMessage::createMethodCall(
                QStringLiteral("org.kde.StatusNotifierWatcher"), QStringLiteral("/StatusNotifierWatcher"),
                QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
            get << QStringLiteral("org.kde.StatusNotifierWatcher")
                << QStringLiteral("IsStatusNotifierHostRegistered");
            // Without a watcher the bus answers at once; a hung one must not hold up the start.
            const QDBusMessage reply = bus.call(get, QDBus::Block, 1000);
            registered = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
                         reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
        }
    }
    QDBusConnection::disconnectFromBus(name);
    return registered;
}

bool TrayHost::xembedTrayOwned(const QString &display) {
    const QByteArray name = display.toLocal8Bit();
    if (name.isEmpty() && qEnvironmentVariableIsEmpty("DISPLAY"))
        return false;
    int screen = 0;
    const std::unique_ptr<xcb_connection_t, decltype(&xcb_disconnect)> conn(
        xcb_connect(name.isEmpty() ? nullptr : name.constData(), &screen), &xcb_disconnect);
    if (xcb_connection_has_error(conn.get()))
        return false;
    const QByteArray selection = "_NET_SYSTEM_TRAY_S" + QByteArray::number(screen);
    // only_if_exists: no tray ever ran on this display when the atom is unknown.
    xcb_intern_atom_reply_t *atom = xcb_intern_atom_reply(
        conn.get(), xcb_intern_atom(conn.get(), 1, uint16_t(selection.size()), selection.constData()),
        nullptr);
    if (!atom)
        return false;
    const xcb_atom_t selectionAtom = atom->atom;
    free(atom);
    if (selectionAtom == XCB_ATOM_NONE)
        return false;
    xcb_get_selection_owner_reply_t *owner = xcb_get_selection_owner_reply(
        conn.get(), xcb_get_selection_owner(conn.get(), selectionAtom), nullptr);
    const bool owned = owner && owner->owner != XCB_WINDOW_NONE;
    free(owner);
    return owned;
}
