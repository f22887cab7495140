#include "storage/ContactStore.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo::storage;

class TestContactStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;

    static Contact bob() {
        Contact c;
        c.name = QStringLiteral("Bob Builder");
        c.sipUri = QStringLiteral("sip:bob@Example.COM");
        c.phones = {{QStringLiteral("+49 30 1234"), {QStringLiteral("work"), QStringLiteral("voice")}},
                    {QStringLiteral("+49 170 9"), {QStringLiteral("cell")}}};
        c.watchPresence = true;
        c.watchDialog = true;
        return c;
    }

private Q_SLOTS:
    void init() {
        m_db = std::make_unique<Database>(QStringLiteral("cs%1").arg(++m_n));
        QVERIFY(!m_db->open(m_dir.filePath(QStringLiteral("c%1.db").arg(m_n))));
    }
    void cleanup() { m_db.reset(); }

    void addFindUpdateRemove() {
        ContactStore store(m_db.get());
        QSignalSpy added(&store, &ContactStore::contactAdded);
        QSignalSpy changed(&store, &ContactStore::contactChanged);
        QSignalSpy removed(&store, &ContactStore::contactRemoved);

        const auto r = store.add(bob());
        QVERIFY(std::holds_alternative<qint64>(r));
        const qint64 id = std::get<qint64>(r);
        QVERIFY(id > 0);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added[0][0].toLongLong(), id);

        auto found = store.find(id);
        QVERIFY(found);
        Contact expected = bob();
        expected.id = id;
        expected.sipUri = QStringLiteral("sip:bob@example.com"); // host folded to lower case
        QCOMPARE(*found, expected);
        QCOMPARE(store.findByUri(QStringLiteral("SIP:bob@EXAMPLE.com"))->id, id);
        QVERIFY(!store.findByUri(QStringLiteral("sip:Bob@example.com"))); // user part is case-sensitive

        found->favourite = true;
        found->name = QStringLiteral("Robert");
        QVERIFY(!store.update(*found));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.find(id)->name, QStringLiteral("Robert"));
        QVERIFY(store.find(id)->favourite);

        QVERIFY(!store.remove(id));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!store.find(id));
        QCOMPARE(store.remove(id).kind, StorageError::Kind::NotFound);
        Contact ghost = bob();
        ghost.id = 4242;
        QCOMPARE(store.update(ghost).kind, StorageError::Kind::NotFound);
        QCOMPARE(changed.size(), 1);
    }

    void listOrderAndSearch() {
        ContactStore store(m_db.get());
        Contact a;
        a.name = QStringLiteral("zoe");
        a.sipUri = QStringLiteral("sip:zoe@example.com");
        a.favourite = true;
        Contact b;
        b.name = QStringLiteral("Anna");
        b.sipUri = QStringLiteral("sip:anna@example.com");
        Contact c;
        c.name = QStringLiteral("bert 100%");
        c.phones = {{QStringLiteral("555_1"), {}}};
        const auto ids = std::get<QList<qint64>>(store.addAll({a, b, c}));
        QCOMPARE(ids.size(), 3);
        const auto all = store.list();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].name, QStringLiteral("zoe")); // favourite first
        QCOMPARE(all[1].name, QStringLiteral("Anna"));
        QCOMPARE(all[2].name, QStringLiteral("bert 100%"));
        QCOMPARE(store.search(QStringLiteral("ann")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("%")).size(), 1); // LIKE wildcards are literal
        QCOMPARE(store.search(QStringLiteral("_")).size(), 1);
        QCOMPARE(store.search(QStringLiteral("example")).size(), 2);
        QCOMPARE(store.search(QStringLiteral("555")).size(), 1);
    }

    void rejectsEmpty() {
        ContactStore store(m_db.get());
        QSignalSpy added(&store, &ContactStore::contactAdded);
        Contact good = bob();
        const auto r = store.addAll({good, Contact{}});
        QVERIFY(std::holds_alternative<StorageError>(r));
        QCOMPARE(std::get<StorageError>(r).kind, StorageError::Kind::InvalidValue);
        QVERIFY(store.list().isEmpty()); // all or none
        QCOMPARE(added.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
