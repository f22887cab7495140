#include "ContactListModel.h"

#include "AppStorage.h"

using Lamp = parlo::presence::BusyLamp;
using parlo::presence::PresenceState;
using parlo::presence::PresenceWatcher;
using parlo::storage::Contact;

ContactListModel::ContactListModel(QObject *parent)
    : QAbstractListModel(parent) {
    auto *store = AppStorage::instance()->contacts();
    m_rows = store->list();
    connect(store, &parlo::storage::ContactStore::contactAdded, this, &ContactListModel::onAdded);
    connect(store, &parlo::storage::ContactStore::contactChanged, this, &ContactListModel::onChanged);
    connect(store, &parlo::storage::ContactStore::contactRemoved, this, &ContactListModel::onRemoved);
}

int ContactListModel::rowOf(qint64 contactId) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == contactId)
            return i;
    return -1;
}

void ContactListModel::onAdded(qint64 id) {
    const auto contact = AppStorage::instance()->contacts()->find(id);
    if (!contact || rowOf(id) >= 0)
        return;
    beginInsertRows({}, m_rows.size(), m_rows.size());
    m_rows.append(*contact);
    endInsertRows();
    Q_EMIT countChanged();
}

void ContactListModel::onChanged(qint64 id) {
    const int row = rowOf(id);
    const auto contact = AppStorage::instance()->contacts()->find(id);
    if (row < 0 || !contact)
        return;
    m_rows[row] = *contact;
    Q_EMIT dataChanged(index(row), index(row));
}

void ContactListModel::onRemoved(qint64 id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    m_presence.remove(id);
    Q_EMIT countChanged();
}

void ContactListModel::setPresence(qint64 contactId, const PresenceInfo &info) {
    if (m_presence.value(contactId) == info)
        return;
    m_presence.insert(contactId, info);
    const int row = rowOf(contactId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row),
                           {PresenceRole, PresenceTextRole, PresenceNoteRole, RegistrationRole,
                            RegistrationTextRole, BusyLampRole, BusyLampTextRole});
}

void ContactListModel::clearPresence() {
    const QList<qint64> ids = m_presence.keys();
    for (qint64 id : ids)
        setPresence(id, {});
    m_presence.clear();
}

void ContactListModel::applyPresence(qint64 contactId, int presence, const QString &note, int registration,
                                     int busyLamp) {
    PresenceInfo info;
    info.presence = PresenceState(std::clamp(presence, 0, int(PresenceState::Offline)));
    info.note = note;
    info.registration = PresenceWatcher::Registration(
        std::clamp(registration, 0, int(PresenceWatcher::Registration::NotRegistered)));
    info.busyLamp = Lamp(std::clamp(busyLamp, 0, int(Lamp::InCall)));
    setPresence(contactId, info);
}

QString ContactListModel::presenceText(PresenceState state) {
    switch (state) {
    case PresenceState::Available:
        return tr("Available");
    case PresenceState::Away:
        return tr("Away");
    case PresenceState::Busy:
        return tr("Busy");
    case PresenceState::OnThePhone:
        return tr("On the phone");
    case PresenceState::Offline:
        return tr("Offline");
    case PresenceState::Unknown:
        break;
    }
    return {};
}

QString ContactListModel::registrationText(PresenceWatcher::Registration registration) {
    switch (registration) {
    case PresenceWatcher::Registration::Registered:
        return tr("Registered");
    case PresenceWatcher::Registration::NotRegistered:
        return tr("Not registered");
    case PresenceWatcher::Registration::Unknown:
        break;
    }
    return {};
}

QString ContactListModel::busyLampText(Lamp lamp) {
    switch (lamp) {
    case Lamp::Idle:
        return tr("Idle");
    case Lamp::Ringing:
        return tr("Ringing");
    case Lamp::InCall:
        return tr("In a call");
    case Lamp::Unknown:
        break;
    }
    return {};
}

int ContactListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Contact &c = m_rows[index.row()];
    const PresenceInfo p = m_presence.value(c.id);
    switch (role) {
    case ContactIdRole:
        return c.id;
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case SipUriRole:
        return c.sipUri;
    case PhonesRole: {
        QStringList numbers;
        for (const Contact::PhoneNumber &n : c.phones)
            numbers << n.number;
        return numbers.join(QStringLiteral(", "));
    }
    case CallTargetRole:
        if (!c.sipUri.isEmpty())
            return c.sipUri;
        return c.phones.isEmpty() ? QString() : c.phones.first().number;
    case FavouriteRole:
        return c.favourite;
    case WatchedRole:
        return c.watchPresence || c.watchRegistration || c.watchDialog;
    case PresenceRole:
        return int(p.presence);
    case PresenceTextRole:
        return presenceText(p.presence);
    case PresenceNoteRole:
        return p.note;
    case RegistrationRole:
        return int(p.registration);
    case RegistrationTextRole:
        return registrationText(p.registration);
    case BusyLampRole:
        return int(p.busyLamp);
    case BusyLampTextRole:
        return busyLampText(p.busyLamp);
    }
    return {};
}

QHash<int, QByteArray> ContactListModel::roleNames() const {
    return {{ContactIdRole, "contactId"},
            {NameRole, "name"},
            {SipUriRole, "sipUri"},
            {PhonesRole, "phones"},
            {CallTargetRole, "callTarget"},
            {FavouriteRole, "favourite"},
            {WatchedRole, "watched"},
            {PresenceRole, "presence"},
            {PresenceTextRole, "presenceText"},
            {PresenceNoteRole, "presenceNote"},
            {RegistrationRole, "registration"},
            {RegistrationTextRole, "registrationText"},
            {BusyLampRole, "busyLamp"},
            {BusyLampTextRole, "busyLampText"}};
}
