#include "CallHistoryModel.h"

#include "AppStorage.h"
#include "sip/message/SipMessage.h"
#include "sip/message/SipUri.h"
#include "storage/CallHistoryStore.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QSettings>

using parlo::storage::CallHistoryStore;
using parlo::storage::CallRecord;
using parlo::storage::StorageError;

namespace {

const QString kLastSeenKey = QStringLiteral("missed/lastSeenMs");

QString statusText(int code) {
    return QStringLiteral("%1 %2").arg(code).arg(
        QString::fromUtf8(parlo::sip::SipMessage::defaultReason(code)));
}

// "bob@example.com" for sip:bob@example.com:5061;transport=tls, the number for tel:.
QString addressOf(const QString &uri) {
    if (const auto parsed = parlo::sip::SipUri::parse(uri.toUtf8())) {
        const QString user = QString::fromUtf8(parsed->user());
        const QString host = QString::fromUtf8(parsed->host());
        if (host.isEmpty())
            return user;
        return user.isEmpty() ? host : user + QLatin1Char('@') + host;
    }
    return uri;
}

std::unique_ptr<QSettings> openSettings(const QString &file) {
    if (file.isEmpty())
        return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                           QStringLiteral("Parlo"), QStringLiteral("history"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

// When a call stopped being news: its end, or its start while it still rings.
qint64 settledMs(const CallRecord &r) {
    return qMax(r.endMs, r.startMs);
}

} // namespace

CallHistoryModel::CallHistoryModel(QObject *parent)
    : CallHistoryModel(AppStorage::instance()->history(), parent) {}

CallHistoryModel::CallHistoryModel(CallHistoryStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store) {
    if (m_store) {
        // Each signal follows one committed write; sync() turns the difference into row changes.
        connect(m_store, &CallHistoryStore::recordAdded, this, &CallHistoryModel::sync);
        connect(m_store, &CallHistoryStore::recordChanged, this, &CallHistoryModel::sync);
        connect(m_store, &CallHistoryStore::recordRemoved, this, &CallHistoryModel::sync);
        connect(m_store, &CallHistoryStore::cleared, this, &CallHistoryModel::sync);
    }
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this]() {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(m_rows.size() - 1), {TimeTextRole});
        scheduleMidnight();
    });
    scheduleMidnight();
    loadLastSeen();
    sync();
}

void CallHistoryModel::setSettingsFile(const QString &file) {
    if (file == m_settingsFile)
        return;
    m_settingsFile = file;
    loadLastSeen();
    updateMissedCount();
    Q_EMIT settingsFileChanged();
}

void CallHistoryModel::loadLastSeen() {
    m_lastSeenMs = openSettings(m_settingsFile)->value(kLastSeenKey, 0).toLongLong();
}

void CallHistoryModel::scheduleMidnight() {
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0));
    m_midnight.start(int(qBound(qint64(1000), now.msecsTo(midnight) + 1000, qint64(24 * 3600 * 1000))));
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> CallHistoryModel::roleNames() const {
    return {
        {RecordIdRole, "recordId"}, {RemoteNameRole, "remoteName"},   {RemoteUriRole, "remoteUri"},
        {AddressRole, "address"},   {DisplayNameRole, "displayName"}, {IncomingRole, "incoming"},
        {MissedRole, "missed"},     {AnsweredRole, "answered"},       {StartTimeRole, "startTime"},
        {TimeTextRole, "timeText"}, {DurationRole, "duration"},       {DurationTextRole, "durationText"},
        {EndTextRole, "endText"},   {StatusRole, "status"},
    };
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallRecord &r = m_rows.at(index.row());
    const qint64 seconds = r.answerMs && r.endMs > r.answerMs ? (r.endMs - r.answerMs) / 1000 : 0;
    switch (role) {
    case RecordIdRole:
        return r.id;
    case RemoteNameRole:
        return r.remoteName;
    case RemoteUriRole:
        return r.remoteUri;
    case AddressRole:
        return addressOf(r.remoteUri);
    case Qt::DisplayRole:
    case DisplayNameRole:
        return r.remoteName.isEmpty() ? addressOf(r.remoteUri) : r.remoteName;
    case IncomingRole:
        return r.direction == CallRecord::Direction::Incoming;
    case MissedRole:
        return r.missed;
    case AnsweredRole:
        return r.answerMs != 0;
    case StartTimeRole:
        return QDateTime::fromMSecsSinceEpoch(r.startMs);
    case TimeTextRole: {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(r.startMs);
        const QLocale locale;
        if (start.date() == QDate::currentDate()) {
            // Minutes are enough in a list; only some locales' short format (C) has seconds.
            QString format = locale.timeFormat(QLocale::ShortFormat);
            format.remove(QStringLiteral(":ss"));
            return locale.toString(start.time(), format);
        }
        return locale.toString(start.date(), QLocale::ShortFormat);
    }
    case DurationRole:
        return seconds;
    case DurationTextRole:
        return r.answerMs ? durationText(seconds) : QString();
    case EndTextRole:
        return endText(r);
    case StatusRole:
        return r.status;
    }
    return {};
}

void CallHistoryModel::sync() {
    const QList<CallRecord> fresh = m_store ? m_store->list(kLimit) : QList<CallRecord>();
    const qsizetype before = m_rows.size();
    if (m_rows.isEmpty() && !fresh.isEmpty()) {
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        m_rows = fresh;
        endInsertRows();
    } else {
        QSet<qint64> freshIds;
        for (const CallRecord &r : fresh)
            freshIds.insert(r.id);
        // Rows that went, bottom up in runs (a clear() is one removal).
        for (qsizetype i = m_rows.size() - 1; i >= 0;) {
            if (freshIds.contains(m_rows.at(i).id)) {
                --i;
                continue;
            }
            const qsizetype last = i;
            while (i >= 0 && !freshIds.contains(m_rows.at(i).id))
                --i;
            beginRemoveRows({}, int(i + 1), int(last));
            m_rows.remove(i + 1, last - i);
            endRemoveRows();
        }
        // Then top down: keep, change, move up (its start time changed) or insert.
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            const CallRecord &r = fresh.at(i);
            if (i < m_rows.size() && m_rows.at(i).id == r.id) {
                if (!(m_rows.at(i) == r)) {
                    m_rows[i] = r;
                    Q_EMIT dataChanged(index(int(i)), index(int(i)));
                }
                continue;
            }
            qsizetype j = i + 1;
            while (j < m_rows.size() && m_rows.at(j).id != r.id)
                ++j;
            if (j < m_rows.size()) {
                beginMoveRows({}, int(j), int(j), {}, int(i));
                m_rows.move(j, i);
                endMoveRows();
                if (!(m_rows.at(i) == r)) {
                    m_rows[i] = r;
                    Q_EMIT dataChanged(index(int(i)), index(int(i)));
                }
            } else {
                beginInsertRows({}, int(i), int(i));
                m_rows.insert(i, r);
                endInsertRows();
            }
        }
    }
    if (m_rows.size() != before)
        Q_EMIT countChanged();
    updateMissedCount();
}

void CallHistoryModel::updateMissedCount() {
    int n = 0;
    for (const CallRecord &r : std::as_const(m_rows))
        n += r.missed && settledMs(r) > m_lastSeenMs;
    if (n == m_missedCount)
        return;
    m_missedCount = n;
    Q_EMIT missedCountChanged();
}

void CallHistoryModel::markAllSeen() {
    qint64 seen = QDateTime::currentMSecsSinceEpoch();
    for (const CallRecord &r : std::as_const(m_rows))
        seen = qMax(seen, settledMs(r)); // a clock that went back must not bring them back
    m_lastSeenMs = seen;
    auto settings = openSettings(m_settingsFile);
    settings->setValue(kLastSeenKey, seen);
    updateMissedCount();
}

void CallHistoryModel::setErrorText(const QString &text) {
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

bool CallHistoryModel::remove(int row) {
    if (row < 0 || row >= m_rows.size() || !m_store)
        return false;
    const StorageError e = m_store->remove(m_rows.at(row).id);
    // NotFound: it is gone already, which is what was asked.
    if (e && e.kind != StorageError::Kind::NotFound) {
        setErrorText(tr("The call could not be deleted from the history."));
        return false;
    }
    setErrorText({});
    sync();
    return true;
}

bool CallHistoryModel::clear() {
    if (!m_store)
        return false;
    if (m_store->clear()) {
        setErrorText(tr("The call history could not be cleared."));
        return false;
    }
    setErrorText({});
    return true;
}

QVariantList CallHistoryModel::suggestions(const QString &prefix, int max) const {
    const QString typed = prefix.trimmed().toLower();
    QVariantList out;
    if (typed.isEmpty() || max <= 0)
        return out;
    QSet<QString> seen;
    for (const CallRecord &r : m_rows) {
        const QString uri = r.remoteUri.toLower();
        if (uri.isEmpty() || seen.contains(uri))
            continue;
        const QString address = addressOf(r.remoteUri);
        const QString lowerAddress = address.toLower();
        // Nothing to complete when it is typed in full already.
        if (typed == uri || typed == lowerAddress)
            continue;
        bool match = uri.startsWith(typed) || lowerAddress.startsWith(typed);
        const QString name = r.remoteName.toLower();
        if (!match && !name.isEmpty()) {
            match = name.startsWith(typed);
            for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                match = match || word.startsWith(typed);
        }
        if (!match)
            continue;
        seen.insert(uri);
        out.append(QVariantMap{
            {QStringLiteral("uri"), r.remoteUri},
            {QStringLiteral("name"), r.remoteName},
            {QStringLiteral("address"), address},
        });
        if (out.size() >= max)
            break;
    }
    return out;
}

QString CallHistoryModel::durationText(qint64 seconds) {
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString CallHistoryModel::endText(const CallRecord &r) {
    const QString &t = r.endReason;
    const bool answered = r.answerMs != 0;
    const bool incoming = r.direction == CallRecord::Direction::Incoming;
    if (!r.endMs && t.isEmpty())
        return tr("The call is still going on.");
    if (t == QLatin1String("local-bye")) {
        if (answered)
            return tr("You hung up.");
        return incoming ? tr("You did not answer.") : tr("You hung up before the call was answered.");
    }
    if (t == QLatin1String("remote-bye"))
        return answered ? tr("The other side hung up.")
                        : tr("The other side hung up before the call was answered.");
    if (t == QLatin1String("cancelled"))
        return tr("The caller hung up before you answered.");
    if (t == QLatin1String("declined"))
        return tr("You declined the call.");
    if (t == QLatin1String("busy"))
        return tr("The other side was busy.");
    if (t == QLatin1String("rejected")) {
        switch (r.status) {
        case 404:
        case 604:
            return tr("This number or address does not exist (%1).").arg(statusText(r.status));
        case 480:
            return tr("The other side was not available (%1).").arg(statusText(r.status));
        case 603:
            return tr("The other side declined the call.");
        }
        return r.status > 0 ? tr("The call was refused (%1).").arg(statusText(r.status))
                            : tr("The call was refused.");
    }
    if (t == QLatin1String("not-reachable"))
        return tr("The other side could not be reached.");
    if (t == QLatin1String("no-common-media"))
        return tr("The other side supports none of Parlo's audio codecs.");
    if (t == QLatin1String("auth-failed"))
        return tr("Your provider refused the call: check the account's password.");
    if (t == QLatin1String("connection-lost"))
        return tr("The connection was lost during the call.");
    if (t == QLatin1String("do-not-disturb"))
        return tr("Turned away: do not disturb was on.");
    if (t == QLatin1String("call-waiting-off"))
        return tr("Turned away: you were in another call and call waiting is off.");
    if (t == QLatin1String("refused"))
        return tr("Turned away: Parlo could not open a network port for the audio.");
    if (t == QLatin1String("interrupted"))
        return tr("Parlo was closed during the call.");
    return answered ? tr("The call has ended.") : tr("The call was not connected.");
}
