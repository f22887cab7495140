#pragma once

#include "EventPrinter.h"
#include "presence/PresenceWatcher.h"

#include <QObject>

// Follows one PresenceWatcher for parlo-cli watch: prints presence, registration and dialog
// (busy lamp) changes of the watched URI, and failures of its subscriptions.
class WatchReporter : public QObject {
    Q_OBJECT
public:
    // hop: where the requests go (proxy or the URI), for failure lines.
    WatchReporter(parlo::presence::PresenceWatcher *watcher, EventPrinter *out, const QString &hop,
                  QObject *parent = nullptr);

    parlo::presence::PresenceWatcher *watcher() const { return m_watcher; }

private:
    void printPresence();
    void printRegistration();
    void printDialog();

    parlo::presence::PresenceWatcher *m_watcher;
    EventPrinter *m_out;
    QString m_uri;
    QString m_hop;
};
