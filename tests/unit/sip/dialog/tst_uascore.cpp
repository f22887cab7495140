// UasCore answers (RFC 3261 §8.2, §11.2) through a real TransactionLayer on FakeTransportLayer.
#include "FakeTransportLayer.h"
#include "base/ManualClock.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

class TestUasCore : public QObject {
    Q_OBJECT

    ManualClock clock;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    UasCore *uas = nullptr;

    SipMessage deliver(const QByteArray &method, const QByteArray &ruri, const QByteArray &extra = {},
                       const QByteArray &toParams = {}) {
        static int n = 0;
        ++n;
        const QByteArray text = method + " " + ruri +
                                " SIP/2.0\n"
                                "Via: SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bKuas" +
                                QByteArray::number(n) +
                                "\n"
                                "Max-Forwards: 70\n"
                                "From: <sip:carol@example.org>;tag=f" +
                                QByteArray::number(n) +
                                "\n"
                                "To: <" +
                                ruri + ">" + toParams +
                                "\n"
                                "Call-ID: uas-" +
                                QByteArray::number(n) +
                                "\n"
                                "CSeq: 1 " +
                                method + "\n" + extra + "Content-Length: 0\n\n";
        transport->clearSent();
        if (!transport->injectText(
                text, FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "198.51.100.1", 5060)))
            return {};
        if (!transport->hasSent())
            return {};
        return transport->takeSent().last().message;
    }

private Q_SLOTS:
    void init() {
        transport = new FakeTransportLayer(&clock);
        transactions = new TransactionLayer(transport, &clock);
        uas = new UasCore(transactions);
    }
    void cleanup() {
        delete uas;
        delete transactions;
        delete transport;
    }

    void answers_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("ruri");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<bool>("account");
        QTest::addColumn<int>("status");
        QTest::newRow("OPTIONS direct-IP, any user")
            << QByteArray("OPTIONS") << QByteArray("sip:whoever@192.0.2.10") << QByteArray() << false << 200;
        QTest::newRow("OPTIONS for our user")
            << QByteArray("OPTIONS") << QByteArray("sip:alice@192.0.2.10") << QByteArray() << true << 200;
        QTest::newRow("OPTIONS for another user")
            << QByteArray("OPTIONS") << QByteArray("sip:bob@192.0.2.10") << QByteArray() << true << 404;
        QTest::newRow("OPTIONS without user part")
            << QByteArray("OPTIONS") << QByteArray("sip:192.0.2.10") << QByteArray() << true << 200;
        QTest::newRow("unknown method")
            << QByteArray("FROBNICATE") << QByteArray("sip:alice@192.0.2.10") << QByteArray() << true << 501;
        QTest::newRow("INVITE not built yet")
            << QByteArray("INVITE") << QByteArray("sip:alice@192.0.2.10") << QByteArray() << true << 405;
        QTest::newRow("MESSAGE not built yet")
            << QByteArray("MESSAGE") << QByteArray("sip:alice@192.0.2.10") << QByteArray() << true << 405;
        QTest::newRow("CANCEL for nothing")
            << QByteArray("CANCEL") << QByteArray("sip:alice@192.0.2.10") << QByteArray() << true << 481;
        QTest::newRow("Require unknown extension")
            << QByteArray("OPTIONS") << QByteArray("sip:alice@192.0.2.10")
            << QByteArray("Require: foo, path\n") << true << 420;
        QTest::newRow("Require supported extension")
            << QByteArray("OPTIONS") << QByteArray("sip:alice@192.0.2.10") << QByteArray("Require: path\n")
            << true << 200;
        QTest::newRow("tel: Request-URI")
            << QByteArray("OPTIONS") << QByteArray("tel:+4930123456") << QByteArray() << true << 416;
    }
    void answers() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, ruri);
        QFETCH(QByteArray, extra);
        QFETCH(bool, account);
        QFETCH(int, status);
        if (account)
            uas->setLocalUsers({"alice"});
        QSignalSpy answered(uas, &UasCore::requestAnswered);
        const SipMessage response = deliver(method, ruri, extra);
        QVERIFY2(response.isResponse(), "no response sent");
        QCOMPARE(response.statusCode(), status);
        QVERIFY(!response.toTag().isEmpty());
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.first().at(1).toInt(), status);
    }

    void optionsDescribesCapabilities() {
        const SipMessage r = deliver("OPTIONS", "sip:x@192.0.2.10");
        QCOMPARE(r.statusCode(), 200);
        QVERIFY(r.tokens(HeaderId::Allow).contains("OPTIONS"));
        QCOMPARE(r.header(HeaderId::Accept), QByteArray("application/sdp"));
        QVERIFY(r.tokens(HeaderId::Supported).contains("path"));
        QVERIFY(r.hasHeader(HeaderId::Server));
    }

    void methodNotAllowedListsAllow() {
        const SipMessage r = deliver("SUBSCRIBE", "sip:x@192.0.2.10");
        QCOMPARE(r.statusCode(), 405);
        QCOMPARE(r.tokens(HeaderId::Allow), QList<QByteArray>{"OPTIONS"});
    }

    void unsupportedNamesTheExtension() {
        const SipMessage r = deliver("OPTIONS", "sip:x@192.0.2.10", "Require: 100rel, timer\n");
        QCOMPARE(r.statusCode(), 420);
        QCOMPARE(r.tokens(HeaderId::Unsupported), (QList<QByteArray>{"100rel", "timer"}));
    }

    void handlerTakesItsMethod() {
        bool called = false;
        uas->setHandler("MESSAGE", [&](ServerTransaction *t, const SipMessage &) {
            called = true;
            t->respond(202);
            return true;
        });
        const SipMessage r = deliver("MESSAGE", "sip:x@192.0.2.10");
        QVERIFY(called);
        QCOMPARE(r.statusCode(), 202);
        QVERIFY(uas->allowHeader().contains("MESSAGE"));
    }

    void handlersAreTriedInOrder() {
        QObject first, second;
        QList<int> calls;
        uas->addHandler("NOTIFY", &first, [&](ServerTransaction *, const SipMessage &) {
            calls << 1;
            return false; // declines
        });
        uas->addHandler("NOTIFY", &second, [&](ServerTransaction *t, const SipMessage &) {
            calls << 2;
            t->respond(200);
            return true;
        });
        const SipMessage r = deliver("NOTIFY", "sip:x@192.0.2.10", "Event: presence\n");
        QCOMPARE(r.statusCode(), 200);
        QCOMPARE(calls, (QList<int>{1, 2}));
        QCOMPARE(uas->allowHeader().count("NOTIFY"), 1);
    }

    void nobodyTakesIt_data() {
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<int>("status");
        QTest::newRow("inside a dialog we do not have") << QByteArray(";tag=gone") << 481;
        QTest::newRow("outside a dialog") << QByteArray() << 480;
    }
    void nobodyTakesIt() {
        QFETCH(QByteArray, to);
        QFETCH(int, status);
        QObject owner;
        uas->addHandler("NOTIFY", &owner, [](ServerTransaction *, const SipMessage &) { return false; });
        const SipMessage r = deliver("NOTIFY", "sip:x@192.0.2.10", "Event: presence\n", to);
        QCOMPARE(r.statusCode(), status);
    }

    void handlersGoWithTheirOwner() {
        auto *owner = new QObject;
        QObject other;
        uas->addHandler("MESSAGE", owner, [](ServerTransaction *t, const SipMessage &) {
            t->respond(200);
            return true;
        });
        uas->addHandler("SUBSCRIBE", &other, [](ServerTransaction *t, const SipMessage &) {
            t->respond(202);
            return true;
        });
        QCOMPARE(deliver("MESSAGE", "sip:x@192.0.2.10").statusCode(), 200);
        delete owner;
        QCOMPARE(deliver("MESSAGE", "sip:x@192.0.2.10").statusCode(), 405);
        QVERIFY(!uas->allowHeader().contains("MESSAGE"));
        uas->removeHandlers(&other);
        QCOMPARE(deliver("SUBSCRIBE", "sip:x@192.0.2.10").statusCode(), 405);
    }

    void setHandlerNullRemovesOnlyItsOwn() {
        QObject owner;
        uas->addHandler("INFO", &owner, [](ServerTransaction *t, const SipMessage &) {
            t->respond(200);
            return true;
        });
        uas->setHandler("INFO", [](ServerTransaction *t, const SipMessage &) {
            t->respond(202);
            return true;
        });
        QCOMPARE(deliver("INFO", "sip:x@192.0.2.10").statusCode(), 200); // registration order
        uas->setHandler("INFO", nullptr);
        QCOMPARE(deliver("INFO", "sip:x@192.0.2.10").statusCode(), 200);
    }

    void handlerMayRemoveHandlersWhileRunning() {
        auto *owner = new QObject;
        bool secondCalled = false;
        uas->addHandler("NOTIFY", owner, [&](ServerTransaction *, const SipMessage &) {
            delete owner; // e.g. a usage deleted from a slot
            return false;
        });
        QObject keeper;
        uas->addHandler("NOTIFY", &keeper, [&](ServerTransaction *t, const SipMessage &) {
            secondCalled = true;
            t->respond(200);
            return true;
        });
        QCOMPARE(deliver("NOTIFY", "sip:x@192.0.2.10").statusCode(), 200);
        QVERIFY(secondCalled);
    }
};

QTEST_GUILESS_MAIN(TestUasCore)
#include "tst_uascore.moc"
