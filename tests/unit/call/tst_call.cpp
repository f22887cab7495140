// Call's DTMF (RFC 4733 and SIP INFO), mute, recording, device switch, stats, one-way-audio and
// media-error plumbing, over a
// real InviteSession on FakeTransportLayer + ManualClock with a scriptable media fake.
#include "FakeTransportLayer.h"
#include "NoDns.h"
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
// A CallMedia whose RFC 4733 support and measurements the test decides, and whose signals the
// test fires.
class ScriptedMedia : public CallMedia {
public:
    QHostAddress localAddress() const override { return QHostAddress(QStringLiteral("192.0.2.10")); }
    quint16 localPort() const override { return 40000; }
    void start(const sdp::NegotiatedMedia &) override { ++starts; }
    void stop() override {
        ++stops;
        log->append(QStringLiteral("stop"));
    }
    // Running between the first start() and stop(), as the engine's media.
    bool startRecording(const QString &path) override {
        log->append(QStringLiteral("startRecording ") + path);
        return starts > 0 && stops == 0 && recordable;
    }
    bool stopRecording() override {
        log->append(QStringLiteral("stopRecording"));
        return true;
    }
    bool setAudioDevices(const QByteArray &input, const QByteArray &output) override {
        log->append(
            QStringLiteral("setAudioDevices %1 %2").arg(QString::fromUtf8(input), QString::fromUtf8(output)));
        return true;
    }
    bool sendDtmf(QChar digit, int durationMs) override {
        if (!rfc4733)
            return false;
        sentDigits.append(digit);
        durations.append(durationMs);
        return true;
    }
    void setMuted(bool m) override { muted = m; }
    CallMediaStats stats() const override { return current; }

    bool rfc4733 = true;
    QString sentDigits;
    QList<int> durations;
    bool muted = false;
    int starts = 0, stops = 0;
    CallMediaStats current;
    bool recordable = true;
    QStringList *log = nullptr; // the test's: it outlives the call that owns this media
};

const QByteArray kBobSdp = "v=0\r\no=bob 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n"
                           "m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                           "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";
} // namespace

class TestCall : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    CallManager *calls = nullptr;
    ScriptedMedia *media = nullptr; // owned by the call
    QStringList mediaLog;
    SipMessage invite;
    const ReceivedFrom bob = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "192.0.2.20", 5060);

    QList<SipMessage> sentRequests(const QByteArray &method) {
        QList<SipMessage> out;
        for (const auto &s : transport->sent())
            if (s.message.isRequest() && s.message.method() == method)
                out.append(s.message);
        return out;
    }

    SipMessage waitForRequest(const QByteArray &method) {
        for (int i = 0; i < 50; ++i) {
            const auto found = sentRequests(method);
            if (!found.isEmpty())
                return found.first();
            QTest::qWait(2);
            clock->advance(0);
        }
        return {};
    }

    // An outgoing call to bob, answered with kBobSdp.
    Call *activeCall() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        if (!call)
            return nullptr;
        call->setClock(clock);
        invite = waitForRequest("INVITE");
        SipMessage ok = SipMessage::responseTo(invite, 200, {}, "bobtag");
        ok.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        ok.setBody(kBobSdp, "application/sdp");
        transport->inject(ok, bob);
        waitForRequest("ACK");
        transport->clearSent();
        return call;
    }

    SipMessage infoFromBob(const QByteArray &body, const QByteArray &type = "application/dtmf-relay") {
        SipMessage info = SipMessage::makeRequest("INFO", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setHost("192.0.2.20");
        via.setPort(5060);
        via.setBranch("z9hG4bKbobinfo" + QByteArray::number(++infoCount));
        info.prependVia(via);
        info.setMaxForwards(70);
        NameAddr from(*SipUri::parse("sip:bob@192.0.2.20"));
        from.setTag("bobtag");
        info.setFrom(from);
        info.setTo(invite.from());
        info.setCallId(invite.callId());
        info.setCSeq({quint32(infoCount), "INFO"});
        info.setBody(body, type);
        return info;
    }
    int infoCount = 0;

private Q_SLOTS:
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        ua->uas()->setLocalUsers({"alice"});
        calls = new CallManager(ua);
        media = nullptr;
        mediaLog.clear();
        infoCount = 0;
        calls->setMediaFactory([this](const QHostAddress &) {
            auto m = std::make_unique<ScriptedMedia>();
            m->log = &mediaLog;
            media = m.get();
            return m;
        });
        CallManager::Identity me;
        me.from = NameAddr(*SipUri::parse("sip:alice@192.0.2.10"), QStringLiteral("Alice"));
        calls->setIdentity(me);
    }
    void cleanup() {
        delete calls;
        delete ua;
        delete clock;
    }

    void dtmfOverRtpIsPaced() {
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy sentSpy(call, &Call::dtmfSent);
        QVERIFY(call->sendDtmf(QStringLiteral("1#a"), 200));
        // The first digit goes at once, the next after its duration plus the gap.
        QCOMPARE(media->sentDigits, QStringLiteral("1"));
        clock->advance(299);
        QCOMPARE(media->sentDigits, QStringLiteral("1"));
        clock->advance(1);
        QCOMPARE(media->sentDigits, QStringLiteral("1#"));
        clock->advance(300);
        QCOMPARE(media->sentDigits, QStringLiteral("1#A"));
        QCOMPARE(media->durations, QList<int>({200, 200, 200}));
        QCOMPARE(sentSpy.size(), 3);
        QCOMPARE(sentSpy.at(2).at(1).value<Call::DtmfMethod>(), Call::DtmfMethod::Rtp);
        QVERIFY(sentRequests("INFO").isEmpty());
    }

    void dtmfFallsBackToInfo() {
        Call *call = activeCall();
        QVERIFY(call);
        media->rfc4733 = false;
        QSignalSpy sentSpy(call, &Call::dtmfSent);
        QVERIFY(call->sendDtmf(QStringLiteral("5*")));
        const SipMessage info = waitForRequest("INFO");
        QVERIFY(info.isRequest());
        QCOMPARE(info.contentType(), QByteArray("application/dtmf-relay"));
        QCOMPARE(info.body(), QByteArray("Signal=5\r\nDuration=160\r\n"));
        QCOMPARE(info.callId(), invite.callId());
        QCOMPARE(info.to().tag(), QByteArray("bobtag"));
        QCOMPARE(info.from().tag(), invite.from().tag());
        QVERIFY(info.cseq().number > invite.cseq().number);
        QCOMPARE(sentSpy.size(), 1);
        QCOMPARE(sentSpy.first().at(1).value<Call::DtmfMethod>(), Call::DtmfMethod::Info);

        transport->clearSent();
        clock->advance(260);
        const SipMessage second = waitForRequest("INFO");
        QCOMPARE(second.body(), QByteArray("Signal=*\r\nDuration=160\r\n"));
        QCOMPARE(second.cseq().number, info.cseq().number + 1);
        QCOMPARE(sentSpy.size(), 2);
    }

    void dtmfRefused_data() {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("answered");
        QTest::newRow("not answered") << QStringLiteral("1") << false;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("letter") << QStringLiteral("12x") << true;
        QTest::newRow("space") << QStringLiteral("1 2") << true;
        QTest::newRow("too many") << QString(Call::kMaxQueuedDigits + 1, QLatin1Char('1')) << true;
    }
    void dtmfRefused() {
        QFETCH(QString, digits);
        QFETCH(bool, answered);
        Call *call = nullptr;
        if (answered) {
            call = activeCall();
        } else {
            call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
            call->setClock(clock);
        }
        QVERIFY(call);
        QVERIFY(!call->sendDtmf(digits));
        clock->advance(10000);
        QCOMPARE(media->sentDigits, QString());
    }

    void queuedDigitsStopWhenTheCallEnds() {
        Call *call = activeCall();
        QVERIFY(call);
        QVERIFY(call->sendDtmf(QStringLiteral("123")));
        QCOMPARE(media->sentDigits, QStringLiteral("1"));
        call->hangup();
        const SipMessage bye = waitForRequest("BYE");
        transport->inject(SipMessage::responseTo(bye, 200), bob);
        QTRY_COMPARE(call->state(), Call::State::Ended);
        clock->advance(10000);
        QCOMPARE(media->sentDigits, QStringLiteral("1"));
    }

    void infoDtmfIsReceived_data() {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("digit"); // empty: no event
        QTest::addColumn<int>("duration");
        QTest::newRow("plain") << QByteArray("application/dtmf-relay")
                               << QByteArray("Signal=5\r\nDuration=160\r\n") << QStringLiteral("5") << 160;
        QTest::newRow("spaces, case")
            << QByteArray("Application/DTMF-Relay") << QByteArray("signal = #\r\nduration = 250\r\n")
            << QStringLiteral("#") << 250;
        QTest::newRow("lower-case letter") << QByteArray("application/dtmf-relay")
                                           << QByteArray("Signal=b\r\n") << QStringLiteral("B") << 160;
        QTest::newRow("numeric star") << QByteArray("application/dtmf-relay") << QByteArray("Signal=10\r\n")
                                      << QStringLiteral("*") << 160;
        QTest::newRow("invalid digit")
            << QByteArray("application/dtmf-relay") << QByteArray("Signal=x\r\n") << QString() << 0;
        QTest::newRow("other type") << QByteArray("application/dtmf") << QByteArray("5") << QString() << 0;
    }
    void infoDtmfIsReceived() {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, digit);
        QFETCH(int, duration);
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy received(call, &Call::dtmfReceived);
        transport->inject(infoFromBob(body, contentType), bob);
        QTRY_VERIFY(!transport->sent().isEmpty()); // the INFO is answered either way
        QCOMPARE(transport->sent().first().message.statusCode(), 200);
        if (digit.isEmpty()) {
            QCOMPARE(received.size(), 0);
            return;
        }
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).value<QChar>(), digit.at(0));
        QCOMPARE(received.first().at(1).toInt(), duration);
        QCOMPARE(received.first().at(2).value<Call::DtmfMethod>(), Call::DtmfMethod::Info);
    }

    void rtpDtmfIsReceived() {
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy received(call, &Call::dtmfReceived);
        Q_EMIT media->dtmfReceived(QLatin1Char('7'), 120);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).value<QChar>(), QLatin1Char('7'));
        QCOMPARE(received.first().at(1).toInt(), 120);
        QCOMPARE(received.first().at(2).value<Call::DtmfMethod>(), Call::DtmfMethod::Rtp);
    }

    void mute() {
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy changed(call, &Call::mutedChanged);
        QVERIFY(!call->isMuted());
        call->setMuted(true);
        QVERIFY(call->isMuted());
        QVERIFY(media->muted);
        call->setMuted(true);
        QCOMPARE(changed.size(), 1);
        QVERIFY(call->setProperty("muted", false));
        QVERIFY(!media->muted);
        QCOMPARE(changed.size(), 2);
    }

    void statsAndErrorsAreForwarded() {
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy statsSpy(call, &Call::statsChanged);
        QSignalSpy errors(call, &Call::mediaError);
        media->current.packetsSent = 42;
        media->current.jitterMs = 3.5;
        Q_EMIT media->statsChanged();
        QCOMPARE(statsSpy.size(), 1);
        QCOMPARE(call->stats(), media->current);
        Q_EMIT media->mediaError(CallMediaError::RecordFileUnwritable, QStringLiteral("/nonexistent/x.wav"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().at(0).value<CallMediaError>(), CallMediaError::RecordFileUnwritable);
        QCOMPARE(errors.first().at(1).toString(), QStringLiteral("/nonexistent/x.wav"));
    }

    void recordingNeedsRunningMedia() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(call);
        QSignalSpy changed(call, &Call::recordingChanged);
        // Not answered yet: the media is not running and refuses.
        QVERIFY(!call->startRecording(QStringLiteral("/tmp/early.wav")));
        QVERIFY(!call->isRecording());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(mediaLog, QStringList{QStringLiteral("startRecording /tmp/early.wav")});
    }

    void recording() {
        Call *call = activeCall();
        QVERIFY(call);
        QSignalSpy changed2(call, &Call::recordingChanged);
        QVERIFY(!call->startRecording(QString()));
        QVERIFY(call->startRecording(QStringLiteral("/tmp/a.wav")));
        QVERIFY(call->isRecording());
        QVERIFY(call->property("recording").toBool());
        QCOMPARE(call->recordingFile(), QStringLiteral("/tmp/a.wav"));
        QCOMPARE(changed2.size(), 1);
        QCOMPARE(changed2.at(0).at(0).toBool(), true);
        // Another file while recording: the media finishes the first; still recording.
        QVERIFY(call->startRecording(QStringLiteral("/tmp/b.wav")));
        QCOMPARE(changed2.size(), 1);
        QVERIFY(call->stopRecording());
        QVERIFY(!call->isRecording());
        QCOMPARE(changed2.size(), 2);
        QCOMPARE(call->recordingFile(), QStringLiteral("/tmp/b.wav")); // the last one stays known
        QVERIFY(call->stopRecording());                                // nothing to stop
        QCOMPARE(mediaLog.count(QStringLiteral("stopRecording")), 1);

        // The media cannot create the file.
        media->recordable = false;
        QVERIFY(!call->startRecording(QStringLiteral("/nonexistent/c.wav")));
        QVERIFY(!call->isRecording());
        QCOMPARE(changed2.size(), 2);

        // It stops by itself when the file cannot be written; another file's failure is not ours.
        media->recordable = true;
        QVERIFY(call->startRecording(QStringLiteral("/tmp/d.wav")));
        Q_EMIT media->recordingFailed(QStringLiteral("/tmp/other.wav"));
        QVERIFY(call->isRecording());
        Q_EMIT media->recordingFailed(QStringLiteral("/tmp/d.wav"));
        QVERIFY(!call->isRecording());
        QCOMPARE(changed2.size(), 4);
    }

    void recordingStopsWhenTheCallEnds() {
        Call *call = activeCall();
        QVERIFY(call);
        QVERIFY(call->startRecording(QStringLiteral("/tmp/e.wav")));
        QSignalSpy changed(call, &Call::recordingChanged);
        QList<bool> recordingAtEnd;
        connect(call, &Call::ended, this, [&]() { recordingAtEnd.append(call->isRecording()); });
        call->hangup();
        const SipMessage bye = waitForRequest("BYE");
        transport->inject(SipMessage::responseTo(bye, 200), bob);
        QTRY_COMPARE(recordingAtEnd.size(), 1);
        QCOMPARE(recordingAtEnd.first(), false);
        QCOMPARE(changed.size(), 1);
        // Finalized before the media stops.
        const qsizetype stopRecording = mediaLog.indexOf(QStringLiteral("stopRecording"));
        QVERIFY(stopRecording >= 0);
        QVERIFY(stopRecording < mediaLog.indexOf(QStringLiteral("stop")));
        // An ended call records nothing.
        QVERIFY(!call->startRecording(QStringLiteral("/tmp/f.wav")));
        QVERIFY(!call->setAudioDevices("mic", "speaker"));
    }

    void audioDevicesAreForwarded() {
        Call *call = activeCall();
        QVERIFY(call);
        QVERIFY(call->setAudioDevices("usb-mic", QByteArray()));
        QVERIFY(mediaLog.contains(QStringLiteral("setAudioDevices usb-mic ")));
    }

    void answerIn183IsRepeatedIn200_data() {
        QTest::addColumn<bool>("sameOrigin");
        QTest::newRow("same answer") << true;
        QTest::newRow("changed answer") << false;
    }
    void answerIn183IsRepeatedIn200() {
        QFETCH(bool, sameOrigin);
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(call);
        invite = waitForRequest("INVITE");
        SipMessage progress = SipMessage::responseTo(invite, 183, {}, "bobtag");
        progress.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        progress.setBody(kBobSdp, "application/sdp");
        transport->inject(progress, bob);
        QCOMPARE(call->state(), Call::State::EarlyMedia);
        QCOMPARE(media->starts, 1);

        QByteArray finalSdp = kBobSdp;
        if (!sameOrigin)
            finalSdp.replace("o=bob 1 1", "o=bob 1 2").replace("m=audio 4000", "m=audio 4002");
        SipMessage ok = SipMessage::responseTo(invite, 200, {}, "bobtag");
        ok.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        ok.setBody(finalSdp, "application/sdp");
        transport->clearSent();
        transport->inject(ok, bob);
        QVERIFY(waitForRequest("ACK").isRequest());
        if (sameOrigin) {
            QCOMPARE(call->state(), Call::State::Active);
            QVERIFY(sentRequests("BYE").isEmpty());
        } else {
            // A second, different answer to one offer is a protocol error: the call is hung up.
            const SipMessage bye = waitForRequest("BYE");
            QVERIFY(bye.isRequest());
            transport->inject(SipMessage::responseTo(bye, 200), bob);
            QTRY_COMPARE(call->state(), Call::State::Ended);
            QCOMPARE(call->endReason(), Call::EndReason::NoCommonMedia);
        }
        QCOMPARE(media->starts, 1);
    }

    void oneWayAudioOnlyAfterTheAnswer() {
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(call);
        QSignalSpy oneWay(call, &Call::oneWayAudioChanged);
        invite = waitForRequest("INVITE");
        // Ringing without media is normal.
        Q_EMIT media->rtpTimeoutChanged(true);
        QCOMPARE(oneWay.size(), 0);
        QVERIFY(!call->hasOneWayAudio());
        SipMessage ok = SipMessage::responseTo(invite, 200, {}, "bobtag");
        ok.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        ok.setBody(kBobSdp, "application/sdp");
        transport->inject(ok, bob);
        QCOMPARE(call->state(), Call::State::Active);
        // Still no RTP once answered: one-way audio.
        QCOMPARE(oneWay.size(), 1);
        QVERIFY(call->hasOneWayAudio());
        QVERIFY(call->property("oneWayAudio").toBool());
        Q_EMIT media->rtpTimeoutChanged(false);
        QCOMPARE(oneWay.size(), 2);
        QVERIFY(!call->hasOneWayAudio());
        // On hold we expect silence.
        QVERIFY(call->hold());
        Q_EMIT media->rtpTimeoutChanged(true);
        QCOMPARE(oneWay.size(), 2);
        QVERIFY(!call->hasOneWayAudio());
    }
};

QTEST_GUILESS_MAIN(TestCall)
#include "tst_call.moc"
