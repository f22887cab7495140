#include "media/JitterBuffer.h"

#include <QTest>

using namespace parlo::media;

using Kind = JitterBuffer::Frame::Kind;

class TestJitterBuffer : public QObject {
    Q_OBJECT

private slots:
    void steadyStream();
    void reorder();
    void loss();
    void duplicates();
    void latePacket();
    void sequenceWrap();
    void underrunRebuffers();
    void burstBeforePlayoutIsDroppedOnce();
    void adaptation();
    void capacityBound();
    void rtpPacketOverload();
};

static QByteArray payload(int seq) {
    return QByteArray::number(seq);
}

// Pops every 20 ms from *now until something other than Empty comes out (at most 20 tries).
static JitterBuffer::Frame popPlayable(JitterBuffer &jb, int64_t *now) {
    for (int i = 0; i < 20; ++i, *now += 20) {
        auto f = jb.pop(*now);
        if (f.kind != Kind::Empty) {
            *now += 20;
            return f;
        }
    }
    return {};
}

// Timestamp of frame n at 8 kHz / 20 ms.
static uint32_t ts(int n) {
    return uint32_t(1000 + n * 160);
}

void TestJitterBuffer::steadyStream() {
    JitterBuffer jb;
    QCOMPARE(jb.targetDelayMs(), 20);
    QList<int> played;
    int emptyPops = 0;
    for (int n = 0; n < 100; ++n) {
        const int64_t now = n * 20;
        QCOMPARE(jb.put(uint16_t(n), ts(n), payload(n), now), JitterBuffer::PutResult::Accepted);
        const auto f = jb.pop(now);
        if (f.kind == Kind::Packet) {
            played.append(f.sequence);
            QCOMPARE(f.payload, payload(f.sequence));
            QCOMPARE(f.timestamp, ts(f.sequence));
        } else {
            QCOMPARE(f.kind, Kind::Empty);
            ++emptyPops;
        }
    }
    QCOMPARE(emptyPops, 1); // one frame of initial buffering
    QCOMPARE(played.size(), 99);
    for (int i = 0; i < played.size(); ++i)
        QCOMPARE(played[i], i);
    QCOMPARE(jb.jitterMs(), 0.0);
    QCOMPARE(jb.stats().missing, 0);
    QCOMPARE(jb.stats().received, 100);
}

void TestJitterBuffer::reorder() {
    JitterBuffer jb;
    // 0, 2, 1, 3 arrive together; play out in order.
    for (int n : {0, 2, 1, 3})
        QCOMPARE(jb.put(uint16_t(n), ts(n), payload(n), 0), JitterBuffer::PutResult::Accepted);
    QCOMPARE(jb.pop(0).kind, Kind::Empty);
    int64_t now = 20;
    for (int n = 0; n < 4; ++n) {
        const auto f = popPlayable(jb, &now);
        QCOMPARE(f.kind, Kind::Packet);
        QCOMPARE(int(f.sequence), n);
    }
}

void TestJitterBuffer::loss() {
    JitterBuffer jb;
    // Packets on time, 2 lost on the way.
    jb.put(0, ts(0), payload(0), 0);
    QCOMPARE(jb.pop(0).kind, Kind::Empty);
    jb.put(1, ts(1), payload(1), 20);
    QCOMPARE(jb.pop(20).sequence, 0);
    QCOMPARE(jb.pop(40).sequence, 1);
    jb.put(3, ts(3), payload(3), 60);
    const auto missing = jb.pop(60);
    QCOMPARE(missing.kind, Kind::Missing);
    QCOMPARE(int(missing.sequence), 2);
    QCOMPARE(missing.next, payload(3)); // for FEC decoding
    QCOMPARE(missing.timestamp, ts(2));
    jb.put(4, ts(4), payload(4), 80);
    QCOMPARE(jb.pop(80).sequence, 3);
    QCOMPARE(jb.pop(100).sequence, 4);
    QCOMPARE(jb.stats().missing, 1);
    // The lost packet turning up now is late.
    QCOMPARE(jb.put(2, ts(2), payload(2), 100), JitterBuffer::PutResult::Late);
}

void TestJitterBuffer::duplicates() {
    JitterBuffer jb;
    QCOMPARE(jb.put(10, ts(10), payload(10), 0), JitterBuffer::PutResult::Accepted);
    QCOMPARE(jb.put(10, ts(10), payload(10), 1), JitterBuffer::PutResult::Duplicate);
    QCOMPARE(jb.put(11, ts(11), payload(11), 20), JitterBuffer::PutResult::Accepted);
    QCOMPARE(jb.put(11, ts(11), payload(11), 21), JitterBuffer::PutResult::Duplicate);
    QCOMPARE(jb.bufferedPackets(), 2);
    QCOMPARE(jb.stats().duplicates, 2);
    jb.pop(20);
    QCOMPARE(jb.pop(40).sequence, 11);
    QCOMPARE(jb.put(10, ts(10), payload(10), 41), JitterBuffer::PutResult::Late); // played already
    QCOMPARE(jb.pop(60).kind, Kind::Empty);
}

void TestJitterBuffer::latePacket() {
    JitterBuffer jb;
    for (int n = 0; n < 5; ++n) {
        jb.put(uint16_t(n), ts(n), payload(n), n * 20);
        jb.pop(n * 20);
    }
    // Frames 0..3 played; 1 arriving again is late, 2 too, and neither disturbs playout.
    QCOMPARE(jb.put(1, ts(1), payload(1), 100), JitterBuffer::PutResult::Late);
    QCOMPARE(jb.put(3, ts(3), payload(3), 100), JitterBuffer::PutResult::Late);
    QCOMPARE(jb.stats().late, 2);
    QCOMPARE(jb.put(5, ts(5), payload(5), 100), JitterBuffer::PutResult::Accepted);
    QCOMPARE(jb.pop(100).sequence, 4);
    QCOMPARE(jb.pop(120).sequence, 5);
}

void TestJitterBuffer::sequenceWrap() {
    JitterBuffer jb;
    QList<int> played;
    for (int i = 0; i < 10; ++i) {
        const uint16_t seq = uint16_t(65530 + i);
        jb.put(seq, ts(i), payload(seq), i * 20);
        const auto f = jb.pop(i * 20);
        if (f.kind == Kind::Packet)
            played.append(f.sequence);
    }
    QCOMPARE(played, (QList<int>{65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2}));
}

void TestJitterBuffer::underrunRebuffers() {
    JitterBuffer jb;
    jb.put(0, ts(0), payload(0), 0);
    jb.pop(0);
    QCOMPARE(jb.pop(20).sequence, 0);
    // Nothing arrives for 100 ms: the consumer is told there is nothing to play.
    QCOMPARE(jb.pop(40).kind, Kind::Empty);
    QVERIFY(!jb.isPlaying());
    QCOMPARE(jb.stats().underruns, 1);
    QCOMPARE(jb.pop(60).kind, Kind::Empty);
    // Packets resume; after re-buffering playout continues from the next one, no frame lost.
    jb.put(1, ts(1), payload(1), 120);
    QCOMPARE(jb.pop(120).kind, Kind::Empty);
    jb.put(2, ts(2), payload(2), 140);
    int64_t now = 140;
    const auto f = popPlayable(jb, &now);
    QCOMPARE(f.kind, Kind::Packet);
    QCOMPARE(int(f.sequence), 1);
}

// The receiver was busy when the call started (libsrtp initialising on the media thread): the
// peer's first 300 ms arrive at once, then packets come every 20 ms. The backlog must be dropped
// before anything plays, not skipped a frame at a time while playing (each skip a break in the
// audio, every 200 ms for seconds: the PCMU + SRTP recording from baresip).
void TestJitterBuffer::burstBeforePlayoutIsDroppedOnce() {
    JitterBuffer jb;
    constexpr int kBurst = 15;
    for (int n = 0; n < kBurst; ++n)
        QCOMPARE(jb.put(uint16_t(n), ts(n), payload(n), 300), JitterBuffer::PutResult::Accepted);
    QList<int> played;
    int breaks = 0;
    for (int i = 0; i < 150; ++i) {
        const int64_t now = 300 + i * 20;
        const int n = kBurst + i;
        jb.put(uint16_t(n), ts(n), payload(n), now);
        const auto f = jb.pop(now);
        if (f.kind == Kind::Packet) {
            if (!played.isEmpty() && int(f.sequence) != played.last() + 1)
                ++breaks;
            played.append(f.sequence);
        } else if (!played.isEmpty()) {
            ++breaks; // Missing or Empty once playing: a break too
        }
    }
    QVERIFY(played.size() > 140);
    QCOMPARE(breaks, 0);
    // The backlog went before the first frame: playout runs at about the target delay.
    QVERIFY2(played.first() >= kBurst - 4, qPrintable(QString::number(played.first())));
    QVERIFY2(jb.bufferedPackets() * 20 <= jb.targetDelayMs() + 20,
             qPrintable(QString::number(jb.bufferedPackets())));
}

void TestJitterBuffer::adaptation() {
    JitterBuffer jb;
    // Network jitter: every other packet is 80 ms late, arrivals then catch up.
    int64_t now = 0;
    int n = 0;
    for (; n < 200; ++n) {
        now = n * 20;
        jb.put(uint16_t(n), ts(n), payload(n), now + (n % 2 ? 80 : 0));
    }
    QVERIFY2(jb.jitterMs() > 40, qPrintable(QString::number(jb.jitterMs())));
    const int high = jb.targetDelayMs();
    QVERIFY2(high >= 140 && high <= 200, qPrintable(QString::number(high)));

    // A calm network afterwards: the estimate decays and the target shrinks to the minimum.
    JitterBuffer::Config c;
    JitterBuffer calm(c);
    for (int i = 0; i < 200; ++i)
        calm.put(uint16_t(i), ts(i), payload(i), i * 20 + (i < 100 && i % 2 ? 80 : 0));
    QVERIFY(calm.targetDelayMs() < high);
    QVERIFY(calm.targetDelayMs() <= 40);

    // Bounded above by maxDelayMs however bad it gets.
    JitterBuffer wild;
    for (int i = 0; i < 100; ++i)
        wild.put(uint16_t(i), ts(i), payload(i), i * 20 + (i % 2 ? 1000 : 0));
    QCOMPARE(wild.targetDelayMs(), 200);
}

void TestJitterBuffer::capacityBound() {
    JitterBuffer::Config config;
    config.capacity = 50;
    JitterBuffer jb(config);
    int overflows = 0;
    for (int n = 0; n < 80; ++n)
        if (jb.put(uint16_t(n), ts(n), payload(n), 0) == JitterBuffer::PutResult::Overflow)
            ++overflows;
    QCOMPARE(overflows, 30);
    QCOMPARE(jb.bufferedPackets(), 50);
    QCOMPARE(jb.stats().overflowDrops, 30);
    // The oldest were dropped: playout starts at 30 and, holding far more than the target, skips
    // frames now and then to shrink the delay.
    int64_t now = 0;
    const auto first = popPlayable(jb, &now);
    QCOMPARE(first.kind, Kind::Packet);
    QVERIFY(first.sequence >= 30);
    int played = 1;
    for (int i = 0; i < 80; ++i, now += 20)
        if (jb.pop(now).kind == Kind::Packet)
            ++played;
    QVERIFY(jb.stats().skipped > 0);
    QCOMPARE(played + jb.stats().skipped, 50);
}

void TestJitterBuffer::rtpPacketOverload() {
    JitterBuffer jb;
    RtpPacket p;
    p.sequence = 7;
    p.timestamp = 1234;
    p.marker = true;
    p.payload = "abc";
    QCOMPARE(jb.put(p, 0), JitterBuffer::PutResult::Accepted);
    jb.pop(0);
    const auto f = jb.pop(20);
    QCOMPARE(f.kind, Kind::Packet);
    QVERIFY(f.marker);
    QCOMPARE(f.payload, QByteArray("abc"));
    QCOMPARE(f.timestamp, 1234u);
}

QTEST_APPLESS_MAIN(TestJitterBuffer)
#include "tst_jitterbuffer.moc"
