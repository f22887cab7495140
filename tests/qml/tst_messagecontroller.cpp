#include "AccountListModel.h"
#include "AppStorage.h"
#include "MessageController.h"
#include "MessageModel.h"
#include "ScratchAppStorage.h"
#include "account/AccountSettings.h"
#include "account/UserAgent.h"
#include "sip/dialog/Pager.h"
#include "sip/transport/TransportLayer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using parlo::sip::Pager;
using parlo::sip::SipUri;
using parlo::sip::TransportProtocol;

// The GUI's messages over real SIP on loopback: a MESSAGE from another user agent is stored,
// counted unread and shown in its conversation (under the contact's address when the sender is
// a contact); a reply is delivered and its status follows. Runs the app's account list with an
// account whose registrar does not exist (messages do not need the registration).
class TestMessageController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(openScratchAppStorage(m_dir));

        m_accounts.setSettingsFile(m_dir.filePath(QStringLiteral("accounts.ini")));
        m_accounts.start();
        parlo::AccountSettings alice;
        alice.aor = *SipUri::parse("sip:alice@127.0.0.1:1");
        alice.registerExpires = 600;
        QVERIFY(!m_accounts.addAccount(alice, QStringLiteral("secret")).isEmpty());
        m_controller.setAccounts(&m_accounts);
        QVERIFY(m_controller.canSend());
        m_alicePort = m_accounts.userAgent()->transport()->localEndpoint(TransportProtocol::Udp).port;
        QVERIFY(m_alicePort > 0);

        QVERIFY(m_peer.listen(QHostAddress::LocalHost, 0));
        m_peerPort = m_peer.transport()->localEndpoint(TransportProtocol::Udp).port;
        m_pager = new Pager(m_peer.transactions(), m_peer.uas(), m_peer.resolver(), this);
    }

    void incomingIsStoredAndUnread() {
        const QString bob = QStringLiteral("sip:bob@127.0.0.1");
        QCOMPARE(sendAs(bob, "hi alice"), 200);
        QTRY_COMPARE(m_controller.unreadTotal(), 1);
        QCOMPARE(m_controller.unreadUris(), QStringList{bob});
        QCOMPARE(m_controller.unreadCount(bob), 1);

        MessageModel model;
        model.setController(&m_controller);
        model.setRemoteUri(bob);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(MessageModel::TextRole).toString(), QStringLiteral("hi alice"));
        QVERIFY(first.data(MessageModel::IncomingRole).toBool());
        QCOMPARE(first.data(MessageModel::StatusTextRole).toString(), QString());
        // Opening the conversation reads it.
        QCOMPARE(m_controller.unreadTotal(), 0);

        // While it is open, what arrives appends and stays read.
        QCOMPARE(sendAs(bob, "second"), 200);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(MessageModel::TextRole).toString(), QStringLiteral("second"));
        QCOMPARE(m_controller.unreadTotal(), 0);
    }

    void contactsMessagesGoToTheirConversation() {
        parlo::storage::Contact carol;
        carol.name = QStringLiteral("Carol");
        carol.sipUri = QStringLiteral("sip:carol@127.0.0.1");
        const auto id = AppStorage::instance()->contacts()->add(carol);
        QVERIFY(std::holds_alternative<qint64>(id));
        QCOMPARE(sendAs(QStringLiteral("sip:carol@127.0.0.1"), "it's carol"), 200);
        QTRY_COMPARE(m_controller.unreadCount(carol.sipUri), 1);
        const auto stored = AppStorage::instance()->messages()->forContact(std::get<qint64>(id));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().remoteUri, carol.sipUri);
        m_controller.markRead(carol.sipUri);
        QCOMPARE(m_controller.unreadTotal(), 0);
    }

    void replyIsDelivered() {
        QSignalSpy received(m_pager, &Pager::messageReceived);
        const QString bob = QStringLiteral("sip:bob@127.0.0.1:%1").arg(m_peerPort);
        MessageModel model;
        model.setController(&m_controller);
        model.setRemoteUri(m_controller.conversationUri(bob));
        QVERIFY(model.send(QStringLiteral("hello back")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageModel::StatusRole).toInt(), int(MessageModel::Sending));
        QCOMPARE(model.index(0).data(MessageModel::StatusTextRole).toString(), QStringLiteral("Sending…"));
        QTRY_COMPARE(model.index(0).data(MessageModel::StatusRole).toInt(), int(MessageModel::Delivered));
        QCOMPARE(model.index(0).data(MessageModel::StatusTextRole).toString(), QStringLiteral("Delivered"));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(2).toByteArray(), QByteArray("hello back"));
    }

    void refusedBeforeSending_data() {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not an address") << "mailto:bob@example.com"
                                        << "hi"
                                        << "This is not a valid address for a message. Write it like "
                                           "sip:bob@example.com.";
        QTest::newRow("empty") << "sip:bob@example.com"
                               << "  \n"
                               << "Type a message first.";
        QTest::newRow("too long") << "sip:bob@example.com"
                                  << QString(MessageController::kMaxTextBytes + 1, 'x')
                                  << "The message is too long (at most 8192 bytes).";
    }
    void refusedBeforeSending() {
        QFETCH(QString, to);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QVERIFY(!m_controller.send(to, text));
        QCOMPARE(m_controller.sendError(), error);
    }

private:
    // A MESSAGE from `from` (the peer user agent) to alice; the final status it got.
    int sendAs(const QString &from, const QByteArray &text) {
        Pager::Config c;
        c.from = parlo::sip::NameAddr(*SipUri::parse(from.toUtf8()));
        m_pager->setConfig(c);
        QSignalSpy delivered(m_pager, &Pager::delivered);
        QSignalSpy failed(m_pager, &Pager::failed);
        m_pager->send(*SipUri::parse(QStringLiteral("sip:alice@127.0.0.1:%1").arg(m_alicePort).toUtf8()),
                      text);
        if (!QTest::qWaitFor([&]() { return !delivered.isEmpty() || !failed.isEmpty(); }, 10000))
            return 0;
        return delivered.isEmpty() ? -1 : delivered.first().at(1).toInt();
    }

    QTemporaryDir m_dir;
    AccountListModel m_accounts;
    MessageController m_controller;
    parlo::UserAgent m_peer;
    Pager *m_pager = nullptr;
    quint16 m_alicePort = 0, m_peerPort = 0;
};

QTEST_MAIN(TestMessageController)
#include "tst_messagecontroller.moc"
