#include "storage/MessageStore.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <algorithm>

namespace parlo::storage {

MessageStore::MessageStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db) {}

std::variant<qint64, StorageError> MessageStore::add(const MessageRecord &m) {
    qint64 id = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(
            QStringLiteral("INSERT INTO messages (contact_id, remote_uri, direction, body, time_ms, status) "
                           "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(m.contactId ? QVariant(m.contactId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.addBindValue(notNull(m.remoteUri));
        q.addBindValue(int(m.direction));
        q.addBindValue(notNull(m.text));
        q.addBindValue(m.timeMs);
        q.addBindValue(int(m.status));
        if (!q.exec()) {
            *error = Database::queryError(q);
            return false;
        }
        id = q.lastInsertId().toLongLong();
        return true;
    });
    if (e)
        return e;
    Q_EMIT messageAdded(id);
    return id;
}

StorageError MessageStore::setStatus(qint64 id, MessageRecord::Status status) {
    int affected = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(QStringLiteral("UPDATE messages SET status = ? WHERE id = ?"));
        q.addBindValue(int(status));
        q.addBindValue(id);
        if (!q.exec()) {
            *error = Database::queryError(q);
            return false;
        }
        affected = q.numRowsAffected();
        return true;
    });
    if (e)
        return e;
    if (!affected)
        return {StorageError::Kind::NotFound, QString::number(id)};
    Q_EMIT statusChanged(id, status);
    return {};
}

QList<MessageRecord> MessageStore::select(const QString &column, const QVariant &value, int limit) const {
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT id, contact_id, remote_uri, direction, body, time_ms, status FROM messages "
                       "WHERE %1 = ? ORDER BY time_ms DESC, id DESC LIMIT ?")
            .arg(column));
    q.addBindValue(value);
    q.addBindValue(limit);
    QList<MessageRecord> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        MessageRecord m;
        m.id = q.value(0).toLongLong();
        m.contactId = q.value(1).toLongLong();
        m.remoteUri = q.value(2).toString();
        m.direction = MessageRecord::Direction(q.value(3).toInt());
        m.text = q.value(4).toString();
        m.timeMs = q.value(5).toLongLong();
        m.status = MessageRecord::Status(q.value(6).toInt());
        out << m;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QList<MessageRecord> MessageStore::conversation(const QString &remoteUri, int limit) const {
    return select(QStringLiteral("remote_uri"), remoteUri, limit);
}

QList<MessageRecord> MessageStore::forContact(qint64 contactId, int limit) const {
    return select(QStringLiteral("contact_id"), contactId, limit);
}

} // namespace parlo::storage
