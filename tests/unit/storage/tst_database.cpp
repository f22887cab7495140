#include "storage/ContactStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <cstring>

using namespace parlo::storage;

namespace {

// Child mode of this binary (see crashSafety): writes contacts one transaction at a time and prints
// each id once its commit returned, until killed.
int runWriter(const QString &path) {
    Database db(QStringLiteral("writer"));
    if (db.open(path))
        return 2;
    ContactStore store(&db);
    for (int i = 0; i < 1000000; ++i) {
        Contact c;
        c.name = QStringLiteral("burst %1").arg(i);
        c.sipUri = QStringLiteral("sip:burst%1@example.com").arg(i);
        c.phones = {{QStringLiteral("+4930%1").arg(i), {QStringLiteral("work")}}};
        const auto r = store.add(c);
        if (!std::holds_alternative<qint64>(r))
            return 3;
        std::printf("%lld\n", static_cast<long long>(std::get<qint64>(r)));
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freshDatabaseIsCurrent() {
        QTemporaryDir dir;
        Database db(QStringLiteral("fresh"));
        QVERIFY(!db.open(dir.filePath(QStringLiteral("p.db"))));
        QCOMPARE(db.schemaVersion(), Database::currentVersion);
        QCOMPARE(Database::migrations().size(), Database::currentVersion);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        // Reopening does not migrate again.
        db.close();
        QVERIFY(!db.open(dir.filePath(QStringLiteral("p.db"))));
        QCOMPARE(db.schemaVersion(), Database::currentVersion);
    }

    void migratesFromVersion1() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            // A database as version 1 wrote it, by hand.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (1)")));
            const auto migrations = Database::migrations(); // a temporary's at() would dangle in the loop
            for (const QString &sql : migrations.at(0))
                QVERIFY(q.exec(sql));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO contacts (name, sip_uri, phones, favourite) VALUES "
                               "('Bob', 'sip:bob@example.com', '[{\"n\":\"+491\",\"t\":[\"cell\"]}]', 1)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO call_history (direction, remote_uri, start_ms, missed) "
                                      "VALUES (0, 'sip:carol@example.com', 1000, 1)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));

        Database db(QStringLiteral("migrated"));
        const StorageError e = db.open(path);
        QVERIFY2(!e, qPrintable(e.detail));
        QCOMPARE(db.schemaVersion(), Database::currentVersion);
        ContactStore contacts(&db);
        const auto bob = contacts.findByUri(QStringLiteral("sip:bob@example.com"));
        QVERIFY(bob);
        QCOMPARE(bob->name, QStringLiteral("Bob"));
        QVERIFY(bob->favourite);
        QVERIFY(!bob->watchPresence); // new column, default
        QCOMPARE(bob->phones.size(), 1);
        QCOMPARE(bob->phones[0].types, QStringList{QStringLiteral("cell")});
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM call_history WHERE missed = 1")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        {
            Database db(QStringLiteral("n1"));
            QVERIFY(!db.open(path));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        Database db(QStringLiteral("n2"));
        QCOMPARE(db.open(path).kind, StorageError::Kind::SchemaTooNew);
        QVERIFY(!db.isOpen());
    }

    void notADatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'j'));
        f.close();
        Database db(QStringLiteral("junk"));
        QCOMPARE(db.open(path).kind, StorageError::Kind::OpenFailed);
    }

    void failedWriteRollsBack() {
        QTemporaryDir dir;
        Database db(QStringLiteral("rb"));
        QVERIFY(!db.open(dir.filePath(QStringLiteral("rb.db"))));
        const StorageError e = db.write([](QSqlQuery &q, StorageError *err) {
            if (!q.exec(QStringLiteral("INSERT INTO contacts (name) VALUES ('half')")))
                return false;
            if (!q.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)"))) {
                *err = Database::queryError(q);
                return false;
            }
            return true;
        });
        QCOMPARE(e.kind, StorageError::Kind::QueryFailed);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM contacts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void crashSafety() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--burst-writer"), path});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        // Kill mid-burst once enough commits were confirmed.
        while (out.count('\n') < 150) {
            QVERIFY2(child.waitForReadyRead(20000), "writer produced no output");
            out += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(5000));
        out += child.readAllStandardOutput();
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        QList<qint64> confirmed;
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) // the last piece may be cut off
            confirmed << lines[i].toLongLong();
        QVERIFY(confirmed.size() >= 150);

        Database db(QStringLiteral("reopened"));
        const StorageError e = db.open(path);
        QVERIFY2(!e, qPrintable(e.detail));
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        ContactStore store(&db);
        for (qint64 id : confirmed) {
            const auto c = store.find(id);
            QVERIFY2(c, qPrintable(QStringLiteral("confirmed id %1 lost").arg(id)));
            QVERIFY(c->name.startsWith(QLatin1String("burst ")));
        }
        QVERIFY(store.list().size() >= confirmed.size());
    }
};

int main(int argc, char **argv) {
    if (argc == 3 && std::strcmp(argv[1], "--burst-writer") == 0) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestDatabase test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_database.moc"
