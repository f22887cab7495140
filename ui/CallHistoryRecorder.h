#pragma once

#include "CallController.h"
#include "storage/CallRecord.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace parlo::storage {
class CallHistoryStore;
}

// Writes every call of a CallManager into the call history: a row as soon as the call starts
// (so a crash still leaves a trace), updated when it is answered and when it ends. Incoming calls
// turned away without ringing (do-not-disturb, call waiting off) are recorded as missed too.
// Placed next to the window's CallController; it records nothing until it has one.
class CallHistoryRecorder : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CallController *controller READ controller WRITE setController NOTIFY controllerChanged)
public:
    // Records into the app's database (AppStorage).
    explicit CallHistoryRecorder(QObject *parent = nullptr);
    // Records into store (tests).
    explicit CallHistoryRecorder(parlo::storage::CallHistoryStore *store, QObject *parent = nullptr);
    // Calls still going are written as interrupted: the history never shows a call without an end.
    ~CallHistoryRecorder() override;

    CallController *controller() const { return m_controller; }
    void setController(CallController *controller);
    // Follows manager directly (what setController does with the controller's manager).
    void setManager(parlo::CallManager *manager);

    // The end token stored for a call (CallRecord::endReason): "local-bye", "remote-bye",
    // "cancelled", "declined", "busy", "rejected", "not-reachable", "no-common-media",
    // "auth-failed", "connection-lost"; for incoming calls refused before ringing
    // "do-not-disturb", "call-waiting-off" or "refused"; "interrupted" when Parlo quit during it.
    static QString endToken(parlo::Call *call);

Q_SIGNALS:
    void controllerChanged();

private:
    void track(parlo::Call *call);
    void onAnswered(parlo::Call *call);
    void onEnded(parlo::Call *call);
    void onRefused(const QString &remoteUri, const QString &remoteName, int status);
    void write(parlo::Call *call);
    void managerFromController();

    QPointer<parlo::storage::CallHistoryStore> m_store;
    QPointer<CallController> m_controller;
    QPointer<parlo::CallManager> m_manager;
    QHash<parlo::Call *, parlo::storage::CallRecord> m_calls; // calls under way, by their row
};
