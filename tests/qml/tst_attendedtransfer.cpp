// Attended transfer from the call screens' controller, over real SIP on loopback: the GUI's
// account talks to bob, holds him, calls carol, and transfers carol to bob (REFER with Replaces).
// Carol calls bob, bob's call with us is replaced by hers, and both of our calls end.
#include "AccountListModel.h"
#include "AppSettings.h"
#include "CallController.h"
#include "account/UserAgent.h"
#include "call/CallManager.h"
#include "sip/transport/TransportLayer.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The peers' side of the loop: SIP only, no audio.
class NoMedia : public parlo::CallMedia {
public:
    QHostAddress localAddress() const override { return QHostAddress::LocalHost; }
    quint16 localPort() const override { return 40000; }
    void start(const parlo::sdp::NegotiatedMedia &) override {}
    void stop() override {}
};

// A peer that answers every call.
struct Peer {
    explicit Peer(const QByteArray &user) {
        ua.listen(QHostAddress::LocalHost, 0);
        calls.setMediaFactory([](const QHostAddress &) { return std::make_unique<NoMedia>(); });
        parlo::CallManager::Identity me;
        me.from = parlo::sip::NameAddr(*parlo::sip::SipUri::parse("sip:" + user + "@127.0.0.1"));
        calls.setIdentity(me);
        QObject::connect(&calls, &parlo::CallManager::incomingCall, &calls,
                         [](parlo::Call *call) { call->answer(); });
        uri = QStringLiteral("sip:%1@127.0.0.1:%2")
                  .arg(QString::fromUtf8(user))
                  .arg(ua.transport()->localEndpoint(parlo::sip::TransportProtocol::Udp).port);
    }
    parlo::UserAgent ua;
    parlo::CallManager calls{&ua};
    QString uri;
};
} // namespace

class TestAttendedTransfer : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void transferToHeldCall() {
        qputenv("XDG_CONFIG_HOME", dir.path().toLocal8Bit()); // AppSettings' file
        AccountListModel accounts;
        accounts.setSettingsFile(dir.filePath(QStringLiteral("loop.ini")));
        accounts.start();
        parlo::AccountSettings alice;
        alice.aor = *parlo::sip::SipUri::parse("sip:alice@127.0.0.1:1");
        QVERIFY(!accounts.addAccount(alice, QStringLiteral("secret")).isEmpty());
        CallController controller;
        controller.setAccounts(&accounts);

        Peer bob("bob"), carol("carol");
        QSignalSpy bobReplaced(&bob.calls, &parlo::CallManager::callReplaced);

        QVERIFY(controller.dial(bob.uri));
        QTRY_VERIFY(controller.currentCall() &&
                    controller.currentCall()->state() == parlo::Call::State::Active);
        const QPointer<CallItem> withBob = controller.currentCall();
        const QPointer<parlo::Call> bobCall = withBob->call();
        QVERIFY(controller.hold());
        QTRY_VERIFY(withBob->onHold());

        QVERIFY(controller.dial(carol.uri));
        QTRY_VERIFY(controller.currentCall() && controller.currentCall() != withBob &&
                    controller.currentCall()->state() == parlo::Call::State::Active);
        const QPointer<CallItem> withCarol = controller.currentCall();
        const QPointer<parlo::Call> carolCall = withCarol->call();
        QSignalSpy bobEnded(bobCall.data(), &parlo::Call::ended);
        QSignalSpy carolEnded(carolCall.data(), &parlo::Call::ended);

        QVERIFY(!controller.transferAttended(withCarol)); // not to itself
        QVERIFY(controller.transferAttended(withBob));
        QVERIFY(withCarol->transferring());
        QVERIFY(withCarol->transferError().isEmpty());

        // Carol called bob with Replaces: bob answered her in place of us.
        QTRY_COMPARE_WITH_TIMEOUT(bobReplaced.size(), 1, 10000);
        auto *bobWithCarol = bobReplaced.first().at(1).value<parlo::Call *>();
        QVERIFY(bobWithCarol);
        QTRY_COMPARE(bobWithCarol->state(), parlo::Call::State::Active);
        QVERIFY2(bobWithCarol->remoteUri().startsWith(QLatin1String("sip:carol@")),
                 qPrintable(bobWithCarol->remoteUri()));

        // Both of our calls are over, and the one we transferred says so.
        QTRY_COMPARE_WITH_TIMEOUT(carolEnded.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bobEnded.size(), 1, 10000);
        QTRY_VERIFY(!controller.currentCall());
        QVERIFY(!withCarol || withCarol->wasTransferred());
    }
};

QTEST_MAIN(TestAttendedTransfer)
#include "tst_attendedtransfer.moc"
