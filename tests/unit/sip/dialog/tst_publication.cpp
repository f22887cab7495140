// Publication (RFC 3903 PUBLISH) driven through a real TransactionLayer on FakeTransportLayer with
// a ManualClock.
#include "FakeTransportLayer.h"
#include "base/ManualClock.h"
#include "sip/dialog/Publication.h"
#include "sip/transaction/TransactionLayer.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(Publication::State)
Q_DECLARE_METATYPE(RequestError::Kind)

namespace {
const QByteArray kPidf = "<presence>open</presence>";
const QByteArray kPidfAway = "<presence>away</presence>";
const QByteArray kType = "application/pidf+xml";
} // namespace

class TestPublication : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    Publication *pub = nullptr;

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
    void expectNothingSent() {
        QVERIFY2(!transport->hasSent(),
                 transport->hasSent() ? transport->sent().first().message.startLine() : "");
    }
    void reply(const SipMessage &request, int status,
               const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        SipMessage r = SipMessage::responseTo(request, status, {}, "srv");
        for (const auto &h : headers)
            r.addHeader(h.first, h.second);
        transport->inject(r, FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
    }

    // Publishes kPidf and gets it accepted with entity tag e1 for 600 s.
    SipMessage established() {
        pub->publish(kPidf, kType);
        const SipMessage p = next("PUBLISH");
        reply(p, 200, {{"SIP-ETag", "e1"}, {"Expires", "600"}});
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<Publication::State>();
        qRegisterMetaType<RequestError>();
    }
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        pub = new Publication(transactions, nullptr, clock);
        Publication::Config c;
        c.aor = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"), QStringLiteral("Alice"));
        pub->setConfig(c);
        pub->setCredentials(DigestCredentials("alice", "secret"));
    }
    void cleanup() {
        delete pub;
        delete transactions;
        delete transport;
        delete clock;
    }

    void entityTagFlow() {
        QSignalSpy published(pub, &Publication::published);
        QSignalSpy removed(pub, &Publication::removed);
        pub->publish(kPidf, kType);
        QCOMPARE(pub->state(), Publication::State::Publishing);
        const SipMessage initial = next("PUBLISH");
        QCOMPARE(initial.requestUri().toString(), QByteArray("sip:alice@203.0.113.5"));
        QCOMPARE(initial.header(HeaderId::Event), QByteArray("presence"));
        QCOMPARE(initial.expires().value_or(0), 3600u);
        QVERIFY(!initial.hasHeader(HeaderId::SipIfMatch));
        QCOMPARE(initial.body(), kPidf);
        QCOMPARE(initial.contentType(), kType);
        reply(initial, 200, {{"SIP-ETag", "e1"}, {"Expires", "600"}});
        QCOMPARE(pub->state(), Publication::State::Published);
        QCOMPARE(pub->entityTag(), QByteArray("e1"));
        QCOMPARE(pub->grantedExpires(), 600u);
        QCOMPARE(published.size(), 1);

        // Refresh: SIP-If-Match, no body, before expiry.
        clock->advance(539'999);
        expectNothingSent();
        clock->advance(1);
        const SipMessage refresh = next("PUBLISH");
        QCOMPARE(pub->state(), Publication::State::Refreshing);
        QCOMPARE(refresh.header(HeaderId::SipIfMatch), QByteArray("e1"));
        QVERIFY(refresh.body().isEmpty());
        QVERIFY(!refresh.hasHeader(HeaderId::ContentType));
        QCOMPARE(refresh.callId(), initial.callId());
        QVERIFY(refresh.cseqNumber() > initial.cseqNumber());
        reply(refresh, 200, {{"SIP-ETag", "e2"}, {"Expires", "600"}});
        QCOMPARE(pub->entityTag(), QByteArray("e2"));
        QCOMPARE(published.size(), 2);

        // Modify: SIP-If-Match with the new body.
        pub->publish(kPidfAway, kType);
        const SipMessage modify = next("PUBLISH");
        QCOMPARE(modify.header(HeaderId::SipIfMatch), QByteArray("e2"));
        QCOMPARE(modify.body(), kPidfAway);
        reply(modify, 200, {{"SIP-ETag", "e3"}, {"Expires", "600"}});
        QCOMPARE(pub->entityTag(), QByteArray("e3"));

        // Remove: Expires 0, SIP-If-Match, no body.
        pub->remove();
        QCOMPARE(pub->state(), Publication::State::Removing);
        const SipMessage removal = next("PUBLISH");
        QCOMPARE(removal.expires().value_or(99), 0u);
        QCOMPARE(removal.header(HeaderId::SipIfMatch), QByteArray("e3"));
        QVERIFY(removal.body().isEmpty());
        reply(removal, 200, {{"SIP-ETag", "e3"}, {"Expires", "0"}});
        QCOMPARE(pub->state(), Publication::State::Idle);
        QCOMPARE(removed.size(), 1);
        QVERIFY(pub->entityTag().isEmpty());
        clock->advance(3'600'000);
        expectNothingSent();
    }

    void conditionalRequestFailedPublishesAnew() {
        established();
        clock->advance(540'000);
        const SipMessage refresh = next("PUBLISH");
        reply(refresh, 412);
        const SipMessage again = next("PUBLISH");
        QVERIFY(!again.hasHeader(HeaderId::SipIfMatch));
        QCOMPARE(again.body(), kPidf);
        QCOMPARE(pub->state(), Publication::State::Publishing);
        reply(again, 200, {{"SIP-ETag", "e9"}, {"Expires", "600"}});
        QCOMPARE(pub->state(), Publication::State::Published);
        QCOMPARE(pub->entityTag(), QByteArray("e9"));
    }

    void repeated412IsFinal() {
        established();
        clock->advance(540'000);
        reply(next("PUBLISH"), 412);
        reply(next("PUBLISH"), 412);
        QCOMPARE(pub->state(), Publication::State::Failed);
        expectNothingSent();
    }

    void minExpiresIsFollowed() {
        pub->publish(kPidf, kType, "presence", 60);
        const SipMessage p = next("PUBLISH");
        reply(p, 423, {{"Min-Expires", "1800"}});
        const SipMessage again = next("PUBLISH");
        QCOMPARE(again.expires().value_or(0), 1800u);
        QCOMPARE(again.body(), kPidf);
        reply(again, 200, {{"SIP-ETag", "e1"}, {"Expires", "1800"}});
        QCOMPARE(pub->grantedExpires(), 1800u);
    }

    void challengeIsAnswered() {
        pub->publish(kPidf, kType);
        const SipMessage p = next("PUBLISH");
        reply(p, 401,
              {{"WWW-Authenticate", "Digest realm=\"example\", nonce=\"n1\", algorithm=MD5, qop=\"auth\""}});
        const SipMessage again = next("PUBLISH");
        QVERIFY(again.header(HeaderId::Authorization).contains("nonce=\"n1\""));
        QCOMPARE(again.cseqNumber(), p.cseqNumber() + 1);
        QCOMPARE(again.body(), kPidf);
        reply(again, 200, {{"SIP-ETag", "e1"}, {"Expires", "600"}});
        QCOMPARE(pub->state(), Publication::State::Published);
    }

    void onePublishAtATime() {
        pub->publish(kPidf, kType);
        const SipMessage p = next("PUBLISH");
        pub->publish("<presence>busy</presence>", kType);
        pub->publish(kPidfAway, kType); // only the newest waits
        expectNothingSent();
        reply(p, 200, {{"SIP-ETag", "e1"}, {"Expires", "600"}});
        const SipMessage modify = next("PUBLISH");
        QCOMPARE(modify.header(HeaderId::SipIfMatch), QByteArray("e1"));
        QCOMPARE(modify.body(), kPidfAway);
        expectNothingSent();
    }

    void failures_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<Publication::State>("after");
        QTest::addColumn<RequestError::Kind>("kind");
        QTest::newRow("489") << 489 << Publication::State::Failed << RequestError::Kind::BadEvent;
        QTest::newRow("403") << 403 << Publication::State::Failed << RequestError::Kind::Forbidden;
        QTest::newRow("503") << 503 << Publication::State::RetryWaiting << RequestError::Kind::ServerError;
    }
    void failures() {
        QFETCH(int, status);
        pub->publish(kPidf, kType);
        reply(next("PUBLISH"), status);
        QTEST(pub->state(), "after");
        QTEST(pub->lastError().kind, "kind");
        if (pub->state() == Publication::State::RetryWaiting) {
            clock->advance(5'000);
            const SipMessage again = next("PUBLISH");
            QCOMPARE(again.body(), kPidf);
        }
    }

    void timeoutRetries() {
        pub->publish(kPidf, kType);
        next("PUBLISH");
        clock->advance(32'000); // Timer F
        transport->clearSent(); // retransmissions
        QCOMPARE(pub->state(), Publication::State::RetryWaiting);
        QCOMPARE(pub->lastError().kind, RequestError::Kind::Timeout);
    }
};

QTEST_GUILESS_MAIN(TestPublication)
#include "tst_publication.moc"
