// Several calls at once through CallManager: call waiting (a second call rings, or gets 486 when
// call waiting is off) and swap() (hold every other active call, resume or answer the chosen one),
// checked on the wire: which dialog gets which re-INVITE direction. FakeTransportLayer +
// ManualClock, peers scripted by the test.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "NullMedia.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "call/CallManager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/Resolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

namespace {
QByteArray sdpOf(const QByteArray &host, const QByteArray &direction = "sendrecv", int version = 1) {
    return "v=0\r\no=peer 1 " + QByteArray::number(version) + " IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " +
           host + "\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=" + direction + "\r\n";
}

QByteArray frag(int status) {
    return "SIP/2.0 " + QByteArray::number(status) + " " + SipMessage::defaultReason(status) + "\r\n";
}
} // namespace

class TestCallWaiting : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    CallManager *calls = nullptr;
    QList<SipMessage> log;
    int branchNo = 0;
    int peerCSeq = 100;

    static ReceivedFrom from(const QByteArray &host) {
        return FakeTransportLayer::receivedFrom(TransportProtocol::Udp, QString::fromLatin1(host), 5060);
    }
    static QByteArray what(const SipMessage &m) {
        return m.isRequest() ? m.method() : QByteArray::number(m.statusCode());
    }
    void drain() {
        std::ranges::for_each(transport->takeSent(), [this](const auto &s) { log << s.message; });
    }
    // The first message sent with that method or status (and Call-ID, when given), taken off the log.
    SipMessage take(const QByteArray &methodOrStatus, const QByteArray &callId = {}) {
        drain();
        for (int i = 0; i < log.size(); ++i) {
            if (what(log[i]) == methodOrStatus && (callId.isEmpty() || log[i].callId() == callId))
                return log.takeAt(i);
        }
        return {};
    }
    bool hasSent(const QByteArray &methodOrStatus, const QByteArray &callId = {}) {
        drain();
        return std::ranges::any_of(log, [&](const SipMessage &m) {
            return what(m) == methodOrStatus && (callId.isEmpty() || m.callId() == callId);
        });
    }

    void reply(const SipMessage &request, int status, const QByteArray &peerHost, const QByteArray &body = {},
               const QByteArray &toTag = {}) {
        SipMessage r =
            SipMessage::responseTo(request, status, {}, toTag.isEmpty() ? "tag-" + peerHost.right(2) : toTag);
        r.setContacts({NameAddr(*SipUri::parse("sip:peer@" + peerHost + ":5060"))});
        if (!body.isEmpty())
            r.setBody(body, "application/sdp");
        transport->inject(r, from(peerHost));
    }

    // A request from the peer of call, inside its dialog.
    SipMessage peerRequest(Call *call, const QByteArray &method, const QByteArray &peerHost) {
        const Dialog &d = call->session()->dialog();
        SipMessage m = SipMessage::makeRequest(method, d.localContact().uri());
        Via via;
        via.setTransport("UDP");
        via.setHost(peerHost);
        via.setPort(5060);
        via.setBranch("z9hG4bKp" + QByteArray::number(++branchNo));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr f = d.remoteUri();
        f.setTag(d.id().remoteTag);
        m.setFrom(f);
        NameAddr t = d.localUri();
        t.setTag(d.id().localTag);
        m.setTo(t);
        m.setCallId(d.id().callId);
        m.setCSeq({quint32(method == "ACK" ? 1 : ++peerCSeq), method});
        m.setContacts({NameAddr(*SipUri::parse("sip:peer@" + peerHost + ":5060"))});
        return m;
    }
    void injectNotify(Call *call, const QByteArray &peerHost, quint32 id, const QByteArray &state,
                      int status) {
        SipMessage n = peerRequest(call, "NOTIFY", peerHost);
        n.setHeader(HeaderId::Event, "refer;id=" + QByteArray::number(id));
        n.setHeader(HeaderId::SubscriptionState, state);
        n.setBody(frag(status), "message/sipfrag");
        transport->inject(n, from(peerHost));
    }

    // An outgoing call to peerHost, answered.
    Call *activeOutgoing(const QByteArray &peerHost) {
        Call *call = calls->dial(*SipUri::parse("sip:peer@" + peerHost));
        const SipMessage invite = take("INVITE");
        reply(invite, 200, peerHost, sdpOf(peerHost));
        take("ACK");
        return call;
    }

    SipMessage incomingInvite(const QByteArray &peerHost, const QByteArray &callId,
                              const QList<std::pair<QByteArray, QByteArray>> &headers = {}) {
        SipMessage invite = SipMessage::makeRequest("INVITE", *SipUri::parse("sip:alice@192.0.2.10"));
        Via via;
        via.setTransport("UDP");
        via.setHost(peerHost);
        via.setPort(5060);
        via.setBranch("z9hG4bKi" + QByteArray::number(++branchNo));
        invite.prependVia(via);
        invite.setMaxForwards(70);
        NameAddr f(*SipUri::parse("sip:peer@" + peerHost));
        f.setTag("tag-" + peerHost.right(2));
        invite.setFrom(f);
        invite.setTo(NameAddr(*SipUri::parse("sip:alice@192.0.2.10")));
        invite.setCallId(callId);
        invite.setCSeq({1, "INVITE"});
        invite.setContacts({NameAddr(*SipUri::parse("sip:peer@" + peerHost + ":5060"))});
        for (const auto &[name, value] : headers)
            invite.addHeader(name, value);
        invite.setBody(sdpOf(peerHost), "application/sdp");
        transport->inject(invite, from(peerHost));
        return invite;
    }

private Q_SLOTS:
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        ua->uas()->setLocalUsers({"alice"});
        calls = new CallManager(ua);
        calls->setMediaFactory([](const QHostAddress &) { return std::make_unique<NullMedia>(); });
        CallManager::Identity me;
        me.from = NameAddr(*SipUri::parse("sip:alice@192.0.2.10"), QStringLiteral("Alice"));
        calls->setIdentity(me);
        log.clear();
    }
    void cleanup() {
        delete calls;
        delete ua;
        delete clock;
    }

    void callWaiting_data() {
        QTest::addColumn<bool>("waiting");
        QTest::addColumn<bool>("firstCall");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("waiting on, busy: rings") << true << true << QByteArray("180");
        QTest::newRow("waiting off, busy: 486") << false << true << QByteArray("486");
        QTest::newRow("waiting off, idle: rings") << false << false << QByteArray("180");
    }
    void callWaiting() {
        QFETCH(bool, waiting);
        QFETCH(bool, firstCall);
        QFETCH(QByteArray, expected);
        QSignalSpy changed(calls, &CallManager::callWaitingChanged);
        calls->setCallWaiting(waiting);
        QCOMPARE(calls->callWaiting(), waiting);
        QCOMPARE(changed.size(), waiting ? 0 : 1);
        Call *first = firstCall ? activeOutgoing("192.0.2.20") : nullptr;
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite("192.0.2.30", "call-carol");
        QVERIFY(take(expected, "call-carol").isValid());
        QCOMPARE(incoming.size(), expected == "180" ? 1 : 0);
        if (first) {
            QCOMPARE(first->state(), Call::State::Active);
            QVERIFY(!first->isOnHold());
            QVERIFY(!hasSent("INVITE")); // the first call is left alone until the user acts
        }
    }

    void swapHoldsTheOthers() {
        Call *bob = activeOutgoing("192.0.2.20");
        const QByteArray bobId = bob->session()->dialogId().callId;
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite("192.0.2.30", "call-carol");
        Call *carol = incoming.first().first().value<Call *>();
        take("180", "call-carol");

        // Answer the waiting call: bob goes on hold.
        QVERIFY(calls->swap(carol));
        const SipMessage holdBob = take("INVITE", bobId);
        QVERIFY(holdBob.body().contains("a=sendonly"));
        const SipMessage okCarol = take("200", "call-carol");
        QVERIFY(okCarol.body().contains("a=sendrecv"));
        reply(holdBob, 200, "192.0.2.20", sdpOf("192.0.2.20", "recvonly", 2),
              bob->session()->dialogId().remoteTag);
        take("ACK", bobId);
        transport->inject(peerRequest(carol, "ACK", "192.0.2.30"), from("192.0.2.30"));
        QCOMPARE(carol->state(), Call::State::Active);
        QVERIFY(bob->isOnHold());
        QVERIFY(!carol->isOnHold());

        // And back: carol on hold, bob resumed.
        QVERIFY(calls->swap(bob));
        const SipMessage holdCarol = take("INVITE", "call-carol");
        QVERIFY(holdCarol.body().contains("a=sendonly"));
        const SipMessage resumeBob = take("INVITE", bobId);
        QVERIFY(resumeBob.body().contains("a=sendrecv"));
        QVERIFY(!hasSent("INVITE"));
        QVERIFY(carol->isOnHold());
        QVERIFY(!bob->isOnHold());

        // Swapping to the call that is already active changes nothing more.
        reply(holdCarol, 200, "192.0.2.30", sdpOf("192.0.2.30", "recvonly", 2),
              carol->session()->dialogId().remoteTag);
        reply(resumeBob, 200, "192.0.2.20", sdpOf("192.0.2.20", "sendrecv", 3),
              bob->session()->dialogId().remoteTag);
        take("ACK");
        take("ACK");
        QVERIFY(calls->swap(bob));
        QVERIFY(!hasSent("INVITE"));
    }

    void swapRefusesForeignOrEndedCalls() {
        QVERIFY(!calls->swap(nullptr));
        Call stranger(Call::Direction::Outgoing, calls->capabilities(), nullptr);
        QVERIFY(!calls->swap(&stranger));
        Call *bob = calls->dial(*SipUri::parse("sip:peer@192.0.2.20"));
        QVERIFY(!calls->swap(bob)); // still dialing
    }
};

QTEST_GUILESS_MAIN(TestCallWaiting)
#include "tst_callwaiting.moc"
