#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QQmlEngine>

class CallItem;

// The calls that are up (ringing, active, on hold), oldest first. Each row is a CallItem; the roles
// mirror its properties so a list delegate can bind to them directly.
class CallListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CallController owns the call list")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        CallRole = Qt::UserRole + 1,
        RemoteUriRole,
        RemoteNameRole,
        StateRole,
        DirectionRole,
        DurationRole,
        HeldRole,
        MutedRole,
        CodecRole,
        SrtpRole,
        PacketsSentRole,
        PacketsReceivedRole,
        JitterRole,
        LossRole,
        RttRole,
        OneWayAudioRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE CallItem *at(int row) const;
    const QList<CallItem *> &items() const { return m_items; }
    void append(CallItem *item);
    void remove(CallItem *item);

Q_SIGNALS:
    void countChanged();

private:
    void itemChanged(CallItem *item, const QList<int> &roles);
    QList<CallItem *> m_items;
};
