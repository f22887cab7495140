#include "storage/ContactStore.h"
#include "storage/Database.h"
#include "storage/MessageStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo::storage;

class TestMessageStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void conversationAndStatus() {
        QTemporaryDir dir;
        Database db(QStringLiteral("messages"));
        QVERIFY(!db.open(dir.filePath(QStringLiteral("m.db"))));
        ContactStore contacts(&db);
        Contact bob;
        bob.name = QStringLiteral("Bob");
        bob.sipUri = QStringLiteral("sip:bob@example.com");
        const qint64 bobId = std::get<qint64>(contacts.add(bob));
        MessageStore store(&db);
        QSignalSpy status(&store, &MessageStore::statusChanged);

        MessageRecord out;
        out.contactId = bobId;
        out.remoteUri = bob.sipUri;
        out.text = QString::fromUtf8("Hallo Bob – grüß dich 👋");
        out.timeMs = 100;
        MessageRecord in;
        in.contactId = bobId;
        in.remoteUri = bob.sipUri;
        in.direction = MessageRecord::Direction::Incoming;
        in.text = QStringLiteral("hi");
        in.timeMs = 200;
        in.status = MessageRecord::Status::Delivered;
        MessageRecord other;
        other.remoteUri = QStringLiteral("sip:stranger@example.net");
        other.text = QStringLiteral("?");
        other.timeMs = 150;
        out.id = std::get<qint64>(store.add(out));
        in.id = std::get<qint64>(store.add(in));
        other.id = std::get<qint64>(store.add(other));

        QCOMPARE(store.conversation(bob.sipUri), (QList<MessageRecord>{out, in})); // oldest first
        QCOMPARE(store.forContact(bobId).size(), 2);
        QCOMPARE(store.conversation(bob.sipUri, 1), QList<MessageRecord>{in}); // the latest one
        QCOMPARE(store.conversation(other.remoteUri)[0].contactId, 0);

        QVERIFY(!store.setStatus(out.id, MessageRecord::Status::Failed));
        QCOMPARE(status.size(), 1);
        QCOMPARE(store.conversation(bob.sipUri)[0].status, MessageRecord::Status::Failed);
        QCOMPARE(store.setStatus(9999, MessageRecord::Status::Delivered).kind, StorageError::Kind::NotFound);

        // Removing the contact keeps the messages, detached.
        QVERIFY(!contacts.remove(bobId));
        QCOMPARE(store.conversation(bob.sipUri).size(), 2);
        QCOMPARE(store.conversation(bob.sipUri)[0].contactId, 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
