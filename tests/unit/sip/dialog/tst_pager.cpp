// Pager (RFC 3428 MESSAGE) both ways, through a real TransactionLayer and UasCore on
// FakeTransportLayer with a ManualClock.
#include "FakeTransportLayer.h"
#include "base/ManualClock.h"
#include "sip/dialog/Pager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/TransactionLayer.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(RequestError::Kind)

class TestPager : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    UasCore *uas = nullptr;
    Pager *pager = nullptr;
    int n = 0;

    SipMessage next(const QByteArray &what) {
        SipMessage m;
        [&] {
            QVERIFY2(transport->hasSent(), "nothing sent, expected " + what);
            m = transport->takeFirst().message;
            const QByteArray got = m.isRequest() ? m.method() : QByteArray::number(m.statusCode());
            QVERIFY2(got == what, "sent " + m.startLine() + ", expected " + what);
        }();
        return m;
    }
    void reply(const SipMessage &request, int status,
               const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        SipMessage r = SipMessage::responseTo(request, status, {}, "srv");
        for (const auto &h : headers)
            r.addHeader(h.first, h.second);
        transport->inject(r, FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
    }
    SipMessage incoming(const QByteArray &body, const QByteArray &type = "text/plain;charset=UTF-8",
                        const QByteArray &toTag = {}) {
        ++n;
        SipMessage m = SipMessage::makeRequest("MESSAGE", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setTransport("UDP");
        via.setHost("203.0.113.5");
        via.setPort(5060);
        via.setBranch("z9hG4bKmsg" + QByteArray::number(n));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from(*SipUri::parse("sip:bob@example.org"), QStringLiteral("Bob"));
        from.setTag("bt" + QByteArray::number(n));
        m.setFrom(from);
        NameAddr to(*SipUri::parse("sip:alice@example.org"));
        if (!toTag.isEmpty())
            to.setTag(toTag);
        m.setTo(to);
        m.setCallId("msg-" + QByteArray::number(n));
        m.setCSeq({1, "MESSAGE"});
        if (!body.isEmpty())
            m.setBody(body, type);
        return m;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<RequestError>(); }
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        uas = new UasCore(transactions);
        pager = new Pager(transactions, uas, nullptr);
        Pager::Config c;
        c.from = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"), QStringLiteral("Alice"));
        c.maxBodySize = 1300;
        pager->setConfig(c);
        pager->setCredentials(DigestCredentials("alice", "secret"));
    }
    void cleanup() {
        delete pager;
        delete uas;
        delete transactions;
        delete transport;
        delete clock;
    }

    void sendOutcomes_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("delivered");
        QTest::addColumn<RequestError::Kind>("kind");
        QTest::newRow("200") << 200 << true << RequestError::Kind::None;
        QTest::newRow("202 stored") << 202 << true << RequestError::Kind::None;
        QTest::newRow("404") << 404 << false << RequestError::Kind::NotFound;
        QTest::newRow("480 offline") << 480 << false << RequestError::Kind::NotFound;
        QTest::newRow("403") << 403 << false << RequestError::Kind::Forbidden;
        QTest::newRow("415") << 415 << false << RequestError::Kind::Rejected;
        QTest::newRow("503") << 503 << false << RequestError::Kind::ServerError;
    }
    void sendOutcomes() {
        QFETCH(int, status);
        QFETCH(bool, delivered);
        QSignalSpy ok(pager, &Pager::delivered);
        QSignalSpy failed(pager, &Pager::failed);
        const quint64 id = pager->send(*SipUri::parse("sip:bob@203.0.113.5"), "Hallo Bob");
        QVERIFY(id != 0);
        const SipMessage m = next("MESSAGE");
        QCOMPARE(m.requestUri().toString(), QByteArray("sip:bob@203.0.113.5"));
        QCOMPARE(m.to().uri().toString(), QByteArray("sip:bob@203.0.113.5"));
        QVERIFY(m.to().tag().isEmpty());
        QVERIFY(!m.fromTag().isEmpty());
        QCOMPARE(m.body(), QByteArray("Hallo Bob"));
        QCOMPARE(m.contentType(), QByteArray("text/plain;charset=UTF-8"));
        QVERIFY(m.contacts().isEmpty()); // RFC 3428 §4: no Contact in MESSAGE
        QCOMPARE(pager->pendingCount(), 1);
        reply(m, status);
        QCOMPARE(pager->pendingCount(), 0);
        QCOMPARE(ok.size(), delivered ? 1 : 0);
        QCOMPARE(failed.size(), delivered ? 0 : 1);
        if (delivered) {
            QCOMPARE(ok.first().at(0).toULongLong(), id);
            QCOMPARE(ok.first().at(1).toInt(), status);
        } else {
            QCOMPARE(failed.first().at(0).toULongLong(), id);
            const auto e = failed.first().at(1).value<RequestError>();
            QTEST(e.kind, "kind");
            QCOMPARE(e.status, status);
        }
    }

    void challengeIsAnswered() {
        QSignalSpy ok(pager, &Pager::delivered);
        const quint64 id = pager->send(*SipUri::parse("sip:bob@203.0.113.5"), "secret stuff");
        const SipMessage m = next("MESSAGE");
        reply(m, 407, {{"Proxy-Authenticate", "Digest realm=\"example\", nonce=\"n1\", algorithm=MD5"}});
        const SipMessage again = next("MESSAGE");
        QVERIFY(again.header(HeaderId::ProxyAuthorization).contains("nonce=\"n1\""));
        QCOMPARE(again.callId(), m.callId());
        QCOMPARE(again.cseqNumber(), 2u);
        QCOMPARE(again.body(), QByteArray("secret stuff"));
        reply(again, 200);
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.first().at(0).toULongLong(), id);
    }

    void noAnswerFails() {
        QSignalSpy failed(pager, &Pager::failed);
        pager->send(*SipUri::parse("sip:bob@203.0.113.5"), "anyone?");
        next("MESSAGE");
        clock->advance(32'000);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<RequestError>().kind, RequestError::Kind::Timeout);
    }

    void tooLargeToSend() {
        QSignalSpy failed(pager, &Pager::failed);
        const quint64 id = pager->send(*SipUri::parse("sip:bob@203.0.113.5"), QByteArray(1301, 'x'));
        QVERIFY(!transport->hasSent());
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed.first().at(0).toULongLong(), id);
        QCOMPARE(failed.first().at(1).value<RequestError>().kind, RequestError::Kind::TooLarge);
    }

    void receives() {
        QSignalSpy received(pager, &Pager::messageReceived);
        transport->inject(incoming("Hi Alice"),
                          FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
        next("200");
        QCOMPARE(received.size(), 1);
        const auto from = received.first().at(0).value<NameAddr>();
        QCOMPARE(from.uri().toString(), QByteArray("sip:bob@example.org"));
        QVERIFY(from.tag().isEmpty());
        QCOMPARE(received.first().at(1).toByteArray(), QByteArray("text/plain;charset=UTF-8"));
        QCOMPARE(received.first().at(2).toByteArray(), QByteArray("Hi Alice"));
        QVERIFY(received.first().at(3).toDateTime().isValid());
    }

    void refusesIncoming_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("toTag");
        QTest::addColumn<int>("status");
        QTest::newRow("oversized") << QByteArray(1301, 'x') << QByteArray("text/plain") << QByteArray()
                                   << 413;
        QTest::newRow("html") << QByteArray("<b>hi</b>") << QByteArray("text/html") << QByteArray() << 415;
        QTest::newRow("in a dialog we do not have")
            << QByteArray("hi") << QByteArray("text/plain") << QByteArray("nope") << 481;
    }
    void refusesIncoming() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, toTag);
        QFETCH(int, status);
        QSignalSpy received(pager, &Pager::messageReceived);
        transport->inject(incoming(body, type, toTag),
                          FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
        const SipMessage r = next(QByteArray::number(status));
        if (status == 415)
            QCOMPARE(r.header(HeaderId::Accept), QByteArray("text/plain"));
        QCOMPARE(received.size(), 0);
    }

    void withoutPagerMessageIsNotAllowed() {
        delete pager;
        pager = nullptr;
        transport->inject(incoming("Hi"),
                          FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
        next("405");
    }
};

QTEST_GUILESS_MAIN(TestPager)
#include "tst_pager.moc"
