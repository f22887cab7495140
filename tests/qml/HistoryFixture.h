#pragma once

#include "AppStorage.h"
#include "storage/CallHistoryStore.h"

#include <QDateTime>
#include <QObject>

// Test-only (QML singleton ParloTest.HistoryFixture): writes call history rows the tests cannot
// produce with a real call from QML (incoming, missed), into the app's scratch database.
class HistoryFixture : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Returns the row's id, 0 when the write failed.
    Q_INVOKABLE qint64 add(bool incoming, const QString &uri, const QString &name, double startMs,
                           double answerMs, double endMs, const QString &endReason, int status, bool missed) {
        parlo::storage::CallRecord r;
        r.direction = incoming ? parlo::storage::CallRecord::Direction::Incoming
                               : parlo::storage::CallRecord::Direction::Outgoing;
        r.remoteUri = uri;
        r.remoteName = name;
        r.startMs = qint64(startMs);
        r.answerMs = qint64(answerMs);
        r.endMs = qint64(endMs);
        r.endReason = endReason;
        r.status = status;
        r.missed = missed;
        const auto added = AppStorage::instance()->history()->add(r);
        const auto *id = std::get_if<qint64>(&added);
        return id ? *id : 0;
    }
    // Leaves the shared database empty for the next test file (whose tabs would count its missed calls).
    Q_INVOKABLE void clear() { AppStorage::instance()->history()->clear(); }
    Q_INVOKABLE int storedCount() const { return int(AppStorage::instance()->history()->list().size()); }
};
