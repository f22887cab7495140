#pragma once

#include "presence/PresenceState.h"
#include "presence/PresenceWatcher.h"
#include "storage/Contact.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>

// The address book (AppStorage's contacts), live: rows follow the store's added/changed/removed
// signals. Also carries what presence found out about each contact (PresenceController feeds it),
// as typed values and as the sentences the badges show.
class ContactListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        ContactIdRole = Qt::UserRole + 1,
        NameRole,
        SipUriRole,
        PhonesRole,     // the numbers, comma separated
        CallTargetRole, // what "call" dials: the SIP URI, else the first number
        FavouriteRole,
        WatchedRole, // any of presence, registration, busy lamp
        PresenceRole,
        PresenceTextRole,
        PresenceNoteRole,
        RegistrationRole,
        RegistrationTextRole,
        BusyLampRole,
        BusyLampTextRole,
    };
    Q_ENUM(Role)

    // The presence values, as QML compares them (PresenceState, Registration and BusyLamp).
    enum Presence { PresenceUnknown, Available, Away, Busy, OnThePhone, Offline };
    Q_ENUM(Presence)
    enum Registration { RegistrationUnknown, Registered, NotRegistered };
    Q_ENUM(Registration)
    enum BusyLamp { LampUnknown, Idle, Ringing, InCall };
    Q_ENUM(BusyLamp)

    struct PresenceInfo {
        parlo::presence::PresenceState presence = parlo::presence::PresenceState::Unknown;
        QString note;
        parlo::presence::PresenceWatcher::Registration registration =
            parlo::presence::PresenceWatcher::Registration::Unknown;
        parlo::presence::BusyLamp busyLamp = parlo::presence::BusyLamp::Unknown;
        bool operator==(const PresenceInfo &) const = default;
    };

    explicit ContactListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QList<parlo::storage::Contact> contacts() const { return m_rows; }
    void setPresence(qint64 contactId, const PresenceInfo &info);
    void clearPresence();
    // QML and tests: the same as setPresence with the enums above.
    Q_INVOKABLE void applyPresence(qint64 contactId, int presence, const QString &note, int registration,
                                   int busyLamp);
    Q_INVOKABLE int rowOf(qint64 contactId) const;

    static QString presenceText(parlo::presence::PresenceState state);
    static QString registrationText(parlo::presence::PresenceWatcher::Registration registration);
    static QString busyLampText(parlo::presence::BusyLamp lamp);

Q_SIGNALS:
    void countChanged();

private:
    void onAdded(qint64 id);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);

    QList<parlo::storage::Contact> m_rows; // store order; ContactFilterModel sorts
    QHash<qint64, PresenceInfo> m_presence;
};
