#pragma once

#include "AccountListModel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace parlo::presence {
class MessageWaiting;
}
namespace parlo::sip {
class ClientRegistration;
}

// Message waiting (RFC 3842) for the default account while it is registered: new and old voice
// messages, and the number that calls the mailbox (per account, kept in QSettings since the
// account settings have no such field; empty: the account's own address, as most servers route a
// call to oneself to the mailbox). available only once a summary arrived.
class VoicemailIndicator : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(bool waiting READ waiting NOTIFY changed)
    Q_PROPERTY(int newMessages READ newMessages NOTIFY changed)
    Q_PROPERTY(int oldMessages READ oldMessages NOTIFY changed)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)
    Q_PROPERTY(
        QString voicemailNumber READ voicemailNumber WRITE setVoicemailNumber NOTIFY voicemailNumberChanged)
    // What calling the mailbox dials: voicemailNumber, else the account's address.
    Q_PROPERTY(QString dialTarget READ dialTarget NOTIFY voicemailNumberChanged)
public:
    explicit VoicemailIndicator(QObject *parent = nullptr);
    ~VoicemailIndicator() override;

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);
    bool available() const { return m_available; }
    bool waiting() const { return m_waiting; }
    int newMessages() const { return m_new; }
    int oldMessages() const { return m_old; }
    QString summaryText() const;
    QString voicemailNumber() const;
    void setVoicemailNumber(const QString &number);
    QString dialTarget() const;

    // Tests and the subscription: what a message-summary said.
    Q_INVOKABLE void applySummary(bool waiting, int newMessages, int oldMessages);
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void accountsChanged();
    void changed();
    void voicemailNumberChanged();

private:
    void attach();
    void update();
    void stop();
    QString accountId() const;

    QPointer<AccountListModel> m_accounts;
    QPointer<parlo::sip::ClientRegistration> m_registration;
    parlo::presence::MessageWaiting *m_mwi = nullptr;
    bool m_available = false, m_waiting = false;
    int m_new = 0, m_old = 0;
};
