// Subscription (RFC 6665 subscriber) driven through a real TransactionLayer and UasCore on
// FakeTransportLayer with a ManualClock. An InviteSessionManager sits on the same UasCore, so
// every NOTIFY first passes its handler (which must decline those of subscriptions).
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "base/ManualClock.h"
#include "sip/dialog/InviteSessionManager.h"
#include "sip/dialog/Subscription.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(Subscription::State)
Q_DECLARE_METATYPE(RequestError::Kind)

namespace {
const QByteArray kPidf = "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                         "entity=\"sip:bob@203.0.113.5\"><tuple id=\"t\"><status><basic>open</basic>"
                         "</status></tuple></presence>";
} // namespace

class TestSubscription : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    UasCore *uas = nullptr;
    NoDns dns;
    Resolver *resolver = nullptr;
    InviteSessionManager *manager = nullptr;
    Subscription *sub = nullptr;
    quint32 notifyCSeq = 0;
    int branchNo = 0;

    ReceivedFrom server() const {
        return FakeTransportLayer::receivedFrom(TransportProtocol::Udp, QStringLiteral("203.0.113.5"), 5060);
    }

    Subscription::Config config(quint32 expires = 600) {
        Subscription::Config c;
        c.target = *SipUri::parse("sip:bob@203.0.113.5");
        c.from = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"), QStringLiteral("Alice"));
        c.event = "presence";
        c.accept = {"application/pidf+xml"};
        c.expires = expires;
        c.maxBodySize = 2000;
        // Stands in for the package parser of the layer above.
        c.validator = [](const QByteArray &, const QByteArray &body) -> QByteArray {
            return body.startsWith("<?xml") && body.trimmed().endsWith("</presence>") ? QByteArray()
                                                                                      : "not well-formed";
        };
        return c;
    }

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
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &toTag = "ntag") {
        SipMessage r = SipMessage::responseTo(request, status, {}, toTag);
        if (status / 100 == 2)
            r.addHeader(HeaderId::Contact, "<sip:bob@203.0.113.5:5060>");
        for (const auto &h : headers)
            r.addHeader(h.first, h.second);
        transport->inject(r, server());
    }

    // A NOTIFY from the notifier for the subscription that sub (SUBSCRIBE subscribe) asked for.
    SipMessage makeNotify(const SipMessage &subscribe, const QByteArray &state, const QByteArray &body = {},
                          const QByteArray &type = "application/pidf+xml",
                          const QByteArray &fromTag = "ntag") {
        SipMessage m = SipMessage::makeRequest("NOTIFY", subscribe.contacts().first().uri());
        Via via;
        via.setTransport("UDP");
        via.setHost("203.0.113.5");
        via.setPort(5060);
        via.setBranch("z9hG4bKnotify" + QByteArray::number(++branchNo));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from(subscribe.to().uri());
        from.setTag(fromTag);
        m.setFrom(from);
        m.setTo(subscribe.from());
        m.setCallId(subscribe.callId());
        m.setCSeq({++notifyCSeq, "NOTIFY"});
        m.setHeader(HeaderId::Event, "presence");
        if (!state.isEmpty())
            m.setHeader(HeaderId::SubscriptionState, state);
        m.setContacts({NameAddr(*SipUri::parse("sip:presence@203.0.113.5:5060"))});
        if (!body.isEmpty())
            m.setBody(body, type);
        return m;
    }
    // Injects a NOTIFY and returns the status we answered with (0: none).
    int answer(const SipMessage &notify) {
        transport->inject(notify, server());
        if (!transport->hasSent())
            return 0;
        const SipMessage r = transport->takeFirst().message;
        return r.isResponse() ? r.statusCode() : -1;
    }

    // Subscribes and brings the subscription to Active; returns the initial SUBSCRIBE.
    SipMessage activate(quint32 expires = 600) {
        sub->setConfig(config(expires));
        sub->start();
        const SipMessage s = next("SUBSCRIBE");
        reply(s, 202, {{"Expires", QByteArray::number(expires)}});
        [&] {
            QCOMPARE(answer(makeNotify(s, "active;expires=" + QByteArray::number(expires), kPidf)), 200);
        }();
        return s;
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<Subscription::State>();
        qRegisterMetaType<RequestError>();
    }
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        uas = new UasCore(transactions);
        resolver = new Resolver(&dns);
        manager = new InviteSessionManager(transactions, uas, resolver);
        sub = new Subscription(transactions, uas, resolver, clock);
        sub->setCredentials(DigestCredentials("alice", "secret"));
        notifyCSeq = 0;
    }
    void cleanup() {
        delete sub;
        delete manager;
        delete resolver;
        delete uas;
        delete transactions;
        delete transport;
        delete clock;
    }

    void subscribeActivateAndRefresh() {
        sub->setConfig(config(600));
        QSignalSpy notified(sub, &Subscription::notified);
        sub->start();
        QCOMPARE(sub->state(), Subscription::State::Subscribing);
        const SipMessage s = next("SUBSCRIBE");
        QCOMPARE(s.requestUri().toString(), QByteArray("sip:bob@203.0.113.5"));
        QCOMPARE(s.header(HeaderId::Event), QByteArray("presence"));
        QCOMPARE(s.header(HeaderId::Accept), QByteArray("application/pidf+xml"));
        QCOMPARE(s.expires().value_or(0), 600u);
        QCOMPARE(s.contacts().size(), 1);
        QVERIFY(s.toTag().isEmpty());
        QVERIFY(!s.fromTag().isEmpty());

        reply(s, 202, {{"Expires", "600"}});
        QCOMPARE(sub->state(), Subscription::State::Subscribing); // no NOTIFY yet
        clock->advance(1000);
        QCOMPARE(answer(makeNotify(s, "active;expires=600", kPidf)), 200);
        QCOMPARE(sub->state(), Subscription::State::Active);
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).toByteArray(), QByteArray("application/pidf+xml"));
        QCOMPARE(notified.first().at(1).toByteArray(), kPidf);

        // min(600 - 32, 0.9 * 600) = 540 s after the NOTIFY that set the interval.
        QCOMPARE(sub->refreshAt(), clock->nowMs() + 540'000);
        clock->advance(539'999);
        expectNothingSent();
        clock->advance(1);
        const SipMessage refresh = next("SUBSCRIBE");
        QCOMPARE(sub->state(), Subscription::State::Refreshing);
        QCOMPARE(refresh.callId(), s.callId());
        QCOMPARE(refresh.toTag(), QByteArrayView("ntag"));
        QCOMPARE(refresh.fromTag(), s.fromTag());
        QVERIFY(refresh.cseqNumber() > s.cseqNumber());
        // NOTIFY is a target refresh request: its Contact, not the 2xx's, is the remote target.
        QCOMPARE(refresh.requestUri().toString(), QByteArray("sip:presence@203.0.113.5:5060"));
        QCOMPARE(refresh.expires().value_or(0), 600u);
        reply(refresh, 200, {{"Expires", "600"}});
        QCOMPARE(sub->state(), Subscription::State::Active);
    }

    void notifyBeforeTheTwoHundred() {
        sub->setConfig(config(600));
        sub->start();
        const SipMessage s = next("SUBSCRIBE");
        SipMessage n = makeNotify(s, "pending;expires=600");
        n.addHeader(HeaderId::RecordRoute, "<sip:p1.example.com;lr>");
        n.addHeader(HeaderId::RecordRoute, "<sip:p2.example.com;lr>");
        QCOMPARE(answer(n), 200);
        QCOMPARE(sub->state(), Subscription::State::Pending);
        QVERIFY(sub->dialog().isValid());
        QCOMPARE(sub->dialog().id().remoteTag, QByteArray("ntag"));
        // The route set of a dialog the NOTIFY created is its Record-Route in order (§4.1.2.4).
        QCOMPARE(sub->dialog().routeSet().size(), 2);
        QCOMPARE(sub->dialog().routeSet().first().uri().host(), QByteArray("p1.example.com"));
        QCOMPARE(sub->dialog().remoteTarget().toString(), QByteArray("sip:presence@203.0.113.5:5060"));

        reply(s, 202, {{"Expires", "600"}});
        QCOMPARE(sub->state(), Subscription::State::Pending);
        QCOMPARE(answer(makeNotify(s, "active;expires=600", kPidf)), 200);
        QCOMPARE(sub->state(), Subscription::State::Active);
        QVERIFY(sub->dialog().localSeq() >= s.cseqNumber());
    }

    void terminatedByNotifier_data() {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<Subscription::State>("after");
        QTest::addColumn<qint64>("retryMs");    // -1: no new SUBSCRIBE at all, 0: at once
        QTest::addColumn<QByteArray>("reason"); // lastError().notifierReason when given up or waiting
        using S = Subscription::State;
        QTest::newRow("deactivated") << QByteArray("terminated;reason=deactivated") << S::Subscribing
                                     << qint64(0) << QByteArray();
        QTest::newRow("timeout") << QByteArray("terminated;reason=timeout") << S::Subscribing << qint64(0)
                                 << QByteArray();
        QTest::newRow("probation retry-after")
            << QByteArray("terminated;reason=probation;retry-after=30") << S::RetryWaiting << qint64(30'000)
            << QByteArray("probation");
        QTest::newRow("giveup backoff") << QByteArray("terminated;reason=giveup") << S::RetryWaiting
                                        << qint64(5'000) << QByteArray("giveup");
        QTest::newRow("no reason") << QByteArray("terminated") << S::RetryWaiting << qint64(5'000)
                                   << QByteArray();
        QTest::newRow("rejected") << QByteArray("terminated;reason=rejected") << S::Terminated << qint64(-1)
                                  << QByteArray("rejected");
        QTest::newRow("noresource") << QByteArray("terminated;reason=noresource") << S::Terminated
                                    << qint64(-1) << QByteArray("noresource");
        QTest::newRow("invariant") << QByteArray("terminated;reason=invariant") << S::Terminated << qint64(-1)
                                   << QByteArray("invariant");
    }
    void terminatedByNotifier() {
        QFETCH(QByteArray, state);
        QFETCH(Subscription::State, after);
        QFETCH(qint64, retryMs);
        QFETCH(QByteArray, reason);
        const SipMessage s = activate();
        QCOMPARE(sub->state(), Subscription::State::Active);
        QCOMPARE(answer(makeNotify(s, state)), 200);
        QCOMPARE(sub->state(), after);
        if (after != Subscription::State::Subscribing)
            QCOMPARE(sub->lastError().notifierReason, reason);
        if (retryMs < 0) {
            QCOMPARE(sub->lastError().kind, RequestError::Kind::TerminatedByNotifier);
            clock->advance(3'600'000);
            expectNothingSent();
            return;
        }
        if (retryMs > 0) {
            clock->advance(retryMs - 1);
            expectNothingSent();
            clock->advance(1);
        }
        const SipMessage again = next("SUBSCRIBE");
        QVERIFY(again.callId() != s.callId()); // a new subscription, new dialog
        QVERIFY(again.toTag().isEmpty());
        QCOMPARE(sub->state(), Subscription::State::Subscribing);
    }

    void terminatedAtOnceEveryTimeBacksOff() {
        // A notifier that ends each new subscription with its first NOTIFY gets no tight loop.
        sub->setConfig(config());
        sub->start();
        const SipMessage s = next("SUBSCRIBE");
        reply(s, 202, {{"Expires", "600"}});
        QCOMPARE(answer(makeNotify(s, "terminated;reason=timeout")), 200);
        QCOMPARE(sub->state(), Subscription::State::RetryWaiting);
        expectNothingSent();
    }

    void refreshGets481StartsOver() {
        const SipMessage s = activate();
        clock->advance(540'000);
        const SipMessage refresh = next("SUBSCRIBE");
        reply(refresh, 481);
        const SipMessage fresh = next("SUBSCRIBE");
        QVERIFY(fresh.callId() != s.callId());
        QVERIFY(fresh.toTag().isEmpty());
        QCOMPARE(fresh.requestUri().toString(), QByteArray("sip:bob@203.0.113.5"));
        QCOMPARE(sub->state(), Subscription::State::Subscribing);
        reply(fresh, 202, {{"Expires", "600"}});
        QCOMPARE(answer(makeNotify(fresh, "active;expires=600", kPidf)), 200);
        QCOMPARE(sub->state(), Subscription::State::Active);
        // NOTIFYs of the old dialog are no longer ours.
        QCOMPARE(answer(makeNotify(s, "active;expires=600", kPidf)), 481);
    }

    void challengeIsAnswered() {
        sub->setConfig(config());
        sub->start();
        const SipMessage s = next("SUBSCRIBE");
        reply(
            s, 407,
            {{"Proxy-Authenticate", "Digest realm=\"example\", nonce=\"n1\", algorithm=MD5, qop=\"auth\""}});
        const SipMessage s2 = next("SUBSCRIBE");
        QVERIFY(s2.header(HeaderId::ProxyAuthorization).contains("nonce=\"n1\""));
        QCOMPARE(s2.callId(), s.callId());
        QCOMPARE(s2.fromTag(), s.fromTag());
        QCOMPARE(s2.cseqNumber(), s.cseqNumber() + 1);
        QVERIFY(s2.topViaBranch() != s.topViaBranch());
        reply(s2, 202, {{"Expires", "600"}});
        QCOMPARE(answer(makeNotify(s2, "active;expires=600", kPidf)), 200);
        QCOMPARE(sub->state(), Subscription::State::Active);
        // The refresh inside the dialog is pre-authorized.
        clock->advance(540'000);
        const SipMessage refresh = next("SUBSCRIBE");
        QVERIFY(refresh.header(HeaderId::ProxyAuthorization).contains("nc=00000002"));
    }

    void wrongPasswordIsFinal() {
        sub->setConfig(config());
        sub->start();
        const QByteArray challenge = "Digest realm=\"example\", nonce=\"n1\", algorithm=MD5";
        reply(next("SUBSCRIBE"), 401, {{"WWW-Authenticate", challenge}});
        reply(next("SUBSCRIBE"), 401, {{"WWW-Authenticate", challenge}});
        QCOMPARE(sub->state(), Subscription::State::Terminated);
        QCOMPARE(sub->lastError().kind, RequestError::Kind::AuthenticationFailed);
        expectNothingSent();
    }

    void finalAnswers_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<Subscription::State>("after");
        QTest::addColumn<RequestError::Kind>("kind");
        using S = Subscription::State;
        using K = RequestError::Kind;
        QTest::newRow("489 Bad Event") << 489 << S::Terminated << K::BadEvent;
        QTest::newRow("404") << 404 << S::Terminated << K::NotFound;
        QTest::newRow("403") << 403 << S::Terminated << K::Forbidden;
        QTest::newRow("603") << 603 << S::Terminated << K::Rejected;
        QTest::newRow("503 retries") << 503 << S::RetryWaiting << K::ServerError;
    }
    void finalAnswers() {
        QFETCH(int, status);
        sub->setConfig(config());
        QSignalSpy failed(sub, &Subscription::failed);
        sub->start();
        reply(next("SUBSCRIBE"), status);
        QTEST(sub->state(), "after");
        QTEST(sub->lastError().kind, "kind");
        QCOMPARE(sub->lastError().status, status);
        QCOMPARE(failed.size(), 1);
    }

    void noNotifyAfterTheTwoHundred() {
        sub->setConfig(config());
        sub->start();
        reply(next("SUBSCRIBE"), 202, {{"Expires", "600"}});
        clock->advance(Subscription::kNotifyWaitMs);
        QCOMPARE(sub->state(), Subscription::State::RetryWaiting);
        QCOMPARE(sub->lastError().kind, RequestError::Kind::Timeout);
    }

    void stopUnsubscribes() {
        const SipMessage s = activate();
        QSignalSpy terminated(sub, &Subscription::terminated);
        sub->stop();
        QCOMPARE(sub->state(), Subscription::State::Unsubscribing);
        const SipMessage un = next("SUBSCRIBE");
        QCOMPARE(un.expires().value_or(99), 0u);
        QCOMPARE(un.callId(), s.callId());
        QCOMPARE(un.toTag(), QByteArrayView("ntag"));
        reply(un, 200, {{"Expires", "0"}});
        QCOMPARE(sub->state(), Subscription::State::Unsubscribing);
        QCOMPARE(answer(makeNotify(s, "terminated;reason=timeout")), 200);
        QCOMPARE(sub->state(), Subscription::State::Terminated);
        QCOMPARE(terminated.size(), 1);
        QVERIFY(!sub->lastError());
        clock->advance(3'600'000);
        expectNothingSent(); // no re-subscription
    }

    void stopWithoutAnswerEnds() {
        activate();
        sub->stop();
        next("SUBSCRIBE");
        clock->advance(Subscription::kUnsubscribeTimeoutMs);
        QCOMPARE(sub->state(), Subscription::State::Terminated);
    }

    void unmatchedNotifies_data() {
        QTest::addColumn<QByteArray>("which");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown Call-ID") << QByteArray("callid") << 481;
        QTest::newRow("unknown To tag") << QByteArray("totag") << 481;
        QTest::newRow("another fork") << QByteArray("fork") << 481;
        QTest::newRow("Event id we never sent") << QByteArray("id") << 481;
        QTest::newRow("other package") << QByteArray("package") << 489;
    }
    void unmatchedNotifies() {
        QFETCH(QByteArray, which);
        const SipMessage s = activate();
        SipMessage n = makeNotify(s, "active;expires=600", kPidf, "application/pidf+xml",
                                  which == "fork" ? "othertag" : "ntag");
        if (which == "callid")
            n.setCallId("nobody-knows-this");
        if (which == "totag") {
            NameAddr to = n.to();
            to.setTag("wrong");
            n.setTo(to);
        }
        if (which == "id")
            n.setHeader(HeaderId::Event, "presence;id=7");
        if (which == "package")
            n.setHeader(HeaderId::Event, "dialog");
        QSignalSpy notified(sub, &Subscription::notified);
        QTEST(answer(n), "status");
        QCOMPARE(notified.size(), 0);
        QCOMPARE(sub->state(), Subscription::State::Active);
    }

    void badNotifiesLeaveTheStateAlone_data() {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray active = "active;expires=300";
        QTest::newRow("wrong content type") << active << QByteArray("text/plain") << kPidf << 415;
        QTest::newRow("broken XML (validator)") << active << QByteArray("application/pidf+xml")
                                                << QByteArray("<?xml version=\"1.0\"?><presence") << 400;
        QTest::newRow("oversized") << active << QByteArray("application/pidf+xml")
                                   << QByteArray("<?xml version=\"1.0\"?><presence>" + QByteArray(3000, ' ') +
                                                 "</presence>")
                                   << 413;
        QTest::newRow("terminated with broken body")
            << QByteArray("terminated;reason=rejected") << QByteArray("application/pidf+xml")
            << QByteArray("garbage") << 400;
        QTest::newRow("no Subscription-State")
            << QByteArray() << QByteArray("application/pidf+xml") << kPidf << 400;
        QTest::newRow("malformed Subscription-State")
            << QByteArray("act ive;;") << QByteArray("application/pidf+xml") << kPidf << 400;
    }
    void badNotifiesLeaveTheStateAlone() {
        QFETCH(QByteArray, state);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const SipMessage s = activate();
        const qint64 refreshAt = sub->refreshAt();
        QSignalSpy notified(sub, &Subscription::notified);
        QSignalSpy changed(sub, &Subscription::stateChanged);
        transport->inject(makeNotify(s, state, body, type), server());
        const SipMessage r = next(QByteArray::number(status));
        if (status == 415)
            QCOMPARE(r.header(HeaderId::Accept), QByteArray("application/pidf+xml"));
        QCOMPARE(notified.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(sub->state(), Subscription::State::Active);
        QCOMPARE(sub->refreshAt(), refreshAt);
        // A good one afterwards still counts.
        QCOMPARE(answer(makeNotify(s, "active;expires=600", kPidf)), 200);
        QCOMPARE(notified.size(), 1);
    }

    void megabyteBodyWithDefaultLimit() {
        // The transport's parse limits stop such a message first; the subscription bounds it anyway.
        Subscription::Config c = config();
        c.maxBodySize = Subscription::Config().maxBodySize;
        c.validator = {};
        sub->setConfig(c);
        sub->start();
        const SipMessage s = next("SUBSCRIBE");
        reply(s, 202, {{"Expires", "600"}});
        QCOMPARE(answer(makeNotify(s, "active;expires=600", kPidf)), 200);
        QSignalSpy notified(sub, &Subscription::notified);
        QCOMPARE(answer(makeNotify(s, "active;expires=600", QByteArray(1024 * 1024, 'x'))), 413);
        QCOMPARE(notified.size(), 0);
        QCOMPARE(sub->state(), Subscription::State::Active);
    }

    void subscriptionStateParses_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("reason");
        QTest::addColumn<qint64>("expires");    // -1 absent
        QTest::addColumn<qint64>("retryAfter"); // -1 absent
        using V = SubscriptionState::Value;
        using R = SubscriptionState::Reason;
        QTest::newRow("active") << QByteArray("active;expires=600") << true << int(V::Active) << int(R::None)
                                << qint64(600) << qint64(-1);
        QTest::newRow("case and spaces") << QByteArray(" Terminated ; Reason=Giveup ; retry-after=20") << true
                                         << int(V::Terminated) << int(R::Giveup) << qint64(-1) << qint64(20);
        QTest::newRow("extension") << QByteArray("waiting") << true << int(V::Extension) << int(R::None)
                                   << qint64(-1) << qint64(-1);
        QTest::newRow("unknown reason") << QByteArray("terminated;reason=whatever") << true
                                        << int(V::Terminated) << int(R::Other) << qint64(-1) << qint64(-1);
        QTest::newRow("empty") << QByteArray("") << false << 0 << 0 << qint64(-1) << qint64(-1);
        QTest::newRow("bad token") << QByteArray("act ive") << false << 0 << 0 << qint64(-1) << qint64(-1);
    }
    void subscriptionStateParses() {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        const auto s = SubscriptionState::parse(text);
        QCOMPARE(s.has_value(), valid);
        if (!valid)
            return;
        QTEST(int(s->value), "value");
        QTEST(int(s->reason), "reason");
        QTEST(s->expires ? qint64(*s->expires) : qint64(-1), "expires");
        QTEST(s->retryAfter ? qint64(*s->retryAfter) : qint64(-1), "retryAfter");
        QCOMPARE(SubscriptionState::parse(s->toString())->toString(), s->toString());
    }
};

QTEST_GUILESS_MAIN(TestSubscription)
#include "tst_subscription.moc"
