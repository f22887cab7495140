#pragma once

#include "storage/CallRecord.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace parlo::storage {
class CallHistoryStore;
}

// The call history for the history page and the dialer's suggestions: the newest calls first,
// kept in step with the store row by row (inserts, changes and removals, never a reset), with
// every text the page shows worded here. Counts the missed calls the user has not seen yet; the
// time they last looked is kept in the settings so the count survives a restart.
class CallHistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Missed calls that ended after the user last looked at the history.
    Q_PROPERTY(int missedCount READ missedCount NOTIFY missedCountChanged)
    // Where the "last looked" time is kept; empty: ~/.config/Parlo/history.ini. Tests use a scratch file.
    Q_PROPERTY(QString settingsFile READ settingsFile WRITE setSettingsFile NOTIFY settingsFileChanged)
    // Why the last remove() or clear() failed; empty after a good one.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        RemoteNameRole,
        RemoteUriRole,
        AddressRole,     // user@host of the URI, for showing
        DisplayNameRole, // the name, else the address
        IncomingRole,
        MissedRole,
        AnsweredRole,
        StartTimeRole, // QDateTime, local time
        TimeTextRole,  // time of day for today's calls, else the date
        DurationRole,  // seconds talked; 0 when not answered
        DurationTextRole,
        EndTextRole, // a sentence on how the call went
        StatusRole,  // final SIP status of a failed or refused call, else 0
    };
    Q_ENUM(Role)

    // How many calls the model shows (the newest).
    static constexpr int kLimit = 500;

    // Over the app's database (AppStorage).
    explicit CallHistoryModel(QObject *parent = nullptr);
    // Over store (tests).
    explicit CallHistoryModel(parlo::storage::CallHistoryStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int missedCount() const { return m_missedCount; }
    QString settingsFile() const { return m_settingsFile; }
    void setSettingsFile(const QString &file);
    QString errorText() const { return m_errorText; }
    parlo::storage::CallRecord record(int row) const { return m_rows.value(row); }

    Q_INVOKABLE bool remove(int row);
    Q_INVOKABLE bool clear();
    // Everything missed so far counts as seen (the history page is open).
    Q_INVOKABLE void markAllSeen();
    // Distinct recent parties whose name, address or number starts with prefix (a word of the
    // name counts too), newest first, at most max: [{uri, name, address}]. Empty for an empty
    // prefix and without the entry equal to what was typed.
    Q_INVOKABLE QVariantList suggestions(const QString &prefix, int max = 5) const;

    // The sentence for how a recorded call went (its end token and status).
    static QString endText(const parlo::storage::CallRecord &record);
    static QString durationText(qint64 seconds);

Q_SIGNALS:
    void countChanged();
    void missedCountChanged();
    void settingsFileChanged();
    void errorTextChanged();

private:
    void sync();
    void updateMissedCount();
    void setErrorText(const QString &text);
    void scheduleMidnight();
    void loadLastSeen();

    QPointer<parlo::storage::CallHistoryStore> m_store;
    QList<parlo::storage::CallRecord> m_rows;
    int m_missedCount = 0;
    QString m_settingsFile;
    qint64 m_lastSeenMs = 0;
    QString m_errorText;
    QTimer m_midnight; // "today" moves: times of day become dates
};
