#include "storage/CallHistoryStore.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace parlo::storage {

namespace {

bool bindAndExec(QSqlQuery &q, const CallRecord &r, StorageError *error) {
    q.addBindValue(int(r.direction));
    q.addBindValue(notNull(r.remoteUri));
    q.addBindValue(notNull(r.remoteName));
    q.addBindValue(r.startMs);
    q.addBindValue(r.answerMs);
    q.addBindValue(r.endMs);
    q.addBindValue(notNull(r.endReason));
    q.addBindValue(r.status);
    q.addBindValue(int(r.missed));
    if (!q.exec()) {
        *error = Database::queryError(q);
        return false;
    }
    return true;
}

} // namespace

CallHistoryStore::CallHistoryStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db) {}

std::variant<qint64, StorageError> CallHistoryStore::add(const CallRecord &record) {
    qint64 id = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(QStringLiteral(
            "INSERT INTO call_history (direction, remote_uri, remote_name, start_ms, "
            "answer_ms, end_ms, end_reason, status, missed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!bindAndExec(q, record, error))
            return false;
        id = q.lastInsertId().toLongLong();
        return true;
    });
    if (e)
        return e;
    Q_EMIT recordAdded(id);
    return id;
}

StorageError CallHistoryStore::update(const CallRecord &record) {
    int affected = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(
            QStringLiteral("UPDATE call_history SET direction = ?, remote_uri = ?, remote_name = ?, "
                           "start_ms = ?, answer_ms = ?, end_ms = ?, end_reason = ?, status = ?, missed = ? "
                           "WHERE id = ?"));
        q.addBindValue(int(record.direction));
        q.addBindValue(notNull(record.remoteUri));
        q.addBindValue(notNull(record.remoteName));
        q.addBindValue(record.startMs);
        q.addBindValue(record.answerMs);
        q.addBindValue(record.endMs);
        q.addBindValue(notNull(record.endReason));
        q.addBindValue(record.status);
        q.addBindValue(int(record.missed));
        q.addBindValue(record.id);
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
        return {StorageError::Kind::NotFound, QString::number(record.id)};
    Q_EMIT recordChanged(record.id);
    return {};
}

StorageError CallHistoryStore::remove(qint64 id) {
    int affected = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(QStringLiteral("DELETE FROM call_history WHERE id = ?"));
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
    Q_EMIT recordRemoved(id);
    return {};
}

StorageError CallHistoryStore::clear() {
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        if (!q.exec(QStringLiteral("DELETE FROM call_history"))) {
            *error = Database::queryError(q);
            return false;
        }
        return true;
    });
    if (!e)
        Q_EMIT cleared();
    return e;
}

QList<CallRecord> CallHistoryStore::select(const QString &where, const QVariantList &values) const {
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT id, direction, remote_uri, remote_name, start_ms, answer_ms, end_ms, "
                             "end_reason, status, missed FROM call_history %1")
                  .arg(where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<CallRecord> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        CallRecord r;
        r.id = q.value(0).toLongLong();
        r.direction = CallRecord::Direction(q.value(1).toInt());
        r.remoteUri = q.value(2).toString();
        r.remoteName = q.value(3).toString();
        r.startMs = q.value(4).toLongLong();
        r.answerMs = q.value(5).toLongLong();
        r.endMs = q.value(6).toLongLong();
        r.endReason = q.value(7).toString();
        r.status = q.value(8).toInt();
        r.missed = q.value(9).toBool();
        out << r;
    }
    return out;
}

QList<CallRecord> CallHistoryStore::list(int limit) const {
    return select(QStringLiteral("ORDER BY start_ms DESC, id DESC LIMIT ?"), {limit});
}

QList<CallRecord> CallHistoryStore::missedSince(qint64 sinceMs) const {
    return select(QStringLiteral("WHERE missed = 1 AND start_ms >= ? ORDER BY start_ms DESC, id DESC"),
                  {sinceMs});
}

} // namespace parlo::storage
