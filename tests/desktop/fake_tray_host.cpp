// A tray host for test_tray.sh, speaking one of the two protocols Qt's QSystemTrayIcon uses on
// Linux, and printing what the app does with it:
//   fake_tray_host --sni     org.kde.StatusNotifierWatcher on the session bus with a registered
//                            host; prints "registered <service>" when an icon registers, then
//                            clicks it twice (Activate) and prints "activated" after each click
//   fake_tray_host --xembed  owns the X11 selection _NET_SYSTEM_TRAY_S<screen>; prints "dock
//                            <window>" for each SYSTEM_TRAY_REQUEST_DOCK message
// Both print "ready" once they serve.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QTimer>
#include <xcb/xcb.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

void say(const QByteArray &line) {
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

class Watcher : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const { return m_items; }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service) {
        m_items << service;
        say("registered " + service.toUtf8());
        Q_EMIT StatusNotifierItemRegistered(service);
        // The user clicks the icon twice: the window goes into the tray and comes back.
        for (int i = 1; i <= 2; ++i)
            QTimer::singleShot(500 * i, this, [service]() {
                QDBusMessage click = QDBusMessage::createMethodCall(
                    service, QStringLiteral("/StatusNotifierItem"),
                    QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Activate"));
                click << 0 << 0;
                const QDBusMessage reply = QDBusConnection::sessionBus().call(click);
                say(reply.type() == QDBusMessage::ReplyMessage ? "activated" : "activate failed");
            });
    }
    void RegisterStatusNotifierHost(const QString &) {}

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);

private:
    QStringList m_items;
};

int serveSni(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    Watcher watcher;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllProperties |
                                QDBusConnection::ExportAllSignals) ||
        !bus.registerService(QStringLiteral("org.kde.StatusNotifierWatcher"))) {
        say("cannot serve org.kde.StatusNotifierWatcher");
        return 1;
    }
    say("ready");
    return app.exec();
}

xcb_atom_t atom(xcb_connection_t *c, const QByteArray &name) {
    xcb_intern_atom_reply_t *r =
        xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, uint16_t(name.size()), name.constData()), nullptr);
    const xcb_atom_t a = r ? r->atom : xcb_atom_t(XCB_ATOM_NONE);
    std::free(r);
    return a;
}

int serveXembed() {
    int screenNo = 0;
    xcb_connection_t *c = xcb_connect(nullptr, &screenNo);
    if (xcb_connection_has_error(c)) {
        say("no X display");
        return 1;
    }
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(c));
    for (int i = 0; i < screenNo; ++i)
        xcb_screen_next(&it);
    const xcb_window_t owner = xcb_generate_id(c);
    xcb_create_window(c, XCB_COPY_FROM_PARENT, owner, it.data->root, 0, 0, 1, 1, 0,
                      XCB_WINDOW_CLASS_INPUT_ONLY, XCB_COPY_FROM_PARENT, 0, nullptr);
    const xcb_atom_t selection = atom(c, "_NET_SYSTEM_TRAY_S" + QByteArray::number(screenNo));
    const xcb_atom_t opcode = atom(c, "_NET_SYSTEM_TRAY_OPCODE");
    xcb_set_selection_owner(c, owner, selection, XCB_CURRENT_TIME);
    // Tray clients wait for this announcement when they start before the tray.
    xcb_client_message_event_t manager{};
    manager.response_type = XCB_CLIENT_MESSAGE;
    manager.format = 32;
    manager.window = it.data->root;
    manager.type = atom(c, "MANAGER");
    manager.data.data32[0] = XCB_CURRENT_TIME;
    manager.data.data32[1] = selection;
    manager.data.data32[2] = owner;
    xcb_send_event(c, 0, it.data->root, XCB_EVENT_MASK_STRUCTURE_NOTIFY,
                   reinterpret_cast<const char *>(&manager));
    xcb_flush(c);
    say("ready");
    while (xcb_generic_event_t *event = xcb_wait_for_event(c)) {
        if ((event->response_type & 0x7f) == XCB_CLIENT_MESSAGE) {
            const auto *m = reinterpret_cast<xcb_client_message_event_t *>(event);
            if (m->type == opcode && m->data.data32[1] == 0) // SYSTEM_TRAY_REQUEST_DOCK
                say("dock " + QByteArray::number(m->data.data32[2]));
        }
        std::free(event);
    }
    xcb_disconnect(c);
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc == 2 && std::strcmp(argv[1], "--sni") == 0)
        return serveSni(argc, argv);
    if (argc == 2 && std::strcmp(argv[1], "--xembed") == 0)
        return serveXembed();
    std::fprintf(stderr, "usage: %s --sni | --xembed\n", argv[0]);
    return 2;
}

#include "fake_tray_host.moc"
