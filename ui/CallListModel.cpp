#include "CallListModel.h"

#include "CallItem.h"

int CallListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

CallItem *CallListModel::at(int row) const {
    return row >= 0 && row < m_items.size() ? m_items[row] : nullptr;
}

void CallListModel::append(CallItem *item) {
    beginInsertRows({}, int(m_items.size()), int(m_items.size()));
    m_items.append(item);
    endInsertRows();
    connect(item, &CallItem::changed, this, [this, item]() {
        itemChanged(item, {StateRole, HeldRole, MutedRole, OneWayAudioRole});
    });
    connect(item, &CallItem::durationChanged, this, [this, item]() { itemChanged(item, {DurationRole}); });
    connect(item, &CallItem::statsChanged, this, [this, item]() {
        itemChanged(
            item, {CodecRole, SrtpRole, PacketsSentRole, PacketsReceivedRole, JitterRole, LossRole, RttRole});
    });
    Q_EMIT countChanged();
}

void CallListModel::remove(CallItem *item) {
    const int row = int(m_items.indexOf(item));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    disconnect(item, nullptr, this, nullptr);
    Q_EMIT countChanged();
}

void CallListModel::itemChanged(CallItem *item, const QList<int> &roles) {
    const int row = int(m_items.indexOf(item));
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

QVariant CallListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const CallItem *c = m_items[index.row()];
    switch (role) {
    case CallRole:
        return QVariant::fromValue(const_cast<CallItem *>(c));
    case Qt::DisplayRole:
        return c->remoteName().isEmpty() ? c->remoteUri() : c->remoteName();
    case RemoteUriRole:
        return c->remoteUri();
    case RemoteNameRole:
        return c->remoteName();
    case StateRole:
        return int(c->state());
    case DirectionRole:
        return int(c->direction());
    case DurationRole:
        return c->duration();
    case HeldRole:
        return c->onHold();
    case MutedRole:
        return c->muted();
    case CodecRole:
        return c->codec();
    case SrtpRole:
        return c->secure();
    case PacketsSentRole:
        return c->packetsSent();
    case PacketsReceivedRole:
        return c->packetsReceived();
    case JitterRole:
        return c->jitterMs();
    case LossRole:
        return c->lossPercent();
    case RttRole:
        return c->rttMs();
    case OneWayAudioRole:
        return c->oneWayAudio();
    }
    return {};
}

QHash<int, QByteArray> CallListModel::roleNames() const {
    return {{CallRole, "call"},
            {RemoteUriRole, "remoteUri"},
            {RemoteNameRole, "remoteName"},
            {StateRole, "state"},
            {DirectionRole, "direction"},
            {DurationRole, "duration"},
            {HeldRole, "held"},
            {MutedRole, "muted"},
            {CodecRole, "codec"},
            {SrtpRole, "srtp"},
            {PacketsSentRole, "packetsSent"},
            {PacketsReceivedRole, "packetsReceived"},
            {JitterRole, "jitterMs"},
            {LossRole, "lossPercent"},
            {RttRole, "rttMs"},
            {OneWayAudioRole, "oneWayAudio"}};
}
