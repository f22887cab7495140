#pragma once

#include "AccountListModel.h"
#include "CallItem.h"
#include "CallListModel.h"
#include "call/CallManager.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

// The call screens' backend: dials what the user typed (validated and completed to a SIP URI),
// lists the calls that are up, tracks the one on screen and the one ringing, and words every
// failure as a sentence. Works on the account list's CallManager.
class CallController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(CallListModel *calls READ calls CONSTANT)
    // The call the in-call screen shows (active, on hold, or still being set up); null without one.
    Q_PROPERTY(CallItem *currentCall READ currentCall NOTIFY currentCallChanged)
    // The first incoming call still waiting for an answer; null without one.
    Q_PROPERTY(CallItem *incomingCall READ incomingCall NOTIFY incomingCallChanged)
    Q_PROPERTY(bool canDial READ canDial NOTIFY canDialChanged)
    // Why the last dial() did not start a call; empty after a good one.
    Q_PROPERTY(QString dialError READ dialError NOTIFY dialErrorChanged)
    // How the last call ended, for the dialer to show once the call screen has gone.
    Q_PROPERTY(QString lastCallSummary READ lastCallSummary NOTIFY lastCallSummaryChanged)
    // Where the calls' recordings go; empty: CallItem::defaultRecordingsFolder() (<Music>/Parlo).
    Q_PROPERTY(QString recordingsFolder READ recordingsFolder WRITE setRecordingsFolder NOTIFY
                   recordingsFolderChanged)
public:
    explicit CallController(QObject *parent = nullptr);
    ~CallController() override;

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);
    CallListModel *calls() const { return m_calls; }
    CallItem *currentCall() const { return m_current; }
    CallItem *incomingCall() const { return m_incoming; }
    bool canDial() const { return m_manager != nullptr; }
    QString dialError() const { return m_dialError; }
    QString lastCallSummary() const { return m_lastCallSummary; }
    QString recordingsFolder() const { return m_recordingsFolder; }
    void setRecordingsFolder(const QString &folder);

    // Starts a call to a sip:/sips:/tel: address, a number or a user name at the default
    // account's domain. False (and dialError set) when the target is not callable.
    Q_INVOKABLE bool dial(const QString &target);
    // The URI dial() would call, or empty when it would refuse.
    Q_INVOKABLE QString resolve(const QString &target) const;
    Q_INVOKABLE void clearDialError();

    // On the given call, or when null: answer/reject the ringing one, the others the current one.
    Q_INVOKABLE void answer(CallItem *call = nullptr);
    Q_INVOKABLE void reject(CallItem *call = nullptr);
    Q_INVOKABLE void hangup(CallItem *call = nullptr);
    Q_INVOKABLE bool hold();
    Q_INVOKABLE bool resume();
    Q_INVOKABLE void setMuted(bool muted);
    Q_INVOKABLE bool sendDtmf(const QString &digits);
    // On the current call: starts or stops recording it; moves it to other audio devices.
    Q_INVOKABLE bool toggleRecording();
    Q_INVOKABLE bool setAudioDevices(const QString &inputId, const QString &outputId);
    // Hands the current call to target (REFER); the outcome shows on the call.
    Q_INVOKABLE bool transferBlind(const QString &target);
    // Attended transfer: the current call's peer is asked (REFER with Replaces) to take over our
    // call with other's peer; when that works both our calls end.
    Q_INVOKABLE bool transferAttended(CallItem *other);
    // Puts the other calls on hold and makes call the current one (answering it if it rings).
    Q_INVOKABLE bool swap(CallItem *call);

Q_SIGNALS:
    void accountsChanged();
    void currentCallChanged();
    void incomingCallChanged();
    void canDialChanged();
    void dialErrorChanged();
    void lastCallSummaryChanged();
    void recordingsFolderChanged();

private:
    void attach();
    void onCallAdded(parlo::Call *call);
    void onCallEnded(parlo::Call *call);
    CallItem *itemFor(parlo::Call *call) const { return m_items.value(call); }
    void setCurrent(CallItem *item);
    void update(); // recompute incoming and current after any change
    void setDialError(const QString &text);

    QPointer<AccountListModel> m_accounts;
    QPointer<parlo::CallManager> m_manager;
    CallListModel *m_calls;
    QHash<parlo::Call *, CallItem *> m_items;
    CallItem *m_current = nullptr;
    CallItem *m_incoming = nullptr;
    QString m_dialError, m_lastCallSummary;
    QString m_recordingsFolder;
};
