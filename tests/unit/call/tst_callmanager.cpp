// Calls end to end at the SIP level: CallManager + Call over a real InviteSessionManager, TransactionLayer
// and SDP offer/answer, on FakeTransportLayer + ManualClock, with a recording media fake.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "call/CallManager.h"
#include "sdp/SessionDescription.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/Resolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

namespace {
struct MediaLog {
    QList<sdp::NegotiatedMedia> started;
    int stops = 0;
};

class RecordingMedia : public CallMedia {
public:
    explicit RecordingMedia(MediaLog *log)
        : m_log(log) {}
    QHostAddress localAddress() const override { return QHostAddress(QStringLiteral("192.0.2.10")); }
    quint16 localPort() const override { return 40000; }
    void start(const sdp::NegotiatedMedia &media) override { m_log->started.append(media); }
    void stop() override { ++m_log->stops; }

private:
    MediaLog *m_log;
};

const QByteArray kBobSdp = "v=0\r\no=bob 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n"
                           "m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                           "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";
const QByteArray kCarolOffer =
    "v=0\r\no=carol 7 7 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\nt=0 0\r\n"
    "m=audio 5000 RTP/AVP 111 8 101\r\na=rtpmap:111 opus/48000/2\r\n"
    "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
} // namespace

class TestCallManager : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    CallManager *calls = nullptr;
    MediaLog media;
    const ReceivedFrom bob = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "192.0.2.20", 5060);
    const ReceivedFrom carol = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "192.0.2.30", 5060);

    SipMessage sent(const QByteArray &methodOrStatus) {
        for (int i = 0; i < 50; ++i) {
            for (const auto &s : transport->sent()) {
                const SipMessage &m = s.message;
                if ((m.isRequest() && m.method() == methodOrStatus) ||
                    (m.isResponse() && QByteArray::number(m.statusCode()) == methodOrStatus))
                    return m;
            }
            QTest::qWait(2);
            clock->advance(0);
        }
        return {};
    }

    void reply(const SipMessage &request, int status, const QByteArray &sdp = {},
               const QByteArray &toTag = "bobtag") {
        SipMessage r = SipMessage::responseTo(request, status, {}, toTag);
        r.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        if (!sdp.isEmpty())
            r.setBody(sdp, "application/sdp");
        transport->inject(r, bob);
    }

    SipMessage incomingInvite(const QByteArray &sdp) {
        SipMessage invite = SipMessage::makeRequest("INVITE", *SipUri::parse("sip:alice@192.0.2.10"));
        Via via;
        via.setHost("192.0.2.30");
        via.setPort(5060);
        via.setBranch("z9hG4bKcarol1");
        invite.prependVia(via);
        invite.setMaxForwards(70);
        NameAddr from(*SipUri::parse("sip:carol@example.org"), QStringLiteral("Carol"));
        from.setTag("caroltag");
        invite.setFrom(from);
        invite.setTo(NameAddr(*SipUri::parse("sip:alice@192.0.2.10")));
        invite.setCallId("call-carol-1");
        invite.setCSeq({1, "INVITE"});
        invite.setContacts({NameAddr(*SipUri::parse("sip:carol@192.0.2.30:5060"))});
        invite.setBody(sdp, "application/sdp");
        transport->inject(invite, carol);
        return invite;
    }

    SipMessage ackFor(const SipMessage &invite, const SipMessage &ok) {
        SipMessage ack = SipMessage::makeRequest("ACK", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setHost("192.0.2.30");
        via.setPort(5060);
        via.setBranch("z9hG4bKcarolack");
        ack.prependVia(via);
        ack.setMaxForwards(70);
        ack.setFrom(invite.from());
        ack.setTo(ok.to());
        ack.setCallId(invite.callId());
        ack.setCSeq({1, "ACK"});
        return ack;
    }

private Q_SLOTS:
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        ua->uas()->setLocalUsers({"alice"});
        calls = new CallManager(ua);
        media = {};
        calls->setMediaFactory(
            [this](const QHostAddress &) { return std::make_unique<RecordingMedia>(&media); });
        CallManager::Identity me;
        me.from = NameAddr(*SipUri::parse("sip:alice@192.0.2.10"), QStringLiteral("Alice"));
        calls->setIdentity(me);
    }
    void cleanup() {
        delete calls;
        delete ua;
        delete clock;
    }

    void outgoingCallNegotiatesAndConnects() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(call);
        QCOMPARE(call->direction(), Call::Direction::Outgoing);
        const SipMessage invite = sent("INVITE");
        QVERIFY(invite.isRequest());
        QCOMPARE(invite.contentType(), QByteArray("application/sdp"));
        QVERIFY(invite.body().contains("m=audio 40000 RTP/AVP"));
        QVERIFY(invite.body().contains("c=IN IP4 192.0.2.10"));
        QCOMPARE(call->state(), Call::State::Dialing);

        reply(invite, 180);
        QCOMPARE(call->state(), Call::State::Ringing);
        transport->clearSent();
        reply(invite, 200, kBobSdp);
        QVERIFY(sent("ACK").isRequest());
        QCOMPARE(call->state(), Call::State::Active);
        QVERIFY(call->answerTime().isValid());
        QCOMPARE(media.started.size(), 1);
        QCOMPARE(media.started.first().sendCodec.name, QByteArray("PCMU"));
        QCOMPARE(media.started.first().remoteAddress, QHostAddress(QStringLiteral("192.0.2.20")));
        QCOMPARE(media.started.first().remotePort, quint16(4000));
        QCOMPARE(media.started.first().telephoneEventPayloadType, 101);

        QSignalSpy ended(call, &Call::ended);
        transport->clearSent();
        call->hangup();
        const SipMessage bye = sent("BYE");
        QVERIFY(bye.isRequest());
        SipMessage ok = SipMessage::responseTo(bye, 200);
        transport->inject(ok, bob);
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(call->endReason(), Call::EndReason::HungUpLocally);
        QVERIFY(media.stops >= 1);
    }

    void busyCallee() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QSignalSpy ended(call, &Call::ended);
        reply(sent("INVITE"), 486);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(call->endReason(), Call::EndReason::Busy);
        QCOMPARE(call->endStatus(), 486);
    }

    void incomingCallIsAnsweredWithOurPreference() {
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        const SipMessage invite = incomingInvite(kCarolOffer);
        QCOMPARE(incoming.size(), 1);
        Call *call = incoming.first().first().value<Call *>();
        QCOMPARE(call->direction(), Call::Direction::Incoming);
        QCOMPARE(call->remoteName(), QStringLiteral("Carol"));
        QVERIFY(sent("180").isResponse());
        QCOMPARE(call->state(), Call::State::Ringing);

        call->answer();
        const SipMessage ok = sent("200");
        QVERIFY(ok.isResponse());
        auto answer = sdp::SessionDescription::parse(ok.body());
        QVERIFY(std::holds_alternative<sdp::SessionDescription>(answer));
        // Our preference (opus first) with the offerer's payload type numbers.
        QVERIFY(ok.body().contains("m=audio 40000 RTP/AVP 111"));
        QCOMPARE(call->state(), Call::State::Connecting);
        transport->inject(ackFor(invite, ok), carol);
        QCOMPARE(call->state(), Call::State::Active);
        QCOMPARE(media.started.size(), 1);
        QCOMPARE(media.started.first().sendCodec.name, QByteArray("opus"));
        QCOMPARE(media.started.first().sendCodec.payloadType, 111);
    }

    void unacceptableOfferGets488() {
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        const QByteArray videoOnly =
            "v=0\r\no=x 1 1 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\nt=0 0\r\n"
            "m=video 5002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        incomingInvite(videoOnly);
        Call *call = incoming.first().first().value<Call *>();
        QSignalSpy ended(call, &Call::ended);
        call->answer();
        const SipMessage r = sent("488");
        QVERIFY(r.isResponse());
        QVERIFY(r.hasHeader(HeaderId::Warning));
        QVERIFY(r.header(HeaderId::Warning).startsWith("304"));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(call->endReason(), Call::EndReason::NoCommonMedia);
    }

    void doNotDisturbRejectsBusy() {
        calls->setDoNotDisturb(true);
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        QSignalSpy refused(calls, &CallManager::incomingRefused);
        incomingInvite(kCarolOffer);
        QVERIFY(sent("486").isResponse());
        QCOMPARE(incoming.size(), 0);
        QCOMPARE(calls->calls().size(), 0);
        // Still reported, for the call history.
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("sip:carol@example.org"));
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("Carol"));
        QCOMPARE(refused.first().at(2).toInt(), 486);
    }

    void autoAnswer() {
        calls->setAutoAnswer(0);
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite(kCarolOffer);
        QVERIFY(sent("200").isResponse());
    }

    void holdAndResume() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        reply(sent("INVITE"), 200, kBobSdp);
        QCOMPARE(call->state(), Call::State::Active);
        transport->clearSent();

        QSignalSpy hold(call, &Call::holdChanged);
        QVERIFY(call->hold());
        const SipMessage reinvite = sent("INVITE");
        QVERIFY(reinvite.body().contains("a=sendonly"));
        QVERIFY(call->isOnHold());
        QByteArray held = kBobSdp;
        held.replace("o=bob 1 1", "o=bob 1 2").replace("a=sendrecv", "a=recvonly");
        reply(reinvite, 200, held);
        QCOMPARE(media.started.size(), 2);
        QCOMPARE(media.started.last().direction, sdp::Direction::SendOnly);

        transport->clearSent();
        QVERIFY(call->resume());
        const SipMessage resume = sent("INVITE");
        QVERIFY(resume.body().contains("a=sendrecv"));
        QByteArray back = kBobSdp;
        back.replace("o=bob 1 1", "o=bob 1 3");
        reply(resume, 200, back);
        QVERIFY(!call->isOnHold());
        QCOMPARE(media.started.last().direction, sdp::Direction::SendRecv);
        QCOMPARE(hold.size(), 2);
    }

    void remoteByeEndsTheCall() {
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        const SipMessage invite = incomingInvite(kCarolOffer);
        Call *call = incoming.first().first().value<Call *>();
        call->answer();
        const SipMessage ok = sent("200");
        transport->inject(ackFor(invite, ok), carol);
        QSignalSpy ended(call, &Call::ended);
        SipMessage bye = SipMessage::makeRequest("BYE", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setHost("192.0.2.30");
        via.setPort(5060);
        via.setBranch("z9hG4bKcarolbye");
        bye.prependVia(via);
        bye.setMaxForwards(70);
        bye.setFrom(invite.from());
        bye.setTo(ok.to());
        bye.setCallId(invite.callId());
        bye.setCSeq({2, "BYE"});
        transport->clearSent();
        transport->inject(bye, carol);
        QVERIFY(sent("200").isResponse());
        QCOMPARE(ended.size(), 1);
        QCOMPARE(call->endReason(), Call::EndReason::HungUpRemotely);
        QCOMPARE(media.stops, 1);
    }
};

QTEST_GUILESS_MAIN(TestCallManager)
#include "tst_callmanager.moc"
