// The app settings: what is saved survives a restart (a second object on the same file), and the
// GUI's CallManager really follows them: DND turns calls away (486), auto-answer answers (200),
// the codec order and SRTP policy shape our offers. SIP runs on FakeTransportLayer + ManualClock.
#include "AppSettings.h"
#include "AudioSettings.h"
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "NullMedia.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "call/CallManager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/Resolver.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <cmath>
#include <unistd.h>

using namespace parlo;
using namespace parlo::sip;

namespace {
const QByteArray kCarolOffer =
    "v=0\r\no=carol 7 7 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\nt=0 0\r\n"
    "m=audio 5000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
} // namespace

class TestAppSettings : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString file;
    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    CallManager *calls = nullptr;
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

    void incomingInvite() {
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
        invite.setBody(kCarolOffer, "application/sdp");
        transport->inject(invite, carol);
    }

private Q_SLOTS:
    void init() {
        QVERIFY(dir.isValid());
        file = dir.filePath(QStringLiteral("settings-%1.ini").arg(QTest::currentTestFunction()));
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        ua->uas()->setLocalUsers({"alice"});
        calls = new CallManager(ua);
        calls->setMediaFactory([](const QHostAddress &) { return std::make_unique<NullMedia>(); });
        CallManager::Identity me;
        me.from = NameAddr(*SipUri::parse("sip:alice@192.0.2.10"), QStringLiteral("Alice"));
        calls->setIdentity(me);
    }
    void cleanup() {
        delete calls;
        delete ua;
        delete clock;
    }

    void defaults() {
        AppSettings s(file);
        QCOMPARE(s.doNotDisturb(), false);
        QCOMPARE(s.autoAnswer(), false);
        QCOMPARE(s.startMinimized(), false);
        QCOMPARE(s.language(), QString());
        QCOMPARE(s.codecOrder(), QStringList({"opus", "G722", "PCMU", "PCMA"}));
        QCOMPARE(s.srtpPolicy(), AppSettings::SrtpPolicy::Optional);
    }

    void survivesRestart() {
        {
            AppSettings s(file);
            QSignalSpy dnd(&s, &AppSettings::doNotDisturbChanged);
            s.setDoNotDisturb(true);
            s.setAutoAnswer(true);
            s.setAutoAnswerDelay(5);
            s.setStartMinimized(true);
            s.setLanguage(QStringLiteral("en"));
            s.moveCodec(2, 0); // PCMU first
            s.setSrtpPolicy(AppSettings::SrtpPolicy::Mandatory);
            QCOMPARE(dnd.size(), 1);
            s.setDoNotDisturb(true); // unchanged: no signal
            QCOMPARE(dnd.size(), 1);
        }
        AppSettings again(file);
        QCOMPARE(again.doNotDisturb(), true);
        QCOMPARE(again.autoAnswer(), true);
        QCOMPARE(again.autoAnswerDelay(), 5);
        QCOMPARE(again.startMinimized(), true);
        QCOMPARE(again.language(), QStringLiteral("en"));
        QCOMPARE(again.codecOrder(), QStringList({"PCMU", "opus", "G722", "PCMA"}));
        QCOMPARE(again.srtpPolicy(), AppSettings::SrtpPolicy::Mandatory);
    }

    void rejectsNonsense() {
        AppSettings s(file);
        s.setLanguage(QStringLiteral("xx"));
        QCOMPARE(s.language(), QString());
        s.setAutoAnswerDelay(1000);
        QCOMPARE(s.autoAnswerDelay(), AppSettings::kMaxAutoAnswerDelay);
        s.setAutoAnswerDelay(-3);
        QCOMPARE(s.autoAnswerDelay(), 0);
        // Unknown names dropped, duplicates once, missing ones appended in the default order.
        s.setCodecOrder({"pcma", "bogus", "PCMA", "G722"});
        QCOMPARE(s.codecOrder(), QStringList({"PCMA", "G722", "opus", "PCMU"}));
        s.moveCodec(0, 7); // out of range: nothing
        QCOMPARE(s.codecOrder(), QStringList({"PCMA", "G722", "opus", "PCMU"}));
    }

    // The recordings folder: a folder picked in the dialog is taken only where files can be
    // written, survives a restart, and "Default" goes back to the default folder.
    void recordingsFolder() {
        QTemporaryDir recordings;
        {
            AppSettings s(file);
            QCOMPARE(s.recordingsFolder(), QString());
            QVERIFY(s.defaultRecordingsFolder().endsWith(QLatin1String("/Parlo")) ||
                    s.defaultRecordingsFolder().endsWith(QLatin1String("/Recordings")));
            QSignalSpy changed(&s, &AppSettings::recordingsFolderChanged);

            QVERIFY(s.chooseRecordingsFolder(QUrl(QStringLiteral("https://example.com/calls/")))
                        .contains(QLatin1String("on this computer")));
            QVERIFY(
                s.chooseRecordingsFolder(QUrl::fromLocalFile(recordings.filePath(QStringLiteral("missing"))))
                    .contains(QLatin1String("does not exist")));
            QDir(recordings.path()).mkdir(QStringLiteral("locked"));
            const QString locked = recordings.filePath(QStringLiteral("locked"));
            QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            if (::geteuid() == 0) {
                // root writes anywhere: /proc stands in for the locked folder
                QVERIFY(s.chooseRecordingsFolder(QUrl::fromLocalFile(QStringLiteral("/proc/self")))
                            .contains(QLatin1String("cannot save files")));
            } else {
                QVERIFY(s.chooseRecordingsFolder(QUrl::fromLocalFile(locked))
                            .contains(QLatin1String("cannot save files")));
            }
            QCOMPARE(changed.size(), 0);
            QCOMPARE(s.recordingsFolder(), QString());

            QCOMPARE(s.chooseRecordingsFolder(QUrl::fromLocalFile(recordings.path() + QStringLiteral("/"))),
                     QString());
            QCOMPARE(s.recordingsFolder(), QDir::cleanPath(recordings.path()));
            QCOMPARE(changed.size(), 1);
            // No probe file left behind.
            QCOMPARE(QDir(recordings.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        }
        AppSettings again(file);
        QCOMPARE(again.recordingsFolder(), QDir::cleanPath(recordings.path()));
        again.setRecordingsFolder(QString()); // "Default"
        QCOMPARE(AppSettings(file).recordingsFolder(), QString());
    }

    void doNotDisturbTurnsCallsAway() {
        AppSettings s(file);
        s.applyTo(calls);
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        s.setDoNotDisturb(true); // after applyTo: a change reaches the manager too
        QVERIFY(calls->doNotDisturb());
        incomingInvite();
        QVERIFY(sent("486").isResponse());
        QCOMPARE(incoming.size(), 0);
    }

    void withoutDndCallsRing() {
        AppSettings s(file);
        s.applyTo(calls);
        QSignalSpy incoming(calls, &CallManager::incomingCall);
        incomingInvite();
        QCOMPARE(incoming.size(), 1);
        QVERIFY(sent("180").isResponse());
        QVERIFY(!sent("486").isResponse());
        QVERIFY(!sent("200").isResponse());
    }

    void autoAnswerAnswers() {
        AppSettings s(file);
        s.setAutoAnswer(true);
        s.setAutoAnswerDelay(0);
        s.applyTo(calls);
        incomingInvite();
        QVERIFY(sent("200").isResponse());
    }

    void codecOrderAndSrtpShapeTheOffer() {
        AppSettings s(file);
        s.applyTo(calls);
        s.setCodecOrder({"PCMA", "PCMU"});
        s.setSrtpPolicy(AppSettings::SrtpPolicy::Mandatory);
        QCOMPARE(calls->capabilities().srtp, sdp::SrtpPolicy::Mandatory);
        QVERIFY(calls->dial(*SipUri::parse("sip:bob@192.0.2.20")));
        const QByteArray offer = sent("INVITE").body();
        // PCMA (8), PCMU (0), then opus (111) and G722 (9), then telephone-event.
        QVERIFY2(offer.contains("m=audio 40000 RTP/SAVP 8 0 111 9 "), offer.constData());
        s.setSrtpPolicy(AppSettings::SrtpPolicy::Off);
        QCOMPARE(calls->capabilities().srtp, sdp::SrtpPolicy::Off);
    }

    void languageLoadsTheTranslation() {
        AppSettings s(file);
        const auto calls = [] { return QCoreApplication::translate("SettingsPage", "Calls"); };
        s.setLanguage(QStringLiteral("de"));
        QCOMPARE(calls(), QStringLiteral("Anrufe"));
        s.setLanguage(QStringLiteral("en"));
        QCOMPARE(calls(), QStringLiteral("Calls"));
    }

    void levelMeterScale() {
        std::vector<qint16> samples(4800, 0);
        QCOMPARE(AudioSettings::levelOf(samples.data(), qsizetype(samples.size())), 0.0);
        QCOMPARE(AudioSettings::levelOf(nullptr, 0), 0.0);
        const auto sine = [&](double amplitude) {
            for (size_t i = 0; i < samples.size(); ++i)
                samples[i] = qint16(amplitude * std::sin(2 * M_PI * 440 * double(i) / 48000));
            return AudioSettings::levelOf(samples.data(), qsizetype(samples.size()));
        };
        // RMS of a full-scale sine is -3 dBFS: 0.95 on the -60..0 dB scale.
        QVERIFY(qAbs(sine(32767) - 0.95) < 0.01);
        // -30 dBFS peak (-33 dB RMS): 0.45.
        QVERIFY(qAbs(sine(32767 * 0.0316) - 0.45) < 0.01);
        QCOMPARE(sine(10), 0.0); // below -60 dBFS
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
