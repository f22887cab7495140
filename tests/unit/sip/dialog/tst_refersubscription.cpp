// RFC 3515 REFER and its implicit subscription (ReferSubscription) in both roles, and RFC 3891
// Replaces (value type and matching in InviteSessionManager), driven through a real
// TransactionLayer on FakeTransportLayer with a ManualClock.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "base/ManualClock.h"
#include "sip/dialog/InviteSessionManager.h"
#include "sip/dialog/ReferSubscription.h"
#include "sip/dialog/UasCore.h"
#include "sip/message/Replaces.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(ReferSubscription::Outcome)
Q_DECLARE_METATYPE(ReferSubscription::State)

namespace {
class FakeHandler : public InviteSessionHandler {
public:
    SessionBody makeOffer() override { return {"application/sdp", "offer"}; }
    std::variant<SessionBody, SessionError> answerOffer(const SessionBody &offer) override {
        return SessionBody{"application/sdp", "answer-to-" + offer.data};
    }
    bool takeAnswer(const SessionBody &) override { return true; }
};

const QString kRemote = QStringLiteral("198.51.100.7");

// One NOTIFY of a script: Subscription-State, content type and body ("" = sipfrag of status).
struct NotifySpec {
    QByteArray state;
    int status = 0;
};
} // namespace

Q_DECLARE_METATYPE(QList<NotifySpec>)

class TestReferSubscription : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    UasCore *uas = nullptr;
    NoDns dns;
    Resolver *resolver = nullptr;
    InviteSessionManager *manager = nullptr;
    FakeHandler handler;
    int remoteCSeq = 10;
    int branchNo = 0;

    ReferSubscription::State stateOf(ReferSubscription *r) const { return r->state(); }
    ReceivedFrom remote() const {
        return FakeTransportLayer::receivedFrom(TransportProtocol::Udp, kRemote, 5060);
    }
    void inject(const SipMessage &m) { transport->inject(m, remote()); }

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

    SipMessage reply(const SipMessage &request, int status, const QByteArray &toTag = "bob1") {
        SipMessage r = SipMessage::responseTo(request, status, {}, toTag);
        if (status / 100 == 2 && request.method() == "INVITE") {
            r.addHeader(HeaderId::Contact, "<sip:bob@" + kRemote.toLatin1() + ":5060>");
            r.setBody("answer", "application/sdp");
        }
        return r;
    }

    // A request from the peer inside the session's dialog (From/To seen from the peer).
    SipMessage fromPeer(InviteSession *s, const QByteArray &method) {
        const Dialog &d = s->dialog();
        SipMessage m = SipMessage::makeRequest(method, d.localContact().uri());
        Via via;
        via.setTransport("UDP");
        via.setHost(kRemote.toLatin1());
        via.setPort(5060);
        via.setBranch("z9hG4bKpeer" + QByteArray::number(++branchNo));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from = d.remoteUri();
        from.setTag(d.id().remoteTag);
        m.setFrom(from);
        NameAddr to = d.localUri();
        to.setTag(d.id().localTag);
        m.setTo(to);
        m.setCallId(d.id().callId);
        m.setCSeq({quint32(++remoteCSeq), method});
        m.setContacts({NameAddr(*SipUri::parse("sip:bob@" + kRemote.toLatin1() + ":5060"))});
        return m;
    }

    SipMessage notifyFrom(InviteSession *s, quint32 id, const QByteArray &state, const QByteArray &body,
                          const QByteArray &type = "message/sipfrag;version=2.0") {
        SipMessage m = fromPeer(s, "NOTIFY");
        m.setHeader(HeaderId::Event, "refer;id=" + QByteArray::number(id));
        if (!state.isEmpty())
            m.setHeader(HeaderId::SubscriptionState, state);
        if (!body.isEmpty())
            m.setBody(body, type);
        return m;
    }
    static QByteArray frag(int status) {
        return "SIP/2.0 " + QByteArray::number(status) + " " + SipMessage::defaultReason(status) + "\r\n";
    }

    InviteSession *establishUac() {
        InviteSession::UacConfig c;
        c.target = *SipUri::parse("sip:bob@198.51.100.7");
        c.from = NameAddr(*SipUri::parse("sip:alice@example.com"), QStringLiteral("Alice"));
        c.contact = NameAddr(SipUri::sip("alice", "192.0.2.10", 5060));
        InviteSession *s = manager->invite(c, &handler);
        const SipMessage inv = next("INVITE");
        inject(reply(inv, 200));
        next("ACK");
        return s;
    }

    InviteSession *establishUas(const QByteArray &callId = "call-in-1", const QByteArray &fromTag = "rtag") {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(incomingInvite(callId, fromTag));
        if (incoming.isEmpty())
            return nullptr;
        auto *s = incoming.first().first().value<InviteSession *>();
        s->setHandler(&handler);
        s->accept();
        const SipMessage ok = next("200");
        SipMessage ack = fromPeer(s, "ACK");
        ack.setCSeq({1, "ACK"});
        inject(ack);
        return s;
    }

    SipMessage incomingInvite(const QByteArray &callId, const QByteArray &fromTag,
                              const QList<QByteArray> &replaces = {}) {
        SipMessage m = SipMessage::makeRequest("INVITE", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setTransport("UDP");
        via.setHost(kRemote.toLatin1());
        via.setPort(5060);
        via.setBranch("z9hG4bKinv" + QByteArray::number(++branchNo));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from(*SipUri::parse("sip:bob@example.org"));
        from.setTag(fromTag);
        m.setFrom(from);
        m.setTo(NameAddr(*SipUri::parse("sip:alice@example.com")));
        m.setCallId(callId);
        m.setCSeq({1, "INVITE"});
        m.setContacts({NameAddr(*SipUri::parse("sip:bob@" + kRemote.toLatin1() + ":5060"))});
        for (const QByteArray &r : replaces)
            m.addHeader(HeaderId::Replaces, r);
        m.setBody("offer-b", "application/sdp");
        return m;
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<ReferSubscription::Outcome>();
        qRegisterMetaType<ReferSubscription::State>();
    }
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        uas = new UasCore(transactions);
        resolver = new Resolver(&dns);
        manager = new InviteSessionManager(transactions, uas, resolver);
        remoteCSeq = 10;
    }
    void cleanup() {
        delete manager;
        delete resolver;
        delete uas;
        delete transactions;
        delete transport;
        delete clock;
    }

    // ================================================================ Replaces value type

    void replacesParse_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("callId");
        QTest::addColumn<QByteArray>("toTag");
        QTest::addColumn<QByteArray>("fromTag");
        QTest::addColumn<bool>("earlyOnly");
        QTest::addColumn<QByteArray>("serialized");
        QTest::newRow("rfc3891 example")
            << QByteArray("98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff") << true
            << QByteArray("98732@sip.example.com") << QByteArray("ff87ff") << QByteArray("r33th4x0r") << false
            << QByteArray("98732@sip.example.com;to-tag=ff87ff;from-tag=r33th4x0r");
        QTest::newRow("early-only, spaces")
            << QByteArray(" abc ; to-tag = t1 ; from-tag=f1;early-only") << true << QByteArray("abc")
            << QByteArray("t1") << QByteArray("f1") << true
            << QByteArray("abc;to-tag=t1;from-tag=f1;early-only");
        QTest::newRow("unknown param kept")
            << QByteArray("abc;to-tag=t1;from-tag=f1;x=y") << true << QByteArray("abc") << QByteArray("t1")
            << QByteArray("f1") << false << QByteArray("abc;to-tag=t1;from-tag=f1;x=y");
        QTest::newRow("no to-tag") << QByteArray("abc;from-tag=f1") << false << QByteArray() << QByteArray()
                                   << QByteArray() << false << QByteArray();
        QTest::newRow("no from-tag") << QByteArray("abc;to-tag=t1") << false << QByteArray() << QByteArray()
                                     << QByteArray() << false << QByteArray();
        QTest::newRow("empty tag") << QByteArray("abc;to-tag=;from-tag=f") << false << QByteArray()
                                   << QByteArray() << QByteArray() << false << QByteArray();
        QTest::newRow("no call-id") << QByteArray(";to-tag=t;from-tag=f") << false << QByteArray()
                                    << QByteArray() << QByteArray() << false << QByteArray();
        QTest::newRow("two to-tags") << QByteArray("a;to-tag=t;to-tag=u;from-tag=f") << false << QByteArray()
                                     << QByteArray() << QByteArray() << false << QByteArray();
        QTest::newRow("space in call-id") << QByteArray("a b;to-tag=t;from-tag=f") << false << QByteArray()
                                          << QByteArray() << QByteArray() << false << QByteArray();
    }
    void replacesParse() {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        const auto r = Replaces::parse(text);
        QCOMPARE(r.has_value(), valid);
        if (!valid)
            return;
        QTEST(r->callId(), "callId");
        QTEST(r->toTag(), "toTag");
        QTEST(r->fromTag(), "fromTag");
        QTEST(r->earlyOnly(), "earlyOnly");
        QTEST(r->toString(), "serialized");
        QCOMPARE(Replaces::parse(r->toString()), r); // round trip
    }

    void replacesInReferToUri() {
        const Replaces rep("12345@host.example", "tt", "ff");
        NameAddr referTo(*SipUri::parse("sip:carol@192.0.2.30:5060"));
        referTo.uri().headers().set("Replaces", rep.toString());
        const QByteArray wire = referTo.toString();
        QVERIFY2(wire.contains("?Replaces=12345%40host.example%3Bto-tag%3Dtt%3Bfrom-tag%3Dff"), wire);
        const auto back = NameAddr::parse(wire);
        QVERIFY(back);
        QCOMPARE(Replaces::parse(*back->uri().headers().value("Replaces")), rep);
    }

    // ================================================================ referrer (transferor)

    void referrer_data() {
        QTest::addColumn<int>("referStatus");
        QTest::addColumn<QList<NotifySpec>>("notifies");
        QTest::addColumn<bool>("notifyBeforeResponse");
        QTest::addColumn<qint64>("advanceMs");
        QTest::addColumn<ReferSubscription::Outcome>("outcome");
        QTest::addColumn<int>("status");
        QTest::addColumn<QList<int>>("progress");
        using O = ReferSubscription::Outcome;
        QTest::newRow("202, 100, 200")
            << 202 << QList<NotifySpec>{{"active;expires=60", 100}, {"terminated;reason=noresource", 200}}
            << false << qint64(0) << O::Succeeded << 200 << QList<int>{100, 200};
        QTest::newRow("202, 100, 180, 486")
            << 202
            << QList<NotifySpec>{{"active", 100},
                                 {"active;expires=30", 180},
                                 {"terminated;reason=noresource", 486}}
            << false << qint64(0) << O::TargetFailed << 486 << QList<int>{100, 180, 486};
        QTest::newRow("200 to REFER is fine")
            << 200 << QList<NotifySpec>{{"terminated;reason=noresource", 200}} << false << qint64(0)
            << O::Succeeded << 200 << QList<int>{200};
        QTest::newRow("NOTIFY overtakes the 202") << 202 << QList<NotifySpec>{{"active", 100}} << true
                                                  << qint64(0) << O::None << 100 << QList<int>{100};
        QTest::newRow("405: no REFER here")
            << 405 << QList<NotifySpec>{} << false << qint64(0) << O::NotSupported << 405 << QList<int>{};
        QTest::newRow("481") << 481 << QList<NotifySpec>{} << false << qint64(0) << O::NotSupported << 481
                             << QList<int>{};
        QTest::newRow("603 declined")
            << 603 << QList<NotifySpec>{} << false << qint64(0) << O::Rejected << 603 << QList<int>{};
        QTest::newRow("no NOTIFY at all: timeout")
            << 202 << QList<NotifySpec>{} << false << qint64(32000) << O::Timeout << 408 << QList<int>{};
        QTest::newRow("no final NOTIFY: timeout after its expires")
            << 202 << QList<NotifySpec>{{"active;expires=10", 100}} << false << qint64(10000) << O::Timeout
            << 408 << QList<int>{100};
        QTest::newRow("terminated without a final status")
            << 202 << QList<NotifySpec>{{"active", 100}, {"terminated;reason=timeout", 100}} << false
            << qint64(0) << O::Timeout << 100 << QList<int>{100, 100};
    }
    void referrer() {
        QFETCH(int, referStatus);
        QFETCH(QList<NotifySpec>, notifies);
        QFETCH(bool, notifyBeforeResponse);
        QFETCH(qint64, advanceMs);
        QFETCH(ReferSubscription::Outcome, outcome);
        QFETCH(int, status);
        QFETCH(QList<int>, progress);

        InviteSession *s = establishUac();
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@example.org")));
        QVERIFY(r);
        QCOMPARE(r->role(), ReferSubscription::Role::Referrer);
        QSignalSpy progressSpy(r, &ReferSubscription::progress);
        QSignalSpy finished(r, &ReferSubscription::finished);
        const SipMessage refer = next("REFER");
        QCOMPARE(refer.header(HeaderId::ReferTo), QByteArray("<sip:carol@example.org>"));
        QCOMPARE(NameAddr::parse(refer.header(HeaderId::ReferredBy))->uri().toString(),
                 QByteArray("sip:alice@example.com"));
        QCOMPARE(refer.to().tag(), QByteArray("bob1"));
        QCOMPARE(refer.callId(), s->dialogId().callId);
        QVERIFY(!refer.contacts().isEmpty());
        QCOMPARE(r->id(), refer.cseqNumber());
        QCOMPARE(r->state(), ReferSubscription::State::Pending);

        auto sendNotifies = [&] {
            for (const NotifySpec &n : notifies) {
                inject(notifyFrom(s, r->id(), n.state, frag(n.status)));
                QCOMPARE(next("200").cseq().method, QByteArray("NOTIFY"));
            }
        };
        if (notifyBeforeResponse)
            sendNotifies();
        inject(reply(refer, referStatus));
        if (!notifyBeforeResponse)
            sendNotifies();
        clock->advance(advanceMs);

        QList<int> seen;
        for (const auto &args : progressSpy)
            seen << args.at(0).toInt();
        QCOMPARE(seen, progress);
        QCOMPARE(r->outcome(), outcome);
        QCOMPARE(r->status(), status);
        if (outcome == ReferSubscription::Outcome::None) {
            QCOMPARE(finished.size(), 0);
            QCOMPARE(r->state(), ReferSubscription::State::Active);
        } else {
            QCOMPARE(finished.size(), 1);
            QCOMPARE(finished.first().at(1).toInt(), status);
            QCOMPARE(r->state(), ReferSubscription::State::Terminated);
        }
        QCOMPARE(s->state(), InviteSession::State::Confirmed); // the call is the application's
        expectNothingSent();
    }

    void referrerRejectsBrokenNotify_data() {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("expected");
        QTest::newRow("garbage sipfrag")
            << QByteArray("active") << QByteArray("hello") << QByteArray("message/sipfrag") << 400;
        QTest::newRow("letters as status") << QByteArray("active") << QByteArray("SIP/2.0 2x0 OK\r\n")
                                           << QByteArray("message/sipfrag") << 400;
        QTest::newRow("status out of range") << QByteArray("active") << QByteArray("SIP/2.0 999 Huh\r\n")
                                             << QByteArray("message/sipfrag") << 400;
        QTest::newRow("wrong version") << QByteArray("active") << QByteArray("SIP/1.0 200 OK\r\n")
                                       << QByteArray("message/sipfrag") << 400;
        QTest::newRow("a request line") << QByteArray("active") << QByteArray("INVITE sip:x SIP/2.0\r\n")
                                        << QByteArray("message/sipfrag") << 400;
        QTest::newRow("no body") << QByteArray("active") << QByteArray() << QByteArray("message/sipfrag")
                                 << 400;
        QTest::newRow("no Subscription-State")
            << QByteArray() << QByteArray("SIP/2.0 200 OK\r\n") << QByteArray("message/sipfrag") << 400;
        QTest::newRow("not sipfrag") << QByteArray("active") << QByteArray("SIP/2.0 200 OK\r\n")
                                     << QByteArray("text/plain") << 415;
    }
    void referrerRejectsBrokenNotify() {
        QFETCH(QByteArray, state);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(int, expected);
        InviteSession *s = establishUac();
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@example.org")));
        inject(reply(next("REFER"), 202));
        QSignalSpy progressSpy(r, &ReferSubscription::progress);
        inject(notifyFrom(s, r->id(), state, body, type));
        QCOMPARE(next(QByteArray::number(expected)).cseq().method, QByteArray("NOTIFY"));
        QCOMPARE(progressSpy.size(), 0);
        QCOMPARE(r->state(), ReferSubscription::State::Active);
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::None);
        // A good one afterwards still counts.
        inject(notifyFrom(s, r->id(), "terminated;reason=noresource", frag(200)));
        next("200");
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::Succeeded);
    }

    void notifyForUnknownSubscription() {
        InviteSession *s = establishUac();
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@example.org")));
        inject(reply(next("REFER"), 202));
        inject(notifyFrom(s, r->id() + 7, "active", frag(100)));
        next("481");
        SipMessage other = notifyFrom(s, r->id(), "active", frag(100));
        other.setHeader(HeaderId::Event, "presence");
        inject(other);
        next("489");
        QCOMPARE(r->state(), ReferSubscription::State::Active);
    }

    void finalNotifyAfterBye() {
        // RFC 5057: the transferee may hang up first; its final NOTIFY still counts.
        InviteSession *s = establishUac();
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@example.org")));
        inject(reply(next("REFER"), 202));
        inject(fromPeer(s, "BYE"));
        next("200");
        QCOMPARE(s->state(), InviteSession::State::Terminated);
        inject(notifyFrom(s, r->id(), "terminated;reason=noresource", frag(200)));
        next("200");
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::Succeeded);
    }

    void referIsAuthenticated() {
        InviteSession::UacConfig c;
        c.target = *SipUri::parse("sip:bob@198.51.100.7");
        c.from = NameAddr(*SipUri::parse("sip:alice@example.com"));
        c.contact = NameAddr(SipUri::sip("alice", "192.0.2.10", 5060));
        c.credentials = DigestCredentials("alice", "secret");
        InviteSession *s = manager->invite(c, &handler);
        inject(reply(next("INVITE"), 200));
        next("ACK");
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@example.org")));
        const SipMessage first = next("REFER");
        SipMessage challenge = SipMessage::responseTo(first, 407, {}, "bob1");
        challenge.setHeader(HeaderId::ProxyAuthenticate,
                            "Digest realm=\"example.com\", nonce=\"n1\", algorithm=MD5");
        inject(challenge);
        const SipMessage second = next("REFER");
        QVERIFY(second.hasHeader(HeaderId::ProxyAuthorization));
        QVERIFY(second.cseqNumber() > first.cseqNumber());
        QCOMPARE(r->id(), second.cseqNumber());
        inject(reply(second, 202));
        QCOMPARE(r->state(), ReferSubscription::State::Active);
        // A second challenge is not answered again.
        ReferSubscription *r2 = s->refer(NameAddr(*SipUri::parse("sip:dave@example.org")));
        const SipMessage third = next("REFER");
        QVERIFY(third.hasHeader(HeaderId::ProxyAuthorization)); // known realm: sent up front
        SipMessage again = SipMessage::responseTo(third, 407, {}, "bob1");
        again.setHeader(HeaderId::ProxyAuthenticate,
                        "Digest realm=\"example.com\", nonce=\"n2\", algorithm=MD5");
        inject(again);
        const SipMessage fourth = next("REFER");
        SipMessage still = SipMessage::responseTo(fourth, 407, {}, "bob1");
        still.setHeader(HeaderId::ProxyAuthenticate,
                        "Digest realm=\"example.com\", nonce=\"n3\", algorithm=MD5");
        inject(still);
        QCOMPARE(r2->outcome(), ReferSubscription::Outcome::Rejected);
        QCOMPARE(r2->status(), 407);
        expectNothingSent();
    }

    void referNeedsConfirmedDialog() {
        InviteSession::UacConfig c;
        c.target = *SipUri::parse("sip:bob@198.51.100.7");
        c.from = NameAddr(*SipUri::parse("sip:alice@example.com"));
        c.contact = NameAddr(SipUri::sip("alice", "192.0.2.10", 5060));
        InviteSession *s = manager->invite(c, &handler);
        next("INVITE");
        QVERIFY(!s->refer(NameAddr(*SipUri::parse("sip:carol@example.org"))));
    }

    void referWithReplaces() {
        InviteSession *s = establishUac();
        const Replaces rep("consult-1@x", "carol-tag", "alice-tag");
        ReferSubscription *r = s->refer(NameAddr(*SipUri::parse("sip:carol@192.0.2.30:5062")), rep);
        QVERIFY(r);
        const SipMessage refer = next("REFER");
        const auto referTo = NameAddr::parse(refer.header(HeaderId::ReferTo));
        QVERIFY(referTo);
        QCOMPARE(referTo->uri().host(), QByteArray("192.0.2.30"));
        QCOMPARE(Replaces::parse(*referTo->uri().headers().value("Replaces")), rep);
        QCOMPARE(r->replaces(), rep);
    }

    // ================================================================ referee (transferee)

    void refereeAcceptsAndNotifies() {
        InviteSession *s = establishUas();
        QVERIFY(s);
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org;transport=tcp>");
        refer.setHeader(HeaderId::ReferredBy, "<sip:bob@example.org>");
        inject(refer);
        QCOMPARE(received.size(), 1);
        auto *r = received.first().first().value<ReferSubscription *>();
        QCOMPARE(r->role(), ReferSubscription::Role::Referee);
        QCOMPARE(r->state(), ReferSubscription::State::Pending);
        QCOMPARE(r->target().toString(), QByteArray("sip:carol@example.org;transport=tcp"));
        QCOMPARE(r->referredBy()->uri().toString(), QByteArray("sip:bob@example.org"));
        QVERIFY(!r->replaces());
        QCOMPARE(r->id(), refer.cseqNumber());
        expectNothingSent(); // the application decides
        QSignalSpy finished(r, &ReferSubscription::finished);

        r->accept();
        QCOMPARE(next("202").cseq().method, QByteArray("REFER"));
        const SipMessage n1 = next("NOTIFY");
        QCOMPARE(n1.header(HeaderId::Event), "refer;id=" + QByteArray::number(refer.cseqNumber()));
        QVERIFY(n1.header(HeaderId::SubscriptionState).startsWith("active;expires="));
        QVERIFY(n1.contentType().startsWith("message/sipfrag"));
        QCOMPARE(n1.body(), QByteArray("SIP/2.0 100 Trying\r\n"));
        QCOMPARE(n1.to().tag(), s->dialogId().remoteTag);
        QCOMPARE(n1.from().tag(), s->dialogId().localTag);
        QCOMPARE(r->state(), ReferSubscription::State::Active);

        // One NOTIFY in flight at a time: the next ones wait for the 200, only the newest is kept.
        QVERIFY(r->notify(180, "Ringing"));
        QVERIFY(r->notify(183));
        expectNothingSent();
        inject(SipMessage::responseTo(n1, 200));
        const SipMessage n2 = next("NOTIFY");
        QCOMPARE(n2.body(), QByteArray("SIP/2.0 183 Session Progress\r\n"));
        QVERIFY(n2.cseqNumber() > n1.cseqNumber());
        QVERIFY(r->notify(200, "OK"));
        expectNothingSent();
        inject(SipMessage::responseTo(n2, 200));
        const SipMessage n3 = next("NOTIFY");
        QCOMPARE(n3.body(), QByteArray("SIP/2.0 200 OK\r\n"));
        QCOMPARE(n3.header(HeaderId::SubscriptionState), QByteArray("terminated;reason=noresource"));
        QCOMPARE(r->state(), ReferSubscription::State::Terminated);
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::Succeeded);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!r->notify(200)); // nothing after the final one
        inject(SipMessage::responseTo(n3, 200));
        expectNothingSent();
    }

    void refereeFailureNotify() {
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "sip:carol@example.org");
        inject(refer);
        auto *r = received.first().first().value<ReferSubscription *>();
        r->accept();
        next("202");
        inject(SipMessage::responseTo(next("NOTIFY"), 200));
        r->notify(486);
        const SipMessage n = next("NOTIFY");
        QCOMPARE(n.body(), QByteArray("SIP/2.0 486 Busy Here\r\n"));
        QCOMPARE(n.header(HeaderId::SubscriptionState), QByteArray("terminated;reason=noresource"));
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::TargetFailed);
        QCOMPARE(r->status(), 486);
    }

    void refereeNotifyGets481() {
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "sip:carol@example.org");
        inject(refer);
        auto *r = received.first().first().value<ReferSubscription *>();
        r->accept();
        next("202");
        inject(SipMessage::responseTo(next("NOTIFY"), 481));
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::DialogGone);
        QVERIFY(!r->notify(200));
    }

    void refereeRejectsBadRefer_data() {
        QTest::addColumn<QList<QByteArray>>("referTo");
        QTest::addColumn<int>("expected");
        QTest::newRow("no Refer-To") << QList<QByteArray>{} << 400;
        QTest::newRow("two Refer-To") << QList<QByteArray>{"<sip:a@x>", "<sip:b@x>"} << 400;
        QTest::newRow("malformed") << QList<QByteArray>{"<sip:@@>"} << 400;
        QTest::newRow("tel") << QList<QByteArray>{"<tel:+4930123>"} << 400;
        QTest::newRow("broken Replaces") << QList<QByteArray>{"<sip:c@x?Replaces=abc%3Bto-tag%3Dt>"} << 400;
    }
    void refereeRejectsBadRefer() {
        QFETCH(QList<QByteArray>, referTo);
        QFETCH(int, expected);
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        for (const QByteArray &v : referTo)
            refer.addHeader(HeaderId::ReferTo, v);
        inject(refer);
        QCOMPARE(next(QByteArray::number(expected)).cseq().method, QByteArray("REFER"));
        QCOMPARE(received.size(), 0);
        QVERIFY(s->referSubscriptions().isEmpty());
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void refereeRefuses() {
        InviteSession *s = establishUas();
        connect(s, &InviteSession::referReceived, this, [](ReferSubscription *r) { r->reject(403); });
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org>");
        inject(refer);
        next("403");
        expectNothingSent();
    }

    void refereeUndecidedIsRefused() {
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org>");
        inject(refer);
        auto *r = received.first().first().value<ReferSubscription *>();
        clock->advance(ReferSubscription::kDecisionTimeoutMs - 1);
        expectNothingSent();
        clock->advance(1);
        next("403");
        QCOMPARE(r->outcome(), ReferSubscription::Outcome::Rejected);
    }

    void finishedRefersArePruned() {
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        for (int i = 0; i < 5 * InviteSession::kMaxReferSubscriptions; ++i) {
            SipMessage refer = fromPeer(s, "REFER");
            refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org>");
            inject(refer);
            auto *r = received.last().first().value<ReferSubscription *>();
            r->accept();
            next("202");
            inject(SipMessage::responseTo(next("NOTIFY"), 200));
            r->notify(200);
            inject(SipMessage::responseTo(next("NOTIFY"), 200));
            QVERIFY(s->referSubscriptions().size() <= 2 * InviteSession::kMaxReferSubscriptions);
        }
        QCOMPARE(received.size(), 5 * InviteSession::kMaxReferSubscriptions);
    }

    void refereeSeesReplaces() {
        InviteSession *s = establishUas();
        QSignalSpy received(s, &InviteSession::referReceived);
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo,
                        "<sip:carol@192.0.2.30?Replaces=c1%40host%3Bto-tag%3Dct%3Bfrom-tag%3Dbt>");
        inject(refer);
        QCOMPARE(received.size(), 1);
        auto *r = received.first().first().value<ReferSubscription *>();
        QCOMPARE(r->replaces(), Replaces("c1@host", "ct", "bt"));
        QCOMPARE(r->target().toString(), QByteArray("sip:carol@192.0.2.30"));
    }

    void tooManyRefers() {
        InviteSession *s = establishUas();
        for (int i = 0; i < InviteSession::kMaxReferSubscriptions; ++i) {
            SipMessage refer = fromPeer(s, "REFER");
            refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org>");
            inject(refer);
        }
        expectNothingSent();
        SipMessage refer = fromPeer(s, "REFER");
        refer.setHeader(HeaderId::ReferTo, "<sip:carol@example.org>");
        inject(refer);
        next("503");
    }

    // ================================================================ Replaces matching

    void replacesMatching_data() {
        QTest::addColumn<QString>("which"); // how the Replaces is built against the dialog
        QTest::addColumn<int>("expected");  // 0: offered as a session replacing ours
        QTest::newRow("matches confirmed") << "match" << 0;
        QTest::newRow("tags swapped") << "swapped" << 481;
        QTest::newRow("unknown call-id") << "unknown" << 481;
        QTest::newRow("early-only on confirmed") << "early-only" << 486;
        QTest::newRow("two headers") << "two" << 400;
        QTest::newRow("malformed") << "malformed" << 400;
        QTest::newRow("dialog ended") << "ended" << 603;
    }
    void replacesMatching() {
        QFETCH(QString, which);
        QFETCH(int, expected);
        InviteSession *s = establishUas("call-a", "peer-a");
        const DialogId id = s->dialogId();
        QList<QByteArray> headers;
        const QByteArray good = Replaces(id.callId, id.localTag, id.remoteTag).toString();
        if (which == "match" || which == "ended")
            headers << good;
        else if (which == "swapped")
            headers << Replaces(id.callId, id.remoteTag, id.localTag).toString();
        else if (which == "unknown")
            headers << Replaces("nope", id.localTag, id.remoteTag).toString();
        else if (which == "early-only")
            headers << good + ";early-only";
        else if (which == "two")
            headers << good << good;
        else
            headers << "x;to-tag=1";
        if (which == "ended") {
            inject(fromPeer(s, "BYE"));
            next("200");
        }
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(incomingInvite("call-b", "peer-b", headers));
        if (expected) {
            QCOMPARE(next(QByteArray::number(expected)).cseq().method, QByteArray("INVITE"));
            QCOMPARE(incoming.size(), 0);
            return;
        }
        QCOMPARE(incoming.size(), 1);
        auto *n = incoming.first().first().value<InviteSession *>();
        QCOMPARE(n->replacedSession(), s);
        QCOMPARE(n->replaces()->callId(), QByteArray("call-a"));
    }

    void earlyDialogOfOursCanBeReplaced() {
        InviteSession::UacConfig c;
        c.target = *SipUri::parse("sip:bob@198.51.100.7");
        c.from = NameAddr(*SipUri::parse("sip:alice@example.com"));
        c.contact = NameAddr(SipUri::sip("alice", "192.0.2.10", 5060));
        InviteSession *s = manager->invite(c, &handler);
        const SipMessage inv = next("INVITE");
        inject(reply(inv, 180, "early1"));
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        // From the replacing INVITE's recipient (us): to-tag is our From tag.
        inject(incomingInvite("call-p", "pickup",
                              {Replaces(inv.callId(), inv.from().tag(), "early1", true).toString()}));
        QCOMPARE(incoming.size(), 1);
        QCOMPARE(incoming.first().first().value<InviteSession *>()->replacedSession(), s);
    }

    void earlyDialogOfTheirsCannotBeReplaced() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(incomingInvite("call-e", "peer-e"));
        auto *s = incoming.first().first().value<InviteSession *>();
        s->ring();
        next("180");
        inject(incomingInvite("call-f", "peer-f",
                              {Replaces("call-e", s->dialogId().localTag, "peer-e").toString()}));
        next("481");
    }

    void referNotifyOutsideAnyDialog() {
        SipMessage m = incomingInvite("call-x", "px");
        m.setRequestUri(*SipUri::parse("sip:alice@192.0.2.10:5060"));
        SipMessage notify = SipMessage::makeRequest("NOTIFY", m.requestUri());
        notify.prependVia(*m.topVia());
        notify.setMaxForwards(70);
        notify.setFrom(m.from());
        NameAddr to = m.to();
        to.setTag("unknown");
        notify.setTo(to);
        notify.setCallId("call-x");
        notify.setCSeq({5, "NOTIFY"});
        notify.setHeader(HeaderId::Event, "refer");
        notify.setHeader(HeaderId::SubscriptionState, "active");
        notify.setBody(frag(100), "message/sipfrag");
        inject(notify);
        next("481");
    }
};

QTEST_GUILESS_MAIN(TestReferSubscription)
#include "tst_refersubscription.moc"
