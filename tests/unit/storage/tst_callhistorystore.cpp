#include "storage/CallHistoryStore.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo::storage;

class TestCallHistoryStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crud() {
        QTemporaryDir dir;
        Database db(QStringLiteral("history"));
        QVERIFY(!db.open(dir.filePath(QStringLiteral("h.db"))));
        CallHistoryStore store(&db);
        QSignalSpy added(&store, &CallHistoryStore::recordAdded);

        CallRecord missed;
        missed.direction = CallRecord::Direction::Incoming;
        missed.remoteUri = QStringLiteral("sip:carol@example.com");
        missed.remoteName = QStringLiteral("Carol");
        missed.startMs = 1000;
        missed.endMs = 9000;
        missed.endReason = QStringLiteral("cancelled");
        missed.status = 487;
        missed.missed = true;
        CallRecord answered;
        answered.remoteUri = QStringLiteral("sip:dave@example.com");
        answered.startMs = 20000;
        answered.answerMs = 22000;
        answered.endMs = 80000;
        answered.endReason = QStringLiteral("local-bye");

        {
            const auto r = store.add(missed);
            if (const auto *e = std::get_if<StorageError>(&r))
                QFAIL(qPrintable(e->detail));
            missed.id = std::get<qint64>(r);
        }
        {
            const auto r = store.add(answered);
            if (const auto *e = std::get_if<StorageError>(&r))
                QFAIL(qPrintable(e->detail));
            answered.id = std::get<qint64>(r);
        }
        QCOMPARE(added.size(), 2);
        const auto list = store.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0], answered); // newest first
        QCOMPARE(list[1], missed);
        QCOMPARE(store.missedSince(0), QList<CallRecord>{missed});
        QVERIFY(store.missedSince(5000).isEmpty());
        QCOMPARE(store.list(1).size(), 1);

        answered.endReason = QStringLiteral("remote-bye");
        QVERIFY(!store.update(answered));
        QCOMPARE(store.list()[0].endReason, QStringLiteral("remote-bye"));
        QVERIFY(!store.remove(missed.id));
        QCOMPARE(store.remove(missed.id).kind, StorageError::Kind::NotFound);
        QVERIFY(!store.clear());
        QVERIFY(store.list().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCallHistoryStore)
#include "tst_callhistorystore.moc"
