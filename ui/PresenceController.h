#pragma once

#include "AccountListModel.h"
#include "ContactListModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace parlo::presence {
class PresenceWatcher;
}
namespace parlo::sip {
class ClientRegistration;
}

// Presence, registration state and busy lamps of the contacts that ask for them, watched through
// the default account while it is registered: one PresenceWatcher per contact (at most
// maxWatchers), started when the account registers, stopped when it goes away; what they learn
// goes into the contact model's roles.
class PresenceController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(ContactListModel *contacts READ contacts WRITE setContacts NOTIFY contactsChanged)
    Q_PROPERTY(int maxWatchers READ maxWatchers WRITE setMaxWatchers NOTIFY maxWatchersChanged)
    Q_PROPERTY(int watcherCount READ watcherCount NOTIFY watcherCountChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
public:
    explicit PresenceController(QObject *parent = nullptr);
    ~PresenceController() override;

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);
    ContactListModel *contacts() const { return m_contacts; }
    void setContacts(ContactListModel *contacts);
    int maxWatchers() const { return m_max; }
    void setMaxWatchers(int max);
    int watcherCount() const { return int(m_watchers.size()); }
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void accountsChanged();
    void contactsChanged();
    void maxWatchersChanged();
    void watcherCountChanged();
    void activeChanged();

private:
    struct Watch {
        parlo::presence::PresenceWatcher *watcher = nullptr;
        QString uri;
        bool presence = false, registration = false, dialog = false;
    };
    void attach();
    void update(); // start, stop or re-target watchers to match the account and contacts
    void stopAll();
    void startWatch(const parlo::storage::Contact &contact);
    void dropWatch(qint64 id);
    void report(qint64 id);

    QPointer<AccountListModel> m_accounts;
    QPointer<ContactListModel> m_contacts;
    QPointer<parlo::sip::ClientRegistration> m_registration;
    QHash<qint64, Watch> m_watchers;
    int m_max = 200;
    bool m_active = false;
};
