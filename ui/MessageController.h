#pragma once

#include "AccountListModel.h"
#include "sip/dialog/RequestError.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace parlo::sip {
class Pager;
}

// Instant messages (RFC 3428) of the default account: sends through a Pager, keeps every message
// in AppStorage's MessageStore with its delivery status, stores the MESSAGEs that arrive, and
// counts them as unread until their conversation is opened. One per app (the conversations share
// it); the pager exists once the account list has its user agent and a default account.
class MessageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
    // Why the last send() was refused before anything went out; empty after a good one.
    Q_PROPERTY(QString sendError READ sendError NOTIFY sendErrorChanged)
    Q_PROPERTY(int unreadTotal READ unreadTotal NOTIFY unreadChanged)
    // The conversations with unread messages (also from people not in the address book).
    Q_PROPERTY(QStringList unreadUris READ unreadUris NOTIFY unreadChanged)
public:
    static constexpr int kMaxTextBytes = 8 * 1024;

    explicit MessageController(QObject *parent = nullptr);
    ~MessageController() override;

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);
    bool canSend() const { return m_pager != nullptr; }
    QString sendError() const { return m_sendError; }
    int unreadTotal() const;
    QStringList unreadUris() const;

    // The address a conversation with target is kept under ("" when target is not an address).
    Q_INVOKABLE QString conversationUri(const QString &target) const;
    // Why target cannot be written to, "" when it can.
    Q_INVOKABLE QString addressError(const QString &target) const;
    // Stores text as pending and sends it; false (sendError set) when it cannot go out at all.
    Q_INVOKABLE bool send(const QString &to, const QString &text);
    // Why a failed message failed, as a sentence ("" when not known, e.g. after a restart).
    Q_INVOKABLE QString failureText(qint64 messageId) const { return m_failures.value(messageId); }
    Q_INVOKABLE int unreadCount(const QString &uri) const { return m_unread.value(uri); }
    Q_INVOKABLE void markRead(const QString &uri);

    static QString requestErrorText(const parlo::sip::RequestError &error);

Q_SIGNALS:
    void accountsChanged();
    void canSendChanged();
    void sendErrorChanged();
    void unreadChanged();
    void failureTextChanged(qint64 messageId);
    void messageReceived(const QString &uri, const QString &text);

private:
    void attach();
    void setSendError(const QString &text);
    void onReceived(const QString &uri, const QString &text);

    QPointer<AccountListModel> m_accounts;
    parlo::sip::Pager *m_pager = nullptr;
    QHash<quint64, qint64> m_inFlight; // pager id -> message id
    QHash<qint64, QString> m_failures; // bounded: the latest kMaxFailures
    QHash<QString, int> m_unread;
    QString m_sendError;
};
