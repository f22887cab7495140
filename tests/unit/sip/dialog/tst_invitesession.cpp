// InviteSession and InviteSessionManager, both roles, driven through a real TransactionLayer on
// FakeTransportLayer with a ManualClock: every message on the wire is checked, no sockets, no sleeps.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "base/ManualClock.h"
#include "sip/dialog/InviteSessionManager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(InviteSession::State)
Q_DECLARE_METATYPE(InviteSession::EndReason)

namespace {
// Offers and answers are plain strings here; the session must not look into them.
class FakeHandler : public InviteSessionHandler {
public:
    QByteArray nextOffer = "offer-1";
    bool refuseOffer = false;
    bool refuseAnswer = false;
    QList<QByteArray> offersSeen, answersSeen;

    SessionBody makeOffer() override { return {"application/sdp", nextOffer}; }
    std::variant<SessionBody, SessionError> answerOffer(const SessionBody &offer) override {
        offersSeen << offer.data;
        if (refuseOffer)
            return SessionError{SessionError::Kind::NotAcceptable, 305, "no common codec"};
        return SessionBody{"application/sdp", "answer-to-" + offer.data};
    }
    bool takeAnswer(const SessionBody &answer) override {
        answersSeen << answer.data;
        return !refuseAnswer;
    }
};

const QString kRemote = QStringLiteral("198.51.100.7");
} // namespace

class TestInviteSession : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    UasCore *uas = nullptr;
    NoDns dns;
    Resolver *resolver = nullptr;
    InviteSessionManager *manager = nullptr;
    FakeHandler handler;

    ReceivedFrom remote() const {
        return FakeTransportLayer::receivedFrom(TransportProtocol::Udp, kRemote, 5060);
    }

    // ---- wire helpers
    FakeTransportLayer::Sent next(const QByteArray &what) {
        FakeTransportLayer::Sent s;
        [&] {
            QVERIFY2(transport->hasSent(), "nothing sent, expected " + what);
            s = transport->takeFirst();
            const QByteArray got =
                s.message.isRequest() ? s.message.method() : QByteArray::number(s.message.statusCode());
            QVERIFY2(got == what, "sent " + s.message.startLine() + ", expected " + what);
        }();
        return s;
    }
    SipMessage nextMessage(const QByteArray &what) { return next(what).message; }
    // The transaction passes a non-2xx final up before it sends its ACK, so the TU's reaction
    // (a new INVITE, a BYE) may come first on the wire: expect both, in either order.
    SipMessage ackAnd(const QByteArray &what) {
        SipMessage result;
        [&] {
            QVERIFY2(transport->sent().size() >= 2, "expected ACK and " + what);
            const SipMessage a = transport->takeFirst().message;
            const SipMessage b = transport->takeFirst().message;
            const bool ackFirst = a.method() == "ACK";
            QVERIFY2((ackFirst ? b : a).method() == what, (ackFirst ? b : a).startLine());
            QVERIFY2((ackFirst ? a : b).method() == "ACK", (ackFirst ? a : b).startLine());
            result = ackFirst ? b : a;
        }();
        return result;
    }
    void expectNothingSent() {
        QVERIFY2(!transport->hasSent(),
                 transport->hasSent() ? transport->sent().first().message.startLine() : "");
    }
    void inject(const SipMessage &m) { transport->inject(m, remote()); }

    SipMessage reply(const SipMessage &request, int status, const QByteArray &toTag = "bob1",
                     const QByteArray &body = {}, const QByteArray &extra = {}) {
        SipMessage r = SipMessage::responseTo(request, status, {}, status == 100 ? QByteArray() : toTag);
        if (status != 100 && status < 300)
            r.addHeader(HeaderId::Contact, "<sip:bob@" + kRemote.toLatin1() + ":5060>");
        if (!body.isEmpty())
            r.setBody(body, "application/sdp");
        if (!extra.isEmpty()) {
            const int colon = extra.indexOf(':');
            r.addHeader(extra.left(colon), extra.mid(colon + 1).trimmed());
        }
        return r;
    }

    // A request from the remote side (bob at 198.51.100.7) to us (alice at 192.0.2.10).
    SipMessage remoteRequest(const QByteArray &method, int cseq, const QByteArray &toTag = {},
                             const QByteArray &body = {}, const QByteArray &branch = {},
                             const QByteArray &callId = "call-in-1") {
        static int n = 0;
        QByteArray text = method +
                          " sip:alice@192.0.2.10:5060 SIP/2.0\n"
                          "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=" +
                          (branch.isEmpty() ? "z9hG4bKremote" + QByteArray::number(++n) : branch) +
                          "\n"
                          "Max-Forwards: 70\n"
                          "From: \"Bob\" <sip:bob@example.org>;tag=rtag\n"
                          "To: <sip:alice@example.com>" +
                          (toTag.isEmpty() ? QByteArray() : ";tag=" + toTag) +
                          "\n"
                          "Call-ID: " +
                          callId +
                          "\n"
                          "CSeq: " +
                          QByteArray::number(cseq) + " " +
                          (method == "ACK" || method == "CANCEL" ? "%" : method) +
                          "\n"
                          "Contact: <sip:bob@198.51.100.7:5060>\n"
                          "Record-Route: <sip:198.51.100.99;lr>\n"
                          "Content-Length: 0\n\n";
        SipMessage m = SipMessage::parse(FakeTransportLayer::crlf(text.replace("%", method))).message;
        if (!body.isEmpty())
            m.setBody(body, "application/sdp");
        return m;
    }

    InviteSession::UacConfig config(const QByteArray &target = "sip:bob@198.51.100.7") {
        InviteSession::UacConfig c;
        c.target = *SipUri::parse(target);
        c.from = NameAddr(*SipUri::parse("sip:alice@example.com"), QStringLiteral("Alice"));
        c.contact = NameAddr(SipUri::sip("alice", "192.0.2.10", 5060));
        c.credentials = DigestCredentials("alice", "secret");
        return c;
    }

    // UAC up to Confirmed with dialog tag bob1; returns the INVITE as sent.
    SipMessage establishUac(InviteSession **out, const QByteArray &recordRoute = {}) {
        InviteSession *s = manager->invite(config(), &handler);
        *out = s;
        SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 180));
        SipMessage ok = reply(inv, 200, "bob1", "answer-1");
        if (!recordRoute.isEmpty())
            ok.addHeader(HeaderId::RecordRoute, recordRoute);
        inject(ok);
        next("ACK");
        return inv;
    }

    // UAS: an incoming INVITE accepted and acknowledged; returns the INVITE.
    SipMessage establishUas(InviteSession **out) {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        SipMessage inv = remoteRequest("INVITE", 1, {}, "offer-b", "z9hG4bKinv1");
        inject(inv);
        [&] { QCOMPARE(incoming.size(), 1); }();
        InviteSession *s = incoming.isEmpty() ? nullptr : incoming.first().first().value<InviteSession *>();
        *out = s;
        if (!s)
            return inv;
        s->setHandler(&handler);
        s->accept();
        const SipMessage ok = nextMessage("200");
        inject(remoteRequest("ACK", 1, ok.to().tag()));
        return inv;
    }

private Q_SLOTS:
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        uas = new UasCore(transactions);
        resolver = new Resolver(&dns);
        manager = new InviteSessionManager(transactions, uas, resolver);
        handler = FakeHandler();
    }
    void cleanup() {
        delete manager;
        delete resolver;
        delete uas;
        delete transactions;
        delete transport;
        delete clock;
    }

    // ================================================================ UAC

    void uacHappyPath() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy states(s, &InviteSession::stateChanged);
        QSignalSpy established(s, &InviteSession::established);
        QSignalSpy ended(s, &InviteSession::ended);
        QCOMPARE(s->role(), InviteSession::Role::Uac);
        QCOMPARE(s->state(), InviteSession::State::Calling);

        const auto sent = next("INVITE");
        const SipMessage inv = sent.message;
        QCOMPARE(sent.destination.address, QHostAddress(kRemote));
        QCOMPARE(inv.body(), QByteArray("offer-1"));
        QCOMPARE(inv.contentType(), QByteArray("application/sdp"));
        QVERIFY(!inv.from().tag().isEmpty());
        QVERIFY(inv.to().tag().isEmpty());
        QCOMPARE(inv.contacts().first().uri().host(), QByteArray("192.0.2.10"));

        inject(reply(inv, 100));
        QCOMPARE(s->state(), InviteSession::State::Calling);
        inject(reply(inv, 180));
        QCOMPARE(s->state(), InviteSession::State::Proceeding);
        inject(reply(inv, 200, "bob1", "answer-1"));
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
        QCOMPARE(established.size(), 1);
        QCOMPARE(handler.answersSeen, QList<QByteArray>{"answer-1"});
        const SipMessage ack = nextMessage("ACK");
        QCOMPARE(ack.cseq().number, inv.cseq().number);
        QCOMPARE(ack.to().tag(), QByteArray("bob1"));
        QCOMPARE(ack.requestUri().toString(), QByteArray("sip:bob@198.51.100.7:5060"));
        QVERIFY(ack.topViaBranch() != inv.topViaBranch());
        QCOMPARE(s->dialogId().remoteTag, QByteArray("bob1"));
        expectNothingSent();

        s->hangup();
        QCOMPARE(s->state(), InviteSession::State::Terminating);
        const SipMessage bye = nextMessage("BYE");
        QCOMPARE(bye.cseq().number, inv.cseq().number + 1);
        QCOMPARE(bye.to().tag(), QByteArray("bob1"));
        inject(reply(bye, 200));
        QCOMPARE(s->state(), InviteSession::State::Terminated);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::LocalBye);
        QCOMPARE(states.first().first().value<InviteSession::State>(), InviteSession::State::Proceeding);
    }

    void uacAcksEvery2xxRetransmission() {
        InviteSession *s = nullptr;
        const SipMessage inv = establishUac(&s);
        for (int i = 0; i < 2; ++i) {
            inject(reply(inv, 200, "bob1", "answer-1"));
            const SipMessage ack = nextMessage("ACK");
            QCOMPARE(ack.to().tag(), QByteArray("bob1"));
            QCOMPARE(ack.cseq().number, inv.cseq().number);
        }
        expectNothingSent();
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
        QCOMPARE(handler.answersSeen.size(), 1); // a retransmission is not a new answer
    }

    void uacForked2xxIsAckedAndHungUp() {
        InviteSession *s = nullptr;
        const SipMessage inv = establishUac(&s);
        inject(reply(inv, 200, "bob2", "answer-2"));
        const SipMessage ack = nextMessage("ACK");
        QCOMPARE(ack.to().tag(), QByteArray("bob2"));
        const SipMessage bye = nextMessage("BYE");
        QCOMPARE(bye.to().tag(), QByteArray("bob2"));
        QCOMPARE(bye.callId(), inv.callId());
        inject(reply(bye, 200, "bob2"));
        // The second dialog's 2xx again: ACK again, but only one BYE.
        inject(reply(inv, 200, "bob2", "answer-2"));
        next("ACK");
        expectNothingSent();
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
        QCOMPARE(s->dialogId().remoteTag, QByteArray("bob1"));
    }

    void uacCancelWaitsForProvisional() {
        InviteSession *s = manager->invite(config(), &handler);
        QPointer<InviteSession> guard(s);
        QSignalSpy ended(s, &InviteSession::ended);
        const SipMessage inv = nextMessage("INVITE");
        s->hangup();
        expectNothingSent(); // §9.1: no CANCEL before a provisional response
        inject(reply(inv, 180));
        const auto cancelSent = next("CANCEL");
        const SipMessage cancel = cancelSent.message;
        QCOMPARE(cancel.topViaBranch(), inv.topViaBranch());
        QCOMPARE(cancel.cseq().number, inv.cseq().number);
        QCOMPARE(cancel.requestUri(), inv.requestUri());
        QVERIFY(cancel.to().tag().isEmpty());
        QCOMPARE(s->state(), InviteSession::State::Terminating);
        inject(reply(cancel, 200));
        inject(reply(inv, 487));
        QCOMPARE(nextMessage("ACK").cseq().number, inv.cseq().number); // the transaction's ACK
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<InviteSession::EndReason>(),
                 InviteSession::EndReason::LocalCancel);
    }

    void uacCancelCrossedBy2xx() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 180));
        s->hangup();
        const SipMessage cancel = nextMessage("CANCEL");
        inject(reply(inv, 200, "bob1", "answer-1"));
        next("ACK");
        const SipMessage bye = nextMessage("BYE");
        QCOMPARE(bye.to().tag(), QByteArray("bob1"));
        inject(reply(cancel, 200));
        inject(reply(bye, 200));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<InviteSession::EndReason>(),
                 InviteSession::EndReason::LocalCancel);
    }

    void uacLate2xxAfterUnansweredCancel() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 180));
        s->hangup();
        const SipMessage cancel = nextMessage("CANCEL");
        inject(reply(cancel, 200));
        // §9.1: no final response to the INVITE within 64*T1 after the CANCEL: cancelled anyway.
        clock->advance(64 * 500);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::LocalCancel);
        transport->clearSent();
        // The 2xx arrives after all: acknowledge it and hang up that call.
        inject(reply(inv, 200, "bob1", "answer-1"));
        next("ACK");
        QCOMPARE(nextMessage("BYE").to().tag(), QByteArray("bob1"));
        QVERIFY(manager->sessions().contains(s));
        clock->advance(64 * 500);
        QVERIFY(!manager->sessions().contains(s)); // lingered for 64*T1, then let go
    }

    void uacFinalFailure_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<InviteSession::EndReason>("reason");
        QTest::newRow("486 busy") << 486 << InviteSession::EndReason::Rejected;
        QTest::newRow("404") << 404 << InviteSession::EndReason::Rejected;
        QTest::newRow("603 decline") << 603 << InviteSession::EndReason::Rejected;
        QTest::newRow("503") << 503 << InviteSession::EndReason::Rejected;
    }
    void uacFinalFailure() {
        QFETCH(int, status);
        QFETCH(InviteSession::EndReason, reason);
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 180));
        inject(reply(inv, status));
        next("ACK");
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(0).value<InviteSession::EndReason>(), reason);
        QCOMPARE(ended.first().at(1).toInt(), status);
        QCOMPARE(s->state(), InviteSession::State::Terminated);
        expectNothingSent();
    }

    void uacAuthenticates_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("challengeHeader");
        QTest::addColumn<QByteArray>("answerHeader");
        QTest::newRow("407") << 407 << QByteArray("Proxy-Authenticate") << QByteArray("Proxy-Authorization");
        QTest::newRow("401") << 401 << QByteArray("WWW-Authenticate") << QByteArray("Authorization");
    }
    void uacAuthenticates() {
        QFETCH(int, status);
        QFETCH(QByteArray, challengeHeader);
        QFETCH(QByteArray, answerHeader);
        InviteSession *s = manager->invite(config(), &handler);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, status, "px", {},
                     challengeHeader +
                         ": Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=MD5"));
        const SipMessage retry = ackAnd("INVITE");
        QVERIFY(retry.hasHeader(answerHeader));
        QCOMPARE(retry.callId(), inv.callId());
        QCOMPARE(retry.from().tag(), inv.from().tag());
        QCOMPARE(retry.cseq().number, inv.cseq().number + 1);
        QVERIFY(retry.topViaBranch() != inv.topViaBranch());
        QCOMPARE(retry.body(), inv.body());
        inject(reply(retry, 200, "bob1", "answer-1"));
        const SipMessage ack = nextMessage("ACK");
        QCOMPARE(ack.cseq().number, retry.cseq().number);
        QVERIFY(ack.hasHeader(answerHeader));
        QCOMPARE(s->state(), InviteSession::State::Confirmed);

        // A second challenge for the retry means the password is wrong: give up.
        InviteSession *s2 = manager->invite(config(), &handler);
        QSignalSpy ended(s2, &InviteSession::ended);
        SipMessage m = nextMessage("INVITE");
        for (int i = 0; i < 3 && ended.isEmpty(); ++i) {
            inject(reply(m, status, "px", {},
                         challengeHeader + ": Digest realm=\"example.com\", nonce=\"n" +
                             QByteArray::number(i) + "\", qop=\"auth\", algorithm=MD5"));
            if (ended.isEmpty())
                m = ackAnd("INVITE");
            else
                next("ACK");
        }
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s2->endReason(), InviteSession::EndReason::AuthFailed);
    }

    void uacFollowsRedirect() {
        InviteSession *s = manager->invite(config(), &handler);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 302, "r1", {}, "Contact: <sip:bob@203.0.113.9:5062>"));
        QVERIFY(transport->sent().size() >= 2);
        QCOMPARE(transport->sent().at(1).message.method(), QByteArray("ACK"));
        const auto sent = next("INVITE");
        next("ACK");
        QCOMPARE(sent.message.requestUri().toString(), QByteArray("sip:bob@203.0.113.9:5062"));
        QCOMPARE(sent.destination.address, QHostAddress(QStringLiteral("203.0.113.9")));
        QCOMPARE(sent.destination.port, quint16(5062));
        QCOMPARE(sent.message.cseq().number, inv.cseq().number + 1);
        QCOMPARE(sent.message.to().uri().toString(), QByteArray("sip:bob@198.51.100.7"));
        inject(reply(sent.message, 200, "bob1", "answer-1"));
        next("ACK");
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void uacRedirectsAreBounded() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        SipMessage m = nextMessage("INVITE");
        for (int i = 0; i < 6; ++i) {
            inject(reply(m, 302, "r", {}, "Contact: <sip:bob@203.0.113." + QByteArray::number(i + 1) + ">"));
            if (i < 5)
                m = ackAnd("INVITE");
            else
                next("ACK");
        }
        expectNothingSent();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<InviteSession::EndReason>(),
                 InviteSession::EndReason::TooManyRedirects);
    }

    void uacTimeout() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        next("INVITE");
        clock->advance(64 * 500 - 1);
        QCOMPARE(ended.size(), 0);
        clock->advance(1);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<InviteSession::EndReason>(), InviteSession::EndReason::Timeout);
    }

    void uacTransportError() {
        transport->failSendsTo(FakeTransportLayer::peer(TransportProtocol::Udp, kRemote, 5060));
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        QCOMPARE(ended.size(), 0);
        clock->advance(0); // the transaction reports a failure inside sendRequest() on its clock
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::TransportError);
    }

    void uacUnresolvableTarget() {
        InviteSession *s = manager->invite(config("sip:bob@nowhere.invalid"), &handler);
        QSignalSpy ended(s, &InviteSession::ended);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 2000); // the resolver answers asynchronously
        QCOMPARE(s->endReason(), InviteSession::EndReason::ResolveFailed);
        expectNothingSent();
    }

    void uacEarlyMediaAnswer() {
        InviteSession *s = manager->invite(config(), &handler);
        QSignalSpy remoteDescription(s, &InviteSession::remoteDescription);
        const SipMessage inv = nextMessage("INVITE");
        inject(reply(inv, 183, "bob1", "early-answer"));
        QCOMPARE(s->state(), InviteSession::State::EarlyMedia);
        QCOMPARE(remoteDescription.size(), 1);
        inject(reply(inv, 200, "bob1", "early-answer"));
        next("ACK");
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void uacRouteSetAndTargetRefresh() {
        InviteSession *s = nullptr;
        // Record-Route as the UAS returns it: the proxy nearest to it first.
        SipMessage inv;
        {
            s = manager->invite(config(), &handler);
            inv = nextMessage("INVITE");
            SipMessage ok = reply(inv, 200, "bob1", "answer-1");
            ok.addHeader(HeaderId::RecordRoute, "<sip:198.51.100.2;lr>, <sip:198.51.100.1;lr>");
            inject(ok);
        }
        const auto ack = next("ACK");
        QCOMPARE(ack.destination.address, QHostAddress(QStringLiteral("198.51.100.1")));
        QCOMPARE(ack.message.requestUri().toString(), QByteArray("sip:bob@198.51.100.7:5060"));
        QCOMPARE(ack.message.routes().size(), 2);
        QCOMPARE(ack.message.routes().at(0).uri().host(), QByteArray("198.51.100.1"));
        QCOMPARE(ack.message.routes().at(1).uri().host(), QByteArray("198.51.100.2"));

        // A re-INVITE from the remote side moves its target.
        SipMessage reinvite = remoteRequest("INVITE", 10, inv.from().tag(), "offer-hold", {}, inv.callId());
        // remoteRequest speaks as the caller; turn it around to come from the callee of our call.
        reinvite.setFrom([&] {
            NameAddr f = inv.to();
            f.setTag("bob1");
            return f;
        }());
        reinvite.setTo(inv.from());
        reinvite.setContacts({NameAddr(*SipUri::parse("sip:bob@198.51.100.8:5080"))});
        inject(reinvite);
        const SipMessage ok = nextMessage("200");
        QCOMPARE(ok.body(), QByteArray("answer-to-offer-hold"));
        inject([&] {
            SipMessage a = reinvite;
            a = SipMessage::makeRequest("ACK", *SipUri::parse("sip:alice@192.0.2.10"));
            a.prependVia(*reinvite.topVia());
            a.setFrom(reinvite.from());
            a.setTo(ok.to());
            a.setCallId(reinvite.callId());
            a.setCSeq({10, "ACK"});
            return a;
        }());
        clock->advance(500);
        expectNothingSent(); // the ACK stopped the 2xx retransmissions
        s->hangup();
        const auto bye = next("BYE");
        QCOMPARE(bye.message.requestUri().toString(), QByteArray("sip:bob@198.51.100.8:5080"));
        QCOMPARE(bye.message.routes().size(), 2);
        QCOMPARE(bye.destination.address, QHostAddress(QStringLiteral("198.51.100.1")));
    }

    void uacReinviteHold() {
        InviteSession *s = nullptr;
        establishUac(&s);
        QSignalSpy finished(s, &InviteSession::reinviteFinished);
        handler.nextOffer = "offer-sendonly";
        QVERIFY(s->reinvite());
        QVERIFY(!s->reinvite()); // one at a time
        const SipMessage re = nextMessage("INVITE");
        QCOMPARE(re.body(), QByteArray("offer-sendonly"));
        QCOMPARE(re.to().tag(), QByteArray("bob1"));
        QCOMPARE(re.cseq().number, 2u);
        inject(reply(re, 200, "bob1", "answer-recvonly"));
        const SipMessage ack = nextMessage("ACK");
        QCOMPARE(ack.cseq().number, 2u);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), 200);
        QCOMPARE(handler.answersSeen.last(), QByteArray("answer-recvonly"));
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void reinviteGlare() {
        InviteSession *s = nullptr;
        const SipMessage inv = establishUac(&s);
        QSignalSpy finished(s, &InviteSession::reinviteFinished);
        QVERIFY(s->reinvite());
        const SipMessage ours = nextMessage("INVITE");
        // Theirs crosses ours: we answer 491 to it...
        SipMessage theirs = remoteRequest("INVITE", 20, inv.from().tag(), "offer-x", {}, inv.callId());
        NameAddr from = inv.to();
        from.setTag("bob1");
        theirs.setFrom(from);
        theirs.setTo(inv.from());
        inject(theirs);
        QCOMPARE(nextMessage("491").cseq().number, 20u);
        SipMessage theirAck =
            remoteRequest("ACK", 20, inv.from().tag(), {}, theirs.topViaBranch().toByteArray(), inv.callId());
        theirAck.setFrom(from);
        theirAck.setTo(inv.from());
        inject(theirAck); // for the 491: absorbed by the server transaction
        // ...and they answer 491 to ours: we try again within 4 s (the Call-ID is ours).
        inject(reply(ours, 491, "bob1"));
        next("ACK");
        QCOMPARE(finished.size(), 0);
        clock->advance(2099);
        expectNothingSent();
        clock->advance(4000 - 2099);
        const SipMessage again = nextMessage("INVITE");
        QCOMPARE(again.cseq().number, ours.cseq().number + 1);
        while (transport->hasSent() && transport->sent().first().message.method() == "INVITE")
            transport->takeFirst(); // Timer A retransmissions within the wait
        inject(reply(again, 200, "bob1", "answer-2"));
        next("ACK");
        QCOMPARE(finished.size(), 1);
    }

    void reinvite481EndsDialog_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("481") << 481;
        QTest::newRow("408") << 408;
    }
    void reinvite481EndsDialog() {
        QFETCH(int, status);
        InviteSession *s = nullptr;
        establishUac(&s);
        QSignalSpy ended(s, &InviteSession::ended);
        QVERIFY(s->reinvite());
        const SipMessage re = nextMessage("INVITE");
        inject(reply(re, status, "bob1"));
        const SipMessage bye = ackAnd("BYE");
        inject(reply(bye, 481, "bob1"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::DialogGone);
    }

    // ================================================================ UAS

    void uasRingAcceptRetransmitsUntilAck() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        const SipMessage inv = remoteRequest("INVITE", 1, {}, "offer-b");
        inject(inv);
        QCOMPARE(incoming.size(), 1);
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        QSignalSpy established(s, &InviteSession::established);
        QCOMPARE(s->role(), InviteSession::Role::Uas);
        QCOMPARE(s->state(), InviteSession::State::Idle);
        QCOMPARE(s->remoteIdentity().uri().user(), QByteArray("bob"));
        s->setHandler(&handler);
        s->ring();
        const SipMessage ringing = nextMessage("180");
        QVERIFY(!ringing.to().tag().isEmpty());
        QCOMPARE(s->state(), InviteSession::State::Proceeding);

        s->accept();
        const auto okSent = next("200");
        const SipMessage ok = okSent.message;
        QCOMPARE(ok.to().tag(), ringing.to().tag());
        QCOMPARE(ok.body(), QByteArray("answer-to-offer-b"));
        QCOMPARE(ok.contacts().size(), 1);
        QCOMPARE(ok.recordRoutes().size(), 1); // echoed (§12.1.1)
        QCOMPARE(s->state(), InviteSession::State::Connecting);
        // T1, 2*T1, 4*T1, then capped at T2 (4 s).
        for (qint64 at : {500, 1500, 3500, 7500, 11500}) {
            clock->advance(at - clock->nowMs());
            const auto again = next("200");
            QCOMPARE(again.timeMs, at);
            QCOMPARE(again.message.toBytes(), ok.toBytes());
        }
        inject(remoteRequest("ACK", 1, ok.to().tag()));
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
        QCOMPARE(established.size(), 1);
        clock->advance(60000);
        expectNothingSent();
        QCOMPARE(s->dialog().routeSet().size(), 1);
    }

    void uasNoAckSendsBye() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1, {}, "offer-b"));
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        QSignalSpy ended(s, &InviteSession::ended);
        s->setHandler(&handler);
        s->accept();
        next("200");
        clock->advance(64 * 500 - 1);
        transport->clearSent();
        clock->advance(1);
        const auto bye = next("BYE");
        // The route set from the INVITE's Record-Route: BYE goes to the proxy.
        QCOMPARE(bye.destination.address, QHostAddress(QStringLiteral("198.51.100.99")));
        QCOMPARE(bye.message.requestUri().toString(), QByteArray("sip:bob@198.51.100.7:5060"));
        QCOMPARE(bye.message.cseq().number, 1u);
        QCOMPARE(s->state(), InviteSession::State::Terminating);
        inject(reply(bye.message, 200, "rtag"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::NoAck);
    }

    void uasReject_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("busy") << 486;
        QTest::newRow("decline") << 603;
    }
    void uasReject() {
        QFETCH(int, status);
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1, {}, "offer-b"));
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        QSignalSpy ended(s, &InviteSession::ended);
        s->reject(status);
        const SipMessage r = nextMessage(QByteArray::number(status));
        QVERIFY(!r.to().tag().isEmpty());
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::LocalReject);
        QCOMPARE(s->endStatus(), status);
    }

    void uasOfferInOurAnswerToOfferlessInvite() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1));
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        QSignalSpy established(s, &InviteSession::established);
        s->setHandler(&handler);
        s->accept();
        const SipMessage ok = nextMessage("200");
        QCOMPARE(ok.body(), QByteArray("offer-1")); // §13.2.1: the offer goes in the 2xx...
        inject(remoteRequest("ACK", 1, ok.to().tag(), "answer-a"));
        QCOMPARE(handler.answersSeen, QList<QByteArray>{"answer-a"}); // ...the answer in the ACK
        QCOMPARE(established.size(), 1);
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void uasHangupBeforeAnswerDeclines() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1, {}, "offer-b"));
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        s->ring();
        next("180");
        s->hangup();
        next("603");
        QCOMPARE(s->endReason(), InviteSession::EndReason::LocalReject);
        QCOMPARE(s->endStatus(), 603);
    }

    void uasNotAcceptableOffer() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1, {}, "offer-b"));
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        handler.refuseOffer = true;
        s->setHandler(&handler);
        s->accept();
        const SipMessage r = nextMessage("488");
        QCOMPARE(r.header(HeaderId::Warning), QByteArray("305 parlo \"no common codec\""));
        QCOMPARE(s->endReason(), InviteSession::EndReason::NotAcceptable);
    }

    void uasCancelled() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        const SipMessage inv = remoteRequest("INVITE", 1, {}, "offer-b", "z9hG4bKcancelme");
        inject(inv);
        InviteSession *s = incoming.first().first().value<InviteSession *>();
        QSignalSpy ended(s, &InviteSession::ended);
        s->ring();
        next("180");
        inject(remoteRequest("CANCEL", 1, {}, {}, "z9hG4bKcancelme"));
        const SipMessage cancelOk = nextMessage("200");
        QCOMPARE(cancelOk.cseq().method, QByteArray("CANCEL"));
        const SipMessage terminated = nextMessage("487");
        QCOMPARE(terminated.cseq().method, QByteArray("INVITE"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::RemoteCancel);
        // A CANCEL for nothing we know.
        inject(remoteRequest("CANCEL", 1, {}, {}, "z9hG4bKunknown"));
        next("481");
    }

    void uasRemoteBye() {
        InviteSession *s = nullptr;
        establishUas(&s);
        QVERIFY(s);
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
        QSignalSpy ended(s, &InviteSession::ended);
        inject(remoteRequest("BYE", 2, s->dialogId().localTag));
        next("200");
        QCOMPARE(ended.size(), 1);
        QCOMPARE(s->endReason(), InviteSession::EndReason::RemoteBye);
    }

    void uasReceivesHoldReinviteAndInfo() {
        InviteSession *s = nullptr;
        establishUas(&s);
        QVERIFY(s);
        QSignalSpy remoteDescription(s, &InviteSession::remoteDescription);
        QSignalSpy info(s, &InviteSession::infoReceived);
        inject(remoteRequest("INVITE", 2, s->dialogId().localTag, "offer-sendonly"));
        const SipMessage ok = nextMessage("200");
        QCOMPARE(ok.body(), QByteArray("answer-to-offer-sendonly"));
        QCOMPARE(remoteDescription.size(), 1);
        // A second re-INVITE before the ACK of the first: 500 with Retry-After (§14.2).
        inject(remoteRequest("INVITE", 3, s->dialogId().localTag, "offer-again", "z9hG4bKsecond"));
        const SipMessage busy = nextMessage("500");
        QVERIFY(busy.retryAfter().has_value());
        inject(remoteRequest("ACK", 3, s->dialogId().localTag, {}, "z9hG4bKsecond"));
        inject(remoteRequest("ACK", 2, s->dialogId().localTag));
        clock->advance(1000);
        expectNothingSent();

        SipMessage dtmf = remoteRequest("INFO", 4, s->dialogId().localTag);
        dtmf.setBody("Signal=5\r\nDuration=160\r\n", "application/dtmf-relay");
        inject(dtmf);
        next("200");
        QCOMPARE(info.size(), 1);
        const auto body = info.first().first().value<SessionBody>();
        QCOMPARE(body.contentType, QByteArray("application/dtmf-relay"));
        QVERIFY(body.data.startsWith("Signal=5"));

        inject(remoteRequest("UPDATE", 5, s->dialogId().localTag, "offer-u"));
        QCOMPARE(nextMessage("200").body(), QByteArray("answer-to-offer-u"));

        // Out of order (§12.2.2).
        inject(remoteRequest("INFO", 3, s->dialogId().localTag));
        next("500");
        QCOMPARE(s->state(), InviteSession::State::Confirmed);
    }

    void uasLocalHoldReinvite() {
        InviteSession *s = nullptr;
        establishUas(&s);
        QVERIFY(s);
        handler.nextOffer = "offer-sendonly";
        QVERIFY(s->reinvite());
        const auto re = next("INVITE");
        QCOMPARE(re.message.cseq().number, 1u);
        QCOMPARE(re.message.to().tag(), QByteArray("rtag"));
        QCOMPARE(re.message.routes().size(), 1);
        QCOMPARE(re.destination.address, QHostAddress(QStringLiteral("198.51.100.99")));
        inject(reply(re.message, 200, "rtag", "answer-recvonly"));
        QCOMPARE(nextMessage("ACK").cseq().number, 1u);
        QCOMPARE(handler.answersSeen.last(), QByteArray("answer-recvonly"));
        // Its 2xx again (our ACK was lost): ACK again, from a session in the UAS role.
        inject(reply(re.message, 200, "rtag", "answer-recvonly"));
        QCOMPARE(nextMessage("ACK").cseq().number, 1u);
        expectNothingSent();
        QCOMPARE(handler.answersSeen.size(), 1);
    }

    void unknownDialog_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("BYE") << QByteArray("BYE");
        QTest::newRow("re-INVITE") << QByteArray("INVITE");
        QTest::newRow("INFO") << QByteArray("INFO");
        QTest::newRow("UPDATE") << QByteArray("UPDATE");
    }
    void unknownDialog() {
        QFETCH(QByteArray, method);
        inject(remoteRequest(method, 5, "nosuchtag"));
        next("481");
        expectNothingSent();
    }

    void mergedRequestGets482() {
        QSignalSpy incoming(manager, &InviteSessionManager::incomingSession);
        inject(remoteRequest("INVITE", 1, {}, "offer-b", "z9hG4bKpath1"));
        inject(remoteRequest("INVITE", 1, {}, "offer-b", "z9hG4bKpath2"));
        QCOMPARE(incoming.size(), 1);
        next("482");
    }
};

QTEST_GUILESS_MAIN(TestInviteSession)
#include "tst_invitesession.moc"
