// Call transfer through CallManager (RFC 3515 REFER, RFC 3891 Replaces) in both roles, at the SIP
// level: CallManager + Call over a real InviteSessionManager and TransactionLayer on
// FakeTransportLayer + ManualClock, with peers scripted by the test.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "NullMedia.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "call/CallManager.h"
#include "sip/dialog/ReferSubscription.h"
#include "sip/dialog/UasCore.h"
#include "sip/message/Replaces.h"
#include "sip/transport/Resolver.h"

#include <QPointer>
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

class TestTransfer : public QObject {
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

    // ================================================================ transferor

    void blindTransferor_data() {
        QTest::addColumn<int>("referStatus");
        QTest::addColumn<QList<int>>("notifies"); // sipfrag statuses; a final one terminates
        QTest::addColumn<qint64>("advanceMs");
        QTest::addColumn<bool>("succeeded");
        QTest::addColumn<int>("failStatus");
        QTest::newRow("100 then 200") << 202 << QList<int>{100, 200} << qint64(0) << true << 0;
        QTest::newRow("target busy") << 202 << QList<int>{100, 486} << qint64(0) << false << 486;
        QTest::newRow("REFER not allowed") << 405 << QList<int>{} << qint64(0) << false << 405;
        QTest::newRow("REFER 481") << 481 << QList<int>{} << qint64(0) << false << 481;
        QTest::newRow("REFER forbidden") << 403 << QList<int>{} << qint64(0) << false << 403;
        QTest::newRow("no final NOTIFY") << 202 << QList<int>{100} << qint64(32000) << false << 408;
    }
    void blindTransferor() {
        QFETCH(int, referStatus);
        QFETCH(QList<int>, notifies);
        QFETCH(qint64, advanceMs);
        QFETCH(bool, succeeded);
        QFETCH(int, failStatus);
        Call *call = activeOutgoing("192.0.2.20");
        const QByteArray callId = call->session()->dialogId().callId;
        QSignalSpy ok(calls, &CallManager::transferSucceeded);
        QSignalSpy failed(calls, &CallManager::transferFailed);
        QSignalSpy progress(calls, &CallManager::transferProgress);

        QVERIFY(calls->transferBlind(call, *SipUri::parse("sip:carol@192.0.2.30")));
        QVERIFY(!calls->transferBlind(call, *SipUri::parse("sip:dave@192.0.2.40"))); // one at a time
        QVERIFY(calls->transferOf(call));
        const SipMessage refer = take("REFER", callId);
        QVERIFY(refer.isValid());
        QCOMPARE(refer.header(HeaderId::ReferTo), QByteArray("<sip:carol@192.0.2.30>"));
        QVERIFY(refer.hasHeader(HeaderId::ReferredBy));
        reply(refer, referStatus, "192.0.2.20", {}, call->session()->dialogId().remoteTag);
        for (int status : notifies) {
            injectNotify(call, "192.0.2.20", refer.cseqNumber(),
                         status >= 200 ? "terminated;reason=noresource" : "active", status);
            QVERIFY(take("200", callId).isValid());
        }
        clock->advance(advanceMs);

        QCOMPARE(progress.size(), notifies.size());
        QCOMPARE(ok.size(), succeeded ? 1 : 0);
        QCOMPARE(failed.size(), succeeded ? 0 : 1);
        QVERIFY(!calls->transferOf(call));
        if (succeeded) {
            QCOMPARE(ok.first().first().value<Call *>(), call);
            QVERIFY(take("BYE", callId).isValid());
            QCOMPARE(call->state(), Call::State::Ending);
        } else {
            QCOMPARE(failed.first().at(1).toInt(), failStatus);
            QVERIFY(!hasSent("BYE"));
            QCOMPARE(call->state(), Call::State::Active);
        }
    }

    void transfereeHangsUpBeforeTheFinalNotify() {
        Call *call = activeOutgoing("192.0.2.20");
        const QByteArray callId = call->session()->dialogId().callId;
        QPointer<Call> guard(call);
        QSignalSpy ok(calls, &CallManager::transferSucceeded);
        QVERIFY(calls->transferBlind(call, *SipUri::parse("sip:carol@192.0.2.30")));
        const SipMessage refer = take("REFER", callId);
        reply(refer, 202, "192.0.2.20", {}, call->session()->dialogId().remoteTag);
        transport->inject(peerRequest(call, "BYE", "192.0.2.20"), from("192.0.2.20"));
        QVERIFY(take("200", callId).isValid());
        QCOMPARE(call->state(), Call::State::Ended);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(guard); // kept until the transfer's outcome is known
        injectNotify(call, "192.0.2.20", refer.cseqNumber(), "terminated;reason=noresource", 200);
        QVERIFY(take("200", callId).isValid());
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.first().first().value<Call *>(), call);
        QVERIFY(!hasSent("BYE"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(!guard);
    }

    void attendedTransferor() {
        Call *bob = activeOutgoing("192.0.2.20");
        Call *carol = activeOutgoing("192.0.2.30");
        const DialogId bobId = bob->session()->dialogId();
        const DialogId carolId = carol->session()->dialogId();
        QSignalSpy ok(calls, &CallManager::transferSucceeded);
        QVERIFY(!calls->transferAttended(bob, bob));
        QVERIFY(calls->transferAttended(bob, carol));
        const SipMessage refer = take("REFER", bobId.callId); // in the original call's dialog
        QVERIFY(refer.isValid());
        QVERIFY(!hasSent("REFER", carolId.callId));
        const auto referTo = NameAddr::parse(refer.header(HeaderId::ReferTo));
        QVERIFY(referTo);
        QCOMPARE(referTo->uri().host(), QByteArray("192.0.2.30")); // carol's remote target
        QCOMPARE(referTo->uri().port(), quint16(5060));
        // From carol's side, who gets the INVITE: her tag is the to-tag.
        QCOMPARE(Replaces::parse(*referTo->uri().headers().value("Replaces")),
                 Replaces(carolId.callId, carolId.remoteTag, carolId.localTag));
        reply(refer, 202, "192.0.2.20", {}, bobId.remoteTag);
        injectNotify(bob, "192.0.2.20", refer.cseqNumber(), "terminated;reason=noresource", 200);
        QCOMPARE(ok.size(), 1);
        QVERIFY(take("BYE", bobId.callId).isValid());
        QVERIFY(take("BYE", carolId.callId).isValid());
    }

    void transferNeedsActiveCall() {
        Call *call = calls->dial(*SipUri::parse("sip:peer@192.0.2.20"));
        QVERIFY(!calls->transferBlind(call, *SipUri::parse("sip:carol@192.0.2.30")));
        QVERIFY(!calls->transferBlind(nullptr, *SipUri::parse("sip:carol@192.0.2.30")));
        QVERIFY(!hasSent("REFER"));
    }

    // ================================================================ transferee

    void blindTransferee_data() {
        QTest::addColumn<int>("targetFinal");
        QTest::newRow("target answers") << 200;
        QTest::newRow("target busy") << 486;
        QTest::newRow("target declines") << 603;
    }
    void blindTransferee() {
        QFETCH(int, targetFinal);
        Call *call = activeOutgoing("192.0.2.20");
        const QByteArray callId = call->session()->dialogId().callId;
        QSignalSpy requested(calls, &CallManager::transferRequested);
        SipMessage refer = peerRequest(call, "REFER", "192.0.2.20");
        refer.setHeader(HeaderId::ReferTo, "<sip:dave@192.0.2.40>");
        refer.setHeader(HeaderId::ReferredBy, "<sip:bob@example.org>");
        transport->inject(refer, from("192.0.2.20"));

        QVERIFY(take("202", callId).isValid());
        const SipMessage trying = take("NOTIFY", callId);
        QCOMPARE(trying.body(), frag(100));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<Call *>(), call);
        Call *newCall = requested.first().at(1).value<Call *>();
        QVERIFY(newCall && newCall != call);
        const SipMessage invite = take("INVITE");
        QCOMPARE(invite.requestUri().host(), QByteArray("192.0.2.40"));
        QVERIFY(invite.callId() != callId);
        QCOMPARE(invite.header(HeaderId::ReferredBy), QByteArray("<sip:bob@example.org>"));
        QVERIFY(!invite.hasHeader(HeaderId::Replaces));
        transport->inject(SipMessage::responseTo(trying, 200), from("192.0.2.20"));

        reply(invite, 180, "192.0.2.40");
        const SipMessage ringing = take("NOTIFY", callId);
        QCOMPARE(ringing.body(), frag(180));
        QVERIFY(ringing.header(HeaderId::SubscriptionState).startsWith("active"));
        transport->inject(SipMessage::responseTo(ringing, 200), from("192.0.2.20"));

        reply(invite, targetFinal, "192.0.2.40", targetFinal == 200 ? sdpOf("192.0.2.40") : QByteArray());
        const SipMessage final = take("NOTIFY", callId);
        QCOMPARE(final.body(), frag(targetFinal));
        QCOMPARE(final.header(HeaderId::SubscriptionState), QByteArray("terminated;reason=noresource"));
        if (targetFinal == 200) {
            QCOMPARE(newCall->state(), Call::State::Active);
            QVERIFY(take("BYE", callId).isValid()); // the original call ends
        } else {
            QVERIFY(!hasSent("BYE"));
            QCOMPARE(call->state(), Call::State::Active); // the original call stays
        }
    }

    void attendedTransfereeSendsReplaces() {
        Call *call = activeOutgoing("192.0.2.20");
        const QByteArray callId = call->session()->dialogId().callId;
        SipMessage refer = peerRequest(call, "REFER", "192.0.2.20");
        refer.setHeader(HeaderId::ReferTo,
                        "<sip:carol@192.0.2.30?Replaces=c9%40x%3Bto-tag%3Dct%3Bfrom-tag%3Dbt>");
        transport->inject(refer, from("192.0.2.20"));
        QVERIFY(take("202", callId).isValid());
        const SipMessage invite = take("INVITE");
        QVERIFY(invite.isValid());
        QCOMPARE(invite.requestUri().toString(), QByteArray("sip:carol@192.0.2.30")); // no ?headers
        QCOMPARE(Replaces::parse(invite.header(HeaderId::Replaces)), Replaces("c9@x", "ct", "bt"));
    }

    void secondReferWhileTransferRuns() {
        Call *call = activeOutgoing("192.0.2.20");
        const QByteArray callId = call->session()->dialogId().callId;
        SipMessage refer = peerRequest(call, "REFER", "192.0.2.20");
        refer.setHeader(HeaderId::ReferTo, "<sip:dave@192.0.2.40>");
        transport->inject(refer, from("192.0.2.20"));
        QVERIFY(take("202", callId).isValid());
        QVERIFY(take("INVITE").isValid());
        SipMessage again = peerRequest(call, "REFER", "192.0.2.20");
        again.setHeader(HeaderId::ReferTo, "<sip:erin@192.0.2.50>");
        transport->inject(again, from("192.0.2.20"));
        QVERIFY(take("403", callId).isValid());
        QVERIFY(!hasSent("INVITE"));
    }

    void transfereeRefusesWhenDisabled() {
        calls->setAcceptTransfers(false);
        Call *call = activeOutgoing("192.0.2.20");
        SipMessage refer = peerRequest(call, "REFER", "192.0.2.20");
        refer.setHeader(HeaderId::ReferTo, "<sip:dave@192.0.2.40>");
        QSignalSpy requested(calls, &CallManager::transferRequested);
        transport->inject(refer, from("192.0.2.20"));
        QVERIFY(take("403").isValid());
        QVERIFY(!hasSent("INVITE"));
        QCOMPARE(requested.size(), 0);
    }

    // ================================================================ INVITE with Replaces

    void incomingReplacesTakesOver() {
        Call *bob = activeOutgoing("192.0.2.20");
        const DialogId bobId = bob->session()->dialogId();
        // Neither DND nor call waiting stop a call that replaces one of ours.
        calls->setDoNotDisturb(true);
        calls->setCallWaiting(false);
        QSignalSpy replaced(calls, &CallManager::callReplaced);
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite("192.0.2.30", "call-carol",
                       {{"Replaces", Replaces(bobId.callId, bobId.localTag, bobId.remoteTag).toString()}});
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(incoming.size(), 0);
        QCOMPARE(replaced.first().at(0).value<Call *>(), bob);
        Call *carol = replaced.first().at(1).value<Call *>();
        QVERIFY(!hasSent("180"));
        const SipMessage ok = take("200", "call-carol"); // answered at once
        QVERIFY(ok.isValid());
        QVERIFY(!hasSent("BYE")); // not before the new call is up
        SipMessage ack = peerRequest(carol, "ACK", "192.0.2.30");
        transport->inject(ack, from("192.0.2.30"));
        QCOMPARE(carol->state(), Call::State::Active);
        QVERIFY(take("BYE", bobId.callId).isValid());
    }

    void incomingReplacesWithoutMatch() {
        activeOutgoing("192.0.2.20");
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite("192.0.2.30", "call-carol", {{"Replaces", "nosuch;to-tag=a;from-tag=b"}});
        QVERIFY(take("481", "call-carol").isValid());
        QCOMPARE(incoming.size(), 0);
        QCOMPARE(calls->calls().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
