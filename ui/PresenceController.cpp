#include "PresenceController.h"

#include "account/Account.h"
#include "presence/PresenceWatcher.h"
#include "sip/dialog/ClientRegistration.h"

#include <QTimer>

using parlo::presence::PresenceWatcher;
using parlo::sip::ClientRegistration;

PresenceController::PresenceController(QObject *parent)
    : QObject(parent) {}

// The watchers are children and go with us (at exit, the subscriptions simply expire).
PresenceController::~PresenceController() = default;

void PresenceController::setAccounts(AccountListModel *accounts) {
    if (accounts == m_accounts)
        return;
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    m_accounts = accounts;
    if (m_accounts)
        connect(m_accounts, &AccountListModel::defaultAccountChanged, this, &PresenceController::attach);
    attach();
    Q_EMIT accountsChanged();
}

void PresenceController::setContacts(ContactListModel *contacts) {
    if (contacts == m_contacts)
        return;
    if (m_contacts)
        disconnect(m_contacts, nullptr, this, nullptr);
    m_contacts = contacts;
    if (m_contacts) {
        // Coalesced: an import adds many rows at once.
        auto later = [this]() { QTimer::singleShot(0, this, &PresenceController::update); };
        connect(m_contacts, &QAbstractItemModel::rowsInserted, this, later);
        connect(m_contacts, &QAbstractItemModel::rowsRemoved, this, later);
        connect(m_contacts, &QAbstractItemModel::modelReset, this, later);
        connect(m_contacts, &QAbstractItemModel::dataChanged, this,
                [this, later](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (roles.isEmpty()) // a contact edit, not our own presence updates
                        later();
                });
    }
    update();
    Q_EMIT contactsChanged();
}

void PresenceController::setMaxWatchers(int max) {
    max = std::max(0, max);
    if (max == m_max)
        return;
    m_max = max;
    update();
    Q_EMIT maxWatchersChanged();
}

void PresenceController::attach() {
    ClientRegistration *reg = nullptr;
    if (m_accounts)
        if (parlo::Account *account = m_accounts->defaultAccount())
            reg = account->registration();
    if (reg != m_registration) {
        if (m_registration)
            disconnect(m_registration, nullptr, this, nullptr);
        m_registration = reg;
        if (reg)
            connect(reg, &ClientRegistration::stateChanged, this, &PresenceController::update);
        // Another account: its watchers go (they subscribed as the old one).
        stopAll();
    }
    update();
}

void PresenceController::update() {
    const bool registered = m_registration && m_accounts && m_accounts->userAgent() &&
                            (m_registration->state() == ClientRegistration::State::Registered ||
                             m_registration->state() == ClientRegistration::State::Refreshing);
    if (!registered || !m_contacts) {
        stopAll();
        return;
    }
    QList<qint64> wanted;
    for (const parlo::storage::Contact &c : m_contacts->contacts()) {
        if (wanted.size() >= m_max)
            break;
        if (c.sipUri.isEmpty() || !(c.watchPresence || c.watchRegistration || c.watchDialog))
            continue;
        wanted << c.id;
        const auto it = m_watchers.constFind(c.id);
        if (it != m_watchers.cend() &&
            (it->uri != c.sipUri || it->presence != c.watchPresence ||
             it->registration != c.watchRegistration || it->dialog != c.watchDialog))
            dropWatch(c.id);
        if (!m_watchers.contains(c.id))
            startWatch(c);
    }
    const QList<qint64> running = m_watchers.keys();
    for (qint64 id : running)
        if (!wanted.contains(id))
            dropWatch(id);
    if (!m_active) {
        m_active = true;
        Q_EMIT activeChanged();
    }
    Q_EMIT watcherCountChanged();
}

void PresenceController::startWatch(const parlo::storage::Contact &contact) {
    const auto uri = parlo::sip::SipUri::parse(contact.sipUri.toUtf8());
    parlo::Account *account = m_accounts->defaultAccount();
    if (!uri || !account)
        return;
    const parlo::AccountSettings &s = account->settings();
    auto *watcher = new PresenceWatcher(m_accounts->userAgent(), this);
    PresenceWatcher::Config c;
    c.contact = *uri;
    c.from = parlo::sip::NameAddr(s.aor, s.displayName);
    c.outboundProxy = s.outboundProxy;
    c.transport = s.transport;
    c.watchPresence = contact.watchPresence;
    c.watchRegistration = contact.watchRegistration;
    c.watchDialog = contact.watchDialog;
    watcher->setConfig(c);
    watcher->setCredentials(m_accounts->defaultCredentials());
    const qint64 id = contact.id;
    connect(watcher, &PresenceWatcher::presenceChanged, this, [this, id]() { report(id); });
    connect(watcher, &PresenceWatcher::registrationChanged, this, [this, id]() { report(id); });
    connect(watcher, &PresenceWatcher::busyLampChanged, this, [this, id]() { report(id); });
    m_watchers.insert(id, Watch{watcher, contact.sipUri, contact.watchPresence, contact.watchRegistration,
                                contact.watchDialog});
    watcher->start();
}

void PresenceController::dropWatch(qint64 id) {
    const Watch w = m_watchers.take(id);
    if (!w.watcher)
        return;
    disconnect(w.watcher, nullptr, this, nullptr);
    // Un-SUBSCRIBE, then let it go (bounded by the subscriptions' own timeout).
    connect(w.watcher, &PresenceWatcher::stopped, w.watcher, &QObject::deleteLater);
    if (w.watcher->state() == PresenceWatcher::State::Watching)
        w.watcher->stop();
    else
        w.watcher->deleteLater();
    if (m_contacts)
        m_contacts->setPresence(id, {});
}

void PresenceController::stopAll() {
    if (!m_active && m_watchers.isEmpty())
        return;
    const QList<qint64> ids = m_watchers.keys();
    for (qint64 id : ids)
        dropWatch(id);
    // What the watchers said is stale once the account is gone.
    if (m_contacts)
        m_contacts->clearPresence();
    if (m_active) {
        m_active = false;
        Q_EMIT activeChanged();
    }
    Q_EMIT watcherCountChanged();
}

void PresenceController::report(qint64 id) {
    const Watch w = m_watchers.value(id);
    if (!w.watcher || !m_contacts)
        return;
    ContactListModel::PresenceInfo info;
    info.presence = w.watcher->presence();
    info.note = w.watcher->note();
    info.registration = w.watcher->registration();
    info.busyLamp = w.watcher->busyLamp();
    m_contacts->setPresence(id, info);
}
