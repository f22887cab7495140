// Two media sessions talking over real UDP sockets on 127.0.0.1, on the engine's media thread:
// tones through every codec in the clear and under SRTP, DTMF, hold/resume, wrong keys, RTP
// timeout, RTCP statistics, the no-audio-device path and recording both sides of a call.
#include "call/EngineCallMedia.h"
#include "media/GoertzelDetector.h"
#include "media/MediaEngine.h"
#include "media/ToneGenerator.h"
#include "media/WavReader.h"
#include "media/WavWriter.h"
#include "sdp/CryptoAttribute.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace parlo;
using namespace parlo::media;
using Suite = sdp::CryptoAttribute::Suite;

namespace {
enum class Security { Plain, Srtp80, Srtp32 };

struct CodecCase {
    QByteArray name;
    int clockRate; // as in rtpmap
    int channels;
    int payloadType;
};

CodecCase codecCase(const QByteArray &name) {
    if (name == "PCMU")
        return {"PCMU", 8000, 1, 0};
    if (name == "PCMA")
        return {"PCMA", 8000, 1, 8};
    if (name == "G722")
        return {"G722", 8000, 1, 9};
    return {"opus", 48000, 2, 111};
}

bool writeTone(const QString &path, double hz, int rate, int seconds) {
    ToneGenerator gen(rate, ToneGenerator::sine(hz, 8000));
    WavWriter w;
    if (!w.open(path, WavFormat{rate, 1}))
        return false;
    const auto pcm = gen.generate(rate * seconds);
    return w.write(pcm) && w.close();
}

// What side `self` applies: it sends to `peer`, with its own key and the peer's.
sdp::NegotiatedMedia negotiated(const CodecCase &c, const CallMedia &peer, sdp::Direction dir,
                                const std::optional<sdp::CryptoAttribute> &ours = std::nullopt,
                                const std::optional<sdp::CryptoAttribute> &theirs = std::nullopt) {
    sdp::NegotiatedMedia m;
    m.mediaIndex = 0;
    m.remoteAddress = peer.localAddress();
    m.remotePort = peer.localPort();
    m.remoteRtcpPort = quint16(peer.localPort() + 1);
    m.sendCodec = sdp::Codec{c.payloadType, c.name, c.clockRate, c.channels, {}};
    const int teRate = c.clockRate;
    m.receiveCodecs = {m.sendCodec, sdp::Codec{101, "telephone-event", teRate, 1, "0-16"}};
    m.telephoneEventPayloadType = 101;
    m.telephoneEventClockRate = teRate;
    m.ptime = 20;
    m.direction = dir;
    m.localCrypto = ours;
    m.remoteCrypto = theirs;
    return m;
}

// Which of 440 Hz / 1 kHz dominates a recording (after the first 300 ms), and how loud it is.
struct Heard {
    double dominant = 0;
    double amplitude = 0;
    int64_t frames = 0;
};
Heard analyse(const QString &path, bool *ok) {
    WavFormat fmt;
    MediaError err;
    const auto pcm = WavReader::readAll(path, &fmt, &err);
    *ok = pcm.has_value();
    Heard h;
    if (!pcm)
        return h;
    h.frames = int64_t(pcm->size());
    const size_t skip = size_t(fmt.sampleRate) * 3 / 10;
    if (pcm->size() <= skip + size_t(fmt.sampleRate) / 5)
        return h;
    const std::span<const int16_t> s(pcm->data() + skip, pcm->size() - skip);
    h.dominant = GoertzelDetector::dominant(s, fmt.sampleRate, {440.0, 1000.0});
    h.amplitude = GoertzelDetector::amplitude(s, h.dominant, fmt.sampleRate);
    return h;
}

// The amplitude of hz in [fromMs, toMs) of a recording.
double toneIn(const std::vector<int16_t> &pcm, int rate, int fromMs, int toMs, double hz) {
    const size_t from = size_t(int64_t(rate) * fromMs / 1000);
    const size_t to = std::min(pcm.size(), size_t(int64_t(rate) * toMs / 1000));
    if (from >= to)
        return 0;
    return GoertzelDetector::amplitude(std::span<const int16_t>(pcm.data() + from, to - from), hz, rate);
}

// Forwards UDP between two media endpoints (rtcp-mux, so one port each way) and drops every
// dropEvery-th RTP packet from A to B: real loss on loopback.
class LossyRelay : public QObject {
public:
    LossyRelay(quint16 aPort, quint16 bPort, int dropEvery)
        : m_aPort(aPort)
        , m_bPort(bPort)
        , m_dropEvery(dropEvery) {
        m_fromA.bind(QHostAddress::LocalHost, 0);
        m_fromB.bind(QHostAddress::LocalHost, 0);
        connect(&m_fromA, &QUdpSocket::readyRead, this, [this]() {
            while (m_fromA.hasPendingDatagrams()) {
                const QNetworkDatagram d = m_fromA.receiveDatagram();
                const QByteArray data = d.data();
                const bool rtcp = data.size() > 1 && uint8_t(data[1]) >= 192 && uint8_t(data[1]) <= 223;
                if (!rtcp && ++m_rtpCount % m_dropEvery == 0) {
                    ++dropped;
                    continue;
                }
                m_fromB.writeDatagram(data, QHostAddress::LocalHost, m_bPort);
            }
        });
        connect(&m_fromB, &QUdpSocket::readyRead, this, [this]() {
            while (m_fromB.hasPendingDatagrams())
                m_fromA.writeDatagram(m_fromB.receiveDatagram().data(), QHostAddress::LocalHost, m_aPort);
        });
    }
    quint16 portForA() const { return m_fromA.localPort(); } // A sends here
    quint16 portForB() const { return m_fromB.localPort(); } // B sends here
    int dropped = 0;

private:
    QUdpSocket m_fromA, m_fromB;
    quint16 m_aPort, m_bPort;
    int m_dropEvery;
    int m_rtpCount = 0;
};

// Waits for n statsChanged signals (stats are snapshots, about once a second).
bool waitStats(CallMedia *m, int n, int timeoutMs = 5000) {
    QSignalSpy spy(m, &CallMedia::statsChanged);
    for (int i = 0; i < n; ++i)
        if (!spy.wait(timeoutMs))
            return false;
    return true;
}
} // namespace

Q_DECLARE_METATYPE(Security)

class TestMediaSession : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MediaEngine> m_engine;
    QString m_tone1k8, m_tone440_8, m_tone1k48, m_tone440_48;
    QString m_long1k8, m_long440_48; // 10 s, for the recording tests

    std::unique_ptr<CallMedia> make(const QString &play = {}, const QString &record = {}, int rtcpMs = 5000) {
        CallMediaOptions o;
        o.playFile = play;
        o.recordFile = record;
        o.rtcpIntervalMs = rtcpMs;
        return createCallMedia(m_engine.get(), o, QHostAddress::LocalHost);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<MediaEngine>();
        // Files at a rate other than the codec's, to exercise resampling (8 kHz ↔ 48 kHz).
        m_tone1k8 = m_dir.filePath("1k-8000.wav");
        m_tone440_8 = m_dir.filePath("440-8000.wav");
        m_tone1k48 = m_dir.filePath("1k-48000.wav");
        m_tone440_48 = m_dir.filePath("440-48000.wav");
        QVERIFY(writeTone(m_tone1k8, 1000, 8000, 4));
        QVERIFY(writeTone(m_tone440_8, 440, 8000, 4));
        QVERIFY(writeTone(m_tone1k48, 1000, 48000, 4));
        QVERIFY(writeTone(m_tone440_48, 440, 48000, 4));
        m_long1k8 = m_dir.filePath("1k-8000-long.wav");
        m_long440_48 = m_dir.filePath("440-48000-long.wav");
        QVERIFY(writeTone(m_long1k8, 1000, 8000, 10));
        QVERIFY(writeTone(m_long440_48, 440, 48000, 10));
    }
    void cleanupTestCase() { m_engine.reset(); }

    void bindsBeforeOffer() {
        auto m = make();
        QVERIFY(m);
        QVERIFY(m->localPort() != 0);
        QCOMPARE(m->localPort() % 2, 0); // RTP on an even port, RTCP on the next
        QCOMPARE(m->localAddress(), QHostAddress(QHostAddress::LocalHost));
        auto n = make();
        QVERIFY(n->localPort() != m->localPort());
    }

    void tones_data() {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<Security>("security");
        QTest::addColumn<bool>("crossRate"); // play files at the other rate
        for (const QByteArray &c :
             {QByteArray("PCMU"), QByteArray("PCMA"), QByteArray("G722"), QByteArray("opus")}) {
            QTest::newRow(c + " plain") << c << Security::Plain << false;
            QTest::newRow(c + " SRTP_80") << c << Security::Srtp80 << true;
            QTest::newRow(c + " SRTP_32") << c << Security::Srtp32 << false;
        }
    }
    void tones() {
        QFETCH(QByteArray, codec);
        QFETCH(Security, security);
        QFETCH(bool, crossRate);
        const CodecCase c = codecCase(codec);
        const bool wide = c.clockRate == 48000 ? !crossRate : crossRate;
        const QString recA = m_dir.filePath(QString("A-%1.wav").arg(QTest::currentDataTag()));
        const QString recB = m_dir.filePath(QString("B-%1.wav").arg(QTest::currentDataTag()));
        auto a = make(wide ? m_tone1k48 : m_tone1k8, recA);
        auto b = make(wide ? m_tone440_48 : m_tone440_8, recB);
        QVERIFY(a && b);
        std::optional<sdp::CryptoAttribute> ka, kb;
        if (security != Security::Plain) {
            const Suite s =
                security == Security::Srtp80 ? Suite::AesCm128HmacSha1_80 : Suite::AesCm128HmacSha1_32;
            ka = sdp::CryptoAttribute::generate(1, s);
            kb = sdp::CryptoAttribute::generate(1, s);
        }
        QSignalSpy errorsA(a.get(), &CallMedia::mediaError);
        QSignalSpy errorsB(b.get(), &CallMedia::mediaError);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv, ka, kb));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv, kb, ka));
        QVERIFY(waitStats(a.get(), 1));
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived >= 60, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived >= 60, 5000);
        a->stop();
        b->stop();
        QCOMPARE(errorsA.count(), 0);
        QCOMPARE(errorsB.count(), 0);
        QCOMPARE(a->stats().secure, security != Security::Plain);
        QCOMPARE(a->stats().srtpFailures, 0u);
        QCOMPARE(b->stats().srtpFailures, 0u);
        QCOMPARE(a->stats().codec, QString("%1/%2").arg(QString(c.name)).arg(c.clockRate));

        bool ok = false;
        const Heard atB = analyse(recB, &ok);
        QVERIFY(ok);
        QCOMPARE(atB.dominant, 1000.0);
        QVERIFY2(atB.amplitude > 2000, qPrintable(QString::number(atB.amplitude)));
        const Heard atA = analyse(recA, &ok);
        QVERIFY(ok);
        QCOMPARE(atA.dominant, 440.0);
        QVERIFY2(atA.amplitude > 2000, qPrintable(QString::number(atA.amplitude)));
        // Recorded at the first codec's audio rate: G.722 16 kHz, Opus 48 kHz.
        WavReader r(recB);
        QCOMPARE(r.format().sampleRate, codec == "G722" ? 16000 : c.clockRate);
        QCOMPARE(r.format().channels, 1);
    }

    void dtmf_data() {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<Security>("security");
        QTest::newRow("PCMU") << QByteArray("PCMU") << Security::Plain;
        QTest::newRow("opus SRTP") << QByteArray("opus") << Security::Srtp80;
    }
    void dtmf() {
        QFETCH(QByteArray, codec);
        QFETCH(Security, security);
        const CodecCase c = codecCase(codec);
        auto a = make();
        auto b = make();
        std::optional<sdp::CryptoAttribute> ka, kb;
        if (security != Security::Plain) {
            ka = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
            kb = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
        }
        QSignalSpy digits(b.get(), &CallMedia::dtmfReceived);
        // Not running yet: the call would fall back to SIP INFO.
        QVERIFY(!a->sendDtmf('1', 100));
        a->start(negotiated(c, *b, sdp::Direction::SendRecv, ka, kb));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv, kb, ka));
        QVERIFY(!a->sendDtmf('x', 100));
        QVERIFY(a->sendDtmf('1', 120));
        QVERIFY(a->sendDtmf('#', 200));
        QTRY_COMPARE_WITH_TIMEOUT(digits.count(), 2, 5000);
        QCOMPARE(digits.at(0).at(0).value<QChar>(), QChar('1'));
        QCOMPARE(digits.at(1).at(0).value<QChar>(), QChar('#'));
        QVERIFY2(qAbs(digits.at(0).at(1).toInt() - 120) <= 20, qPrintable(digits.at(0).at(1).toString()));
        QVERIFY2(qAbs(digits.at(1).at(1).toInt() - 200) <= 20, qPrintable(digits.at(1).at(1).toString()));
        // The end packets are sent three times; the digit is still reported once.
        QTest::qWait(300);
        QCOMPARE(digits.count(), 2);
        a->stop();
        b->stop();
    }

    void noDtmfWithoutTelephoneEvent() {
        auto a = make();
        auto b = make();
        sdp::NegotiatedMedia m = negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv);
        m.telephoneEventPayloadType = -1;
        m.receiveCodecs.removeLast();
        a->start(m);
        QVERIFY(!a->sendDtmf('5', 100));
        a->stop();
    }

    void holdAndResume() {
        const CodecCase c = codecCase("PCMA");
        auto a = make(m_tone1k8);
        auto b = make(m_tone440_8);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 20 && b->stats().packetsReceived > 20, 5000);

        // A holds B: A sendonly, B recvonly. B stops sending, A ignores anything that still comes.
        a->start(negotiated(c, *b, sdp::Direction::SendOnly));
        b->start(negotiated(c, *a, sdp::Direction::RecvOnly));
        QVERIFY(waitStats(a.get(), 2));
        QVERIFY(waitStats(b.get(), 1));
        const quint64 aReceived = a->stats().packetsReceived;
        const quint64 bSent = b->stats().packetsSent;
        const quint64 bReceived = b->stats().packetsReceived;
        QVERIFY(waitStats(a.get(), 2));
        QVERIFY(waitStats(b.get(), 1));
        QCOMPARE(a->stats().packetsReceived, aReceived);
        QCOMPARE(b->stats().packetsSent, bSent);
        QVERIFY(b->stats().packetsReceived > bReceived + 20); // music on hold still flows to B

        // Inactive both ways: nothing flows at all.
        a->start(negotiated(c, *b, sdp::Direction::Inactive));
        b->start(negotiated(c, *a, sdp::Direction::Inactive));
        QVERIFY(waitStats(b.get(), 2));
        const quint64 bReceived2 = b->stats().packetsReceived;
        const quint64 aSent2 = a->stats().packetsSent;
        QVERIFY(waitStats(b.get(), 2));
        QCOMPARE(b->stats().packetsReceived, bReceived2);
        QCOMPARE(a->stats().packetsSent, aSent2);

        // Resume.
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > aReceived + 20, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > bReceived2 + 20, 5000);
        a->stop();
        b->stop();
    }

    void wrongSrtpKey() {
        const CodecCase c = codecCase("PCMU");
        const QString recB = m_dir.filePath("wrongkey-B.wav");
        auto a = make(m_tone1k8);
        auto b = make({}, recB);
        const auto ka = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
        const auto kb = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
        const auto wrong = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv, ka, kb));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv, kb, wrong)); // B decrypts with the wrong key
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().srtpFailures > 20, 5000);
        QVERIFY(a->stats().packetsSent > 20);
        QCOMPARE(b->stats().packetsReceived, 0u);
        a->stop();
        b->stop();
        bool ok = false;
        const Heard h = analyse(recB, &ok);
        QVERIFY(ok);           // the file exists and is valid …
        QCOMPARE(h.frames, 0); // … and holds nothing
    }

    void rtpTimeout() {
        const CodecCase c = codecCase("PCMU");
        auto a = make();
        auto b = make();
        QSignalSpy timeout(a.get(), &CallMedia::rtpTimeoutChanged);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 10, 5000);
        QCOMPARE(timeout.count(), 0);
        b->stop(); // the peer goes quiet
        QTRY_COMPARE_WITH_TIMEOUT(timeout.count(), 1, 5000);
        QCOMPARE(timeout.at(0).at(0).toBool(), true);
        // A new peer at the same place brings RTP back.
        auto b2 = make();
        sdp::NegotiatedMedia m = negotiated(c, *b2, sdp::Direction::SendRecv);
        a->start(m);
        b2->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_COMPARE_WITH_TIMEOUT(timeout.count(), 2, 5000);
        QCOMPARE(timeout.at(1).at(0).toBool(), false);
        a->stop();
        b2->stop();
    }

    void noRtpFromTheStart() {
        auto a = make();
        auto b = make(); // never started: sends nothing
        QSignalSpy timeout(a.get(), &CallMedia::rtpTimeoutChanged);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        QVERIFY(timeout.wait(5000));
        QCOMPARE(timeout.at(0).at(0).toBool(), true);
        a->stop();
    }

    void statistics() {
        const CodecCase c = codecCase("opus");
        auto a = make(m_tone1k48, {}, 200);
        auto b = make(m_tone440_48, {}, 200);
        const auto ka = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_32);
        const auto kb = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_32);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv, ka, kb));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv, kb, ka));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().rttMs >= 0 && b->stats().rttMs >= 0, 8000);
        QVERIFY(waitStats(a.get(), 1));
        const CallMediaStats s = a->stats();
        QVERIFY(s.packetsSent > 0);
        QVERIFY(s.bytesSent > s.packetsSent * 12);
        QVERIFY(s.packetsReceived > 0);
        QCOMPARE(s.packetsLost, 0);
        QCOMPARE(s.lossPercent, 0.0);
        QCOMPARE(s.remoteLossPercent, 0.0);
        QVERIFY2(s.jitterMs < 20, qPrintable(QString::number(s.jitterMs)));
        QVERIFY2(s.rttMs < 100, qPrintable(QString::number(s.rttMs))); // loopback
        QVERIFY(s.secure);
        a->stop();
        b->stop();
    }

    void rtcpMux() {
        // RTP and RTCP on one port (RFC 5761): RTCP is told apart by its packet type, RTT still known.
        const CodecCase c = codecCase("G722");
        const QString recB = m_dir.filePath("mux-B.wav");
        auto a = make(m_tone1k8, {}, 200);
        auto b = make({}, recB, 200);
        sdp::NegotiatedMedia ma = negotiated(c, *b, sdp::Direction::SendRecv);
        sdp::NegotiatedMedia mb = negotiated(c, *a, sdp::Direction::SendRecv);
        ma.rtcpMux = mb.rtcpMux = true;
        ma.remoteRtcpPort = ma.remotePort;
        mb.remoteRtcpPort = mb.remotePort;
        a->start(ma);
        b->start(mb);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().rttMs >= 0 && b->stats().rttMs >= 0, 8000);
        QVERIFY(b->stats().packetsReceived > 20);
        a->stop();
        b->stop();
        bool ok = false;
        const Heard h = analyse(recB, &ok);
        QVERIFY(ok);
        QCOMPARE(h.dominant, 1000.0);
        QVERIFY(h.amplitude > 2000);
    }

    void ipv6() {
        CallMediaOptions o;
        o.playFile = m_tone1k48;
        auto a = createCallMedia(m_engine.get(), o, QHostAddress::LocalHostIPv6);
        const QString recB = m_dir.filePath("v6-B.wav");
        o.playFile.clear();
        o.recordFile = recB;
        auto b = createCallMedia(m_engine.get(), o, QHostAddress::LocalHostIPv6);
        QVERIFY(a && b);
        QCOMPARE(a->localAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
        const CodecCase c = codecCase("opus");
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 60, 5000);
        a->stop();
        b->stop();
        bool ok = false;
        const Heard h = analyse(recB, &ok);
        QVERIFY(ok);
        QCOMPARE(h.dominant, 1000.0);
    }

    void lossIsMeasuredAndConcealed() {
        // Every 10th packet from A to B is lost: B counts it (RFC 3550 A.3), A learns it from B's
        // receiver reports, and Opus FEC / concealment keep the tone.
        const CodecCase c = codecCase("opus");
        const QString recB = m_dir.filePath("loss-B.wav");
        auto a = make(m_tone1k48, {}, 300);
        auto b = make({}, recB, 300);
        LossyRelay relay(a->localPort(), b->localPort(), 10);
        sdp::NegotiatedMedia ma = negotiated(c, *b, sdp::Direction::SendRecv);
        sdp::NegotiatedMedia mb = negotiated(c, *a, sdp::Direction::SendRecv);
        ma.rtcpMux = mb.rtcpMux = true;
        ma.remotePort = ma.remoteRtcpPort = relay.portForA();
        mb.remotePort = mb.remoteRtcpPort = relay.portForB();
        a->start(ma);
        b->start(mb);
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 100, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().remoteLossPercent > 0, 8000);
        // Each receiver report covers one interval, which a busy machine can make short (1 lost of
        // 6 is 17 %): judge the median of what A hears over several reports.
        QList<double> reported;
        const QMetaObject::Connection collect = connect(a.get(), &CallMedia::statsChanged, this,
                                                        [&]() { reported << a->stats().remoteLossPercent; });
        QTRY_VERIFY_WITH_TIMEOUT(reported.size() >= 7, 8000);
        disconnect(collect);
        QVERIFY(waitStats(b.get(), 1));
        a->stop();
        b->stop();
        const CallMediaStats s = b->stats();
        QVERIFY(relay.dropped > 10);
        QVERIFY2(s.packetsLost > 0, qPrintable(QString::number(s.packetsLost)));
        QVERIFY2(s.lossPercent > 5 && s.lossPercent < 15, qPrintable(QString::number(s.lossPercent)));
        std::sort(reported.begin(), reported.end());
        const double median = reported.at(reported.size() / 2);
        QVERIFY2(qAbs(median - 10) < 6, qPrintable(QString::number(median)));
        bool ok = false;
        const Heard h = analyse(recB, &ok);
        QVERIFY(ok);
        QCOMPARE(h.dominant, 1000.0);
        // While the 4 s tone plays (the call may outlast it): concealment keeps it strong.
        WavFormat fmt;
        const auto pcm = WavReader::readAll(recB, &fmt);
        QVERIFY(pcm);
        const double amplitude = toneIn(*pcm, fmt.sampleRate, 300, 3000, 1000);
        QVERIFY2(amplitude > 2000, qPrintable(QString::number(amplitude)));
    }

    void mutedSendsSilence() {
        const CodecCase c = codecCase("PCMU");
        const QString recB = m_dir.filePath("muted-B.wav");
        auto a = make(m_tone1k8);
        auto b = make({}, recB);
        a->setMuted(true);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 50, 5000);
        a->stop();
        b->stop();
        WavFormat fmt;
        const auto pcm = WavReader::readAll(recB, &fmt);
        QVERIFY(pcm && pcm->size() > 4000);
        QVERIFY2(GoertzelDetector::rms(*pcm) < 50, qPrintable(QString::number(GoertzelDetector::rms(*pcm))));
    }

    void playbackFinishes() {
        const QString shortFile = m_dir.filePath("short.wav");
        {
            ToneGenerator gen(16000, ToneGenerator::sine(1000));
            WavWriter w;
            QVERIFY(w.open(shortFile, WavFormat{16000, 2}));
            std::vector<int16_t> stereo;
            for (int16_t s : gen.generate(16000 / 5)) { // 200 ms, stereo
                stereo.push_back(s);
                stereo.push_back(s);
            }
            QVERIFY(w.write(stereo) && w.close());
        }
        auto a = make(shortFile);
        auto b = make();
        QSignalSpy finished(a.get(), &CallMedia::playbackFinished);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        QVERIFY(finished.wait(3000));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        a->stop();
    }

    void unreadablePlayFile() {
        auto a = make(m_dir.filePath("does-not-exist.wav"));
        auto b = make();
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        QVERIFY(errors.wait(3000));
        QCOMPARE(errors.at(0).at(0).value<CallMediaError>(), CallMediaError::PlayFileUnreadable);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsSent > 5, 3000); // silence goes out anyway
        a->stop();
    }

    void unwritableRecordFile() {
        auto a = make({}, m_dir.filePath("no-such-dir/rec.wav"));
        auto b = make();
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        QVERIFY(errors.wait(3000));
        QCOMPARE(errors.at(0).at(0).value<CallMediaError>(), CallMediaError::RecordFileUnwritable);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsSent > 5, 3000); // the call goes on
        a->stop();
        QCOMPARE(errors.count(), 1);
    }

    void recordsBothSides_data() {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<Security>("security");
        QTest::newRow("PCMU") << QByteArray("PCMU") << Security::Plain;
        QTest::newRow("G722 SRTP") << QByteArray("G722") << Security::Srtp80;
        QTest::newRow("opus") << QByteArray("opus") << Security::Plain;
    }
    void recordsBothSides() {
        // Mid-call, A starts recording: A sends 1 kHz (its play file), B sends 440 Hz. A's file
        // holds both, from the moment it started, for as long as it ran; a second recording
        // afterwards is a file of its own.
        QFETCH(QByteArray, codec);
        QFETCH(Security, security);
        const CodecCase c = codecCase(codec);
        auto a = make(m_long1k8);
        auto b = make(m_long440_48);
        std::optional<sdp::CryptoAttribute> ka, kb;
        if (security != Security::Plain) {
            ka = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
            kb = sdp::CryptoAttribute::generate(1, Suite::AesCm128HmacSha1_80);
        }
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        QSignalSpy failed(a.get(), &CallMedia::recordingFailed);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv, ka, kb));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv, kb, ka));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 25, 5000); // the call is under way

        const QString first = m_dir.filePath(QString("both-1-%1.wav").arg(QTest::currentDataTag()));
        const QString second = m_dir.filePath(QString("both-2-%1.wav").arg(QTest::currentDataTag()));
        QElapsedTimer took;
        took.start();
        QVERIFY(a->startRecording(first));
        QTest::qWait(1500);
        QVERIFY(a->stopRecording());
        const qint64 firstMs = took.elapsed();
        // Complete and in place as soon as stopRecording() returns, while the call goes on.
        QVERIFY(QFileInfo::exists(first));
        const quint64 received = a->stats().packetsReceived;
        QVERIFY(a->startRecording(second));
        QTest::qWait(800);
        QVERIFY(a->stopRecording());
        QVERIFY(a->stats().packetsReceived > received + 20);
        a->stop();
        b->stop();
        QCOMPARE(errors.count(), 0);
        QCOMPARE(failed.count(), 0);

        WavFormat fmt;
        const auto pcm = WavReader::readAll(first, &fmt);
        QVERIFY(pcm);
        QCOMPARE(fmt.channels, 1);
        QCOMPARE(fmt.sampleRate, codec == "G722" ? 16000 : c.clockRate);
        // As long as it ran (stopRecording() returned within firstMs of startRecording()).
        const qint64 lengthMs = int64_t(pcm->size()) * 1000 / fmt.sampleRate;
        QVERIFY2(lengthMs >= 1400 && lengthMs <= firstMs + 50,
                 qPrintable(QString("%1 ms recorded of %2 ms").arg(lengthMs).arg(firstMs)));
        // Both sides, from the start: our own tone at once, the peer's after the jitter buffer.
        const int rate = fmt.sampleRate;
        QVERIFY2(toneIn(*pcm, rate, 0, 200, 1000) > 2000,
                 qPrintable(QString::number(toneIn(*pcm, rate, 0, 200, 1000))));
        QVERIFY2(toneIn(*pcm, rate, 100, 300, 440) > 2000,
                 qPrintable(QString::number(toneIn(*pcm, rate, 100, 300, 440))));
        for (int ms = 300; ms + 200 <= 1400; ms += 200) {
            QVERIFY2(toneIn(*pcm, rate, ms, ms + 200, 1000) > 2000, qPrintable(QString::number(ms)));
            QVERIFY2(toneIn(*pcm, rate, ms, ms + 200, 440) > 2000, qPrintable(QString::number(ms)));
        }
        const auto pcm2 = WavReader::readAll(second, &fmt);
        QVERIFY(pcm2);
        const qint64 length2 = int64_t(pcm2->size()) * 1000 / fmt.sampleRate;
        QVERIFY2(length2 >= 700 && length2 < 1500, qPrintable(QString::number(length2)));
        QVERIFY(toneIn(*pcm2, rate, 100, 700, 1000) > 2000);
        QVERIFY(toneIn(*pcm2, rate, 100, 700, 440) > 2000);
    }

    void recordingKeepsTheTimeLineOnHold() {
        // While B holds A (B sendonly, A recvonly), A sends nothing: A's recording has the hold's
        // length with only B's tone in it, then both again.
        const CodecCase c = codecCase("PCMA");
        auto a = make(m_long1k8);
        auto b = make(m_long440_48);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 25, 5000);
        const QString path = m_dir.filePath("hold.wav");
        QElapsedTimer t;
        t.start();
        QVERIFY(a->startRecording(path));
        QTest::qWait(500);
        const qint64 holdAt = t.elapsed();
        a->start(negotiated(c, *b, sdp::Direction::RecvOnly));
        b->start(negotiated(c, *a, sdp::Direction::SendOnly));
        QTest::qWait(1000);
        const qint64 resumeAt = t.elapsed();
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(negotiated(c, *a, sdp::Direction::SendRecv));
        QTest::qWait(700);
        a->stop(); // ends the recording too
        const qint64 total = t.elapsed();
        b->stop();
        QVERIFY(a->stopRecording()); // stop() finished it: nothing left to do
        WavFormat fmt;
        const auto pcm = WavReader::readAll(path, &fmt);
        QVERIFY(pcm);
        const int rate = fmt.sampleRate;
        const qint64 lengthMs = int64_t(pcm->size()) * 1000 / rate;
        QVERIFY2(lengthMs >= total - 150 && lengthMs <= total + 50,
                 qPrintable(QString("%1 ms recorded of %2 ms").arg(lengthMs).arg(total)));
        QVERIFY(toneIn(*pcm, rate, 50, int(holdAt) - 50, 1000) > 2000);
        QVERIFY(toneIn(*pcm, rate, 50, int(holdAt) - 50, 440) > 2000);
        const int inHoldFrom = int(holdAt) + 200, inHoldTo = int(resumeAt) - 50;
        QVERIFY2(toneIn(*pcm, rate, inHoldFrom, inHoldTo, 1000) < 200,
                 qPrintable(QString::number(toneIn(*pcm, rate, inHoldFrom, inHoldTo, 1000))));
        QVERIFY(toneIn(*pcm, rate, inHoldFrom, inHoldTo, 440) > 2000);
        QVERIFY(toneIn(*pcm, rate, int(resumeAt) + 200, int(total) - 100, 1000) > 2000);
        QVERIFY(toneIn(*pcm, rate, int(resumeAt) + 200, int(total) - 100, 440) > 2000);
    }

    void unwritableRecording() {
        auto a = make(m_tone1k8);
        auto b = make();
        const QString bad = m_dir.filePath("no-such-dir/rec.wav");
        // Not running yet: nothing to record.
        QVERIFY(!a->startRecording(m_dir.filePath("early.wav")));
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        b->start(negotiated(codecCase("PCMU"), *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsSent > 5, 3000);
        QVERIFY(!a->startRecording(bad));
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 3000);
        QCOMPARE(errors.at(0).at(0).value<CallMediaError>(), CallMediaError::RecordFileUnwritable);
        QCOMPARE(errors.at(0).at(1).toString(), bad);
        const quint64 sent = a->stats().packetsSent;
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsSent > sent + 10, 3000); // the call goes on
        QVERIFY(a->stopRecording());                                        // nothing was recording
        QVERIFY(!QFileInfo::exists(bad));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("early.wav")));
        a->stop();
        b->stop();
        QCOMPARE(errors.count(), 1);
    }

    void noAudioDevice() {
        // Without an audio server Qt Multimedia lists no devices: each missing direction is
        // reported once and the call carries on with silence.
        CallMediaOptions o;
        o.useAudioDevices = true;
        auto a = createCallMedia(m_engine.get(), o, QHostAddress::LocalHost);
        auto b = make();
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        b->start(negotiated(codecCase("PCMU"), *a, sdp::Direction::SendRecv));
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 20, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 20, 5000);
        QCOMPARE(errors.count(), 2);
        QSet<CallMediaError> kinds;
        for (const auto &e : errors)
            kinds.insert(e.at(0).value<CallMediaError>());
        QCOMPARE(kinds, (QSet<CallMediaError>{CallMediaError::NoAudioInput, CallMediaError::NoAudioOutput}));
        a->stop();
        b->stop();
    }

    void symmetricRtpLatches() {
        // B is told a wrong port for A (as behind a NAT); A's packets teach B where A really is.
        const CodecCase c = codecCase("PCMU");
        auto a = make(m_tone1k8);
        auto b = make();
        sdp::NegotiatedMedia mb = negotiated(c, *a, sdp::Direction::SendRecv);
        mb.remotePort = quint16(mb.remotePort + 100);
        mb.remoteRtcpPort = quint16(mb.remotePort + 1);
        a->start(negotiated(c, *b, sdp::Direction::SendRecv));
        b->start(mb);
        QTRY_VERIFY_WITH_TIMEOUT(a->stats().packetsReceived > 20, 5000);
        a->stop();
        b->stop();
    }

    void engineOutlivesNothing() {
        // A media object destroyed without stop() cleans up; one outliving its engine does not crash.
        auto engine = std::make_unique<MediaEngine>();
        auto a = createCallMedia(engine.get(), {}, QHostAddress::LocalHost);
        auto b = createCallMedia(engine.get(), {}, QHostAddress::LocalHost);
        a->start(negotiated(codecCase("PCMU"), *b, sdp::Direction::SendRecv));
        QTest::qWait(100);
        b.reset();
        engine.reset();
        a->stop();
        a.reset();
        QVERIFY(!makeCallMediaFactory(nullptr, {})(QHostAddress::LocalHost));
    }
};

int main(int argc, char **argv) {
    // No audio server for this process, whatever the machine runs: the no-device path is tested
    // deterministically (Qt Multimedia on Linux talks to PulseAudio).
    qputenv("PULSE_SERVER", "unix:/nonexistent/parlo-test-no-audio");
    QCoreApplication app(argc, argv);
    TestMediaSession test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mediasession.moc"
