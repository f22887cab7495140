#include "MessageModel.h"

#include "AppStorage.h"

#include <QDateTime>
#include <QLocale>

using parlo::storage::MessageRecord;

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent) {
    auto *store = AppStorage::instance()->messages();
    connect(store, &parlo::storage::MessageStore::messageAdded, this, &MessageModel::onAdded);
    connect(store, &parlo::storage::MessageStore::statusChanged, this,
            [this](qint64 id, MessageRecord::Status) { onStatus(id); });
}

void MessageModel::setController(MessageController *controller) {
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &MessageController::failureTextChanged, this, &MessageModel::onStatus);
        m_controller->markRead(m_uri);
    }
    Q_EMIT controllerChanged();
}

void MessageModel::setRemoteUri(const QString &uri) {
    if (uri == m_uri)
        return;
    m_uri = uri;
    reload();
    if (m_controller)
        m_controller->markRead(m_uri);
    Q_EMIT remoteUriChanged();
}

void MessageModel::reload() {
    beginResetModel();
    m_rows =
        m_uri.isEmpty() ? QList<MessageRecord>() : AppStorage::instance()->messages()->conversation(m_uri);
    endResetModel();
    Q_EMIT countChanged();
}

void MessageModel::onAdded() {
    if (m_uri.isEmpty())
        return;
    // The store has no lookup by id: read the tail again and append what is new.
    const QList<MessageRecord> now = AppStorage::instance()->messages()->conversation(m_uri);
    const qint64 lastId = m_rows.isEmpty() ? 0 : m_rows.last().id;
    QList<MessageRecord> fresh;
    for (const MessageRecord &m : now)
        if (m.id > lastId)
            fresh << m;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, m_rows.size(), m_rows.size() + fresh.size() - 1);
    m_rows << fresh;
    endInsertRows();
    Q_EMIT countChanged();
    // The conversation is open: what arrives here is read.
    if (m_controller)
        m_controller->markRead(m_uri);
}

void MessageModel::onStatus(qint64 id) {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != id)
            continue;
        const QList<MessageRecord> now = AppStorage::instance()->messages()->conversation(m_uri);
        for (const MessageRecord &m : now)
            if (m.id == id)
                m_rows[i].status = m.status;
        Q_EMIT dataChanged(index(i), index(i), {StatusRole, StatusTextRole, FailureTextRole});
        return;
    }
}

bool MessageModel::send(const QString &text) {
    return m_controller && m_controller->send(m_uri, text);
}

int MessageModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MessageRecord &m = m_rows[index.row()];
    const Status status = m.status == MessageRecord::Status::Delivered ? Delivered
                          : m.status == MessageRecord::Status::Failed  ? Failed
                                                                       : Sending;
    switch (role) {
    case MessageIdRole:
        return m.id;
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case IncomingRole:
        return m.direction == MessageRecord::Direction::Incoming;
    case TimeTextRole: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(m.timeMs);
        const QLocale locale;
        return t.date() == QDate::currentDate() ? locale.toString(t.time(), QLocale::ShortFormat)
                                                : locale.toString(t, QLocale::ShortFormat);
    }
    case StatusRole:
        return int(status);
    case StatusTextRole:
        if (m.direction == MessageRecord::Direction::Incoming)
            return QString();
        return status == Delivered ? tr("Delivered")
               : status == Failed  ? tr("Not delivered")
                                   : tr("Sending…");
    case FailureTextRole:
        return m_controller ? m_controller->failureText(m.id) : QString();
    }
    return {};
}

QHash<int, QByteArray> MessageModel::roleNames() const {
    return {{MessageIdRole, "messageId"},    {TextRole, "text"},     {IncomingRole, "incoming"},
            {TimeTextRole, "timeText"},      {StatusRole, "status"}, {StatusTextRole, "statusText"},
            {FailureTextRole, "failureText"}};
}
