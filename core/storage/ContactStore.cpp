#include "storage/ContactStore.h"

#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace parlo::storage {

namespace {

QString phonesToJson(const QList<Contact::PhoneNumber> &phones) {
    QJsonArray a;
    for (const auto &p : phones)
        a.append(QJsonObject{{QStringLiteral("n"), p.number},
                             {QStringLiteral("t"), QJsonArray::fromStringList(p.types)}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Contact::PhoneNumber> phonesFromJson(const QString &json) {
    QList<Contact::PhoneNumber> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &v : a) {
        const QJsonObject o = v.toObject();
        Contact::PhoneNumber p;
        p.number = o.value(QStringLiteral("n")).toString();
        for (const auto &t : o.value(QStringLiteral("t")).toArray())
            p.types << t.toString();
        out << p;
    }
    return out;
}

// sip:User@Host → sip:User@host: scheme and host compare case-insensitively (RFC 3261 §19.1.4).
QString normalizedUri(const QString &uri) {
    const qsizetype at = uri.indexOf(QLatin1Char('@'));
    const qsizetype colon = uri.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return uri;
    QString out = uri.left(colon).toLower() + uri.mid(colon, at < 0 ? -1 : at - colon);
    if (at >= 0)
        out += uri.mid(at).toLower();
    return out;
}

const char *kColumns =
    "id, name, sip_uri, phones, favourite, watch_presence, watch_registration, watch_dialog";

bool bindAndExec(QSqlQuery &q, const Contact &c, StorageError *error, bool withId) {
    q.addBindValue(notNull(c.name));
    q.addBindValue(notNull(normalizedUri(c.sipUri)));
    q.addBindValue(phonesToJson(c.phones));
    q.addBindValue(int(c.favourite));
    q.addBindValue(int(c.watchPresence));
    q.addBindValue(int(c.watchRegistration));
    q.addBindValue(int(c.watchDialog));
    if (withId)
        q.addBindValue(c.id);
    if (!q.exec()) {
        *error = Database::queryError(q);
        return false;
    }
    return true;
}

} // namespace

ContactStore::ContactStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db) {}

std::variant<qint64, StorageError> ContactStore::add(const Contact &contact) {
    auto r = addAll({contact});
    if (auto *e = std::get_if<StorageError>(&r))
        return *e;
    return std::get<QList<qint64>>(r).value(0);
}

std::variant<QList<qint64>, StorageError> ContactStore::addAll(const QList<Contact> &contacts) {
    for (const Contact &c : contacts)
        if (c.name.trimmed().isEmpty() && c.sipUri.isEmpty())
            return StorageError{StorageError::Kind::InvalidValue, QStringLiteral("name")};
    QList<qint64> ids;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        for (const Contact &c : contacts) {
            q.prepare(
                QStringLiteral("INSERT INTO contacts (name, sip_uri, phones, favourite, watch_presence, "
                               "watch_registration, watch_dialog) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            if (!bindAndExec(q, c, error, false))
                return false;
            ids << q.lastInsertId().toLongLong();
        }
        return true;
    });
    if (e)
        return e;
    for (qint64 id : ids)
        Q_EMIT contactAdded(id);
    return ids;
}

StorageError ContactStore::update(const Contact &contact) {
    int affected = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(
            QStringLiteral("UPDATE contacts SET name = ?, sip_uri = ?, phones = ?, favourite = ?, "
                           "watch_presence = ?, watch_registration = ?, watch_dialog = ? WHERE id = ?"));
        if (!bindAndExec(q, contact, error, true))
            return false;
        affected = q.numRowsAffected();
        return true;
    });
    if (e)
        return e;
    if (affected == 0)
        return {StorageError::Kind::NotFound, QString::number(contact.id)};
    Q_EMIT contactChanged(contact.id);
    return {};
}

StorageError ContactStore::remove(qint64 id) {
    int affected = 0;
    StorageError e = m_db->write([&](QSqlQuery &q, StorageError *error) {
        q.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?"));
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
    if (affected == 0)
        return {StorageError::Kind::NotFound, QString::number(id)};
    Q_EMIT contactRemoved(id);
    return {};
}

QList<Contact> ContactStore::select(const QString &where, const QVariantList &values) const {
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM contacts %2 ORDER BY favourite DESC, name COLLATE NOCASE, id")
                  .arg(QLatin1String(kColumns), where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<Contact> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        Contact c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.sipUri = q.value(2).toString();
        c.phones = phonesFromJson(q.value(3).toString());
        c.favourite = q.value(4).toBool();
        c.watchPresence = q.value(5).toBool();
        c.watchRegistration = q.value(6).toBool();
        c.watchDialog = q.value(7).toBool();
        out << c;
    }
    return out;
}

QList<Contact> ContactStore::list() const {
    return select({}, {});
}

std::optional<Contact> ContactStore::find(qint64 id) const {
    const auto l = select(QStringLiteral("WHERE id = ?"), {id});
    return l.isEmpty() ? std::nullopt : std::optional<Contact>(l.first());
}

std::optional<Contact> ContactStore::findByUri(const QString &sipUri) const {
    const auto l = select(QStringLiteral("WHERE sip_uri = ?"), {normalizedUri(sipUri)});
    return l.isEmpty() ? std::nullopt : std::optional<Contact>(l.first());
}

QList<Contact> ContactStore::search(const QString &text) const {
    QString pattern = text;
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
    return select(QStringLiteral("WHERE name LIKE ? ESCAPE '\\' OR sip_uri LIKE ? ESCAPE '\\' "
                                 "OR phones LIKE ? ESCAPE '\\'"),
                  {pattern, pattern, pattern});
}

} // namespace parlo::storage
