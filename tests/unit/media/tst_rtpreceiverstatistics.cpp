// RFC 3550 receiver statistics with synthetic sequences: loss (A.3), wrap-around and extended
// sequence numbers (A.1), reordering, duplicates, source restarts and jitter (A.8).
#include "media/RtpReceiverStatistics.h"

#include <QTest>

using namespace parlo::media;

namespace {
// Feeds sequence numbers arriving exactly on time (20 ms frames at 8 kHz): no jitter.
void feed(RtpReceiverStatistics &s, const QList<int> &seqs, uint16_t firstSeq = 0) {
    for (int seq : seqs) {
        const uint16_t d = uint16_t(seq - firstSeq);
        s.update(uint16_t(seq), uint32_t(d) * 160u, double(d) * 20.0);
    }
}
} // namespace

class TestRtpReceiverStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loss_data() {
        QTest::addColumn<QList<int>>("sequence");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<qint64>("lost");
        QTest::addColumn<quint32>("extendedHighest");
        QTest::addColumn<int>("fractionLost"); // of 256

        QTest::newRow("in order") << QList<int>{10, 11, 12, 13} << qint64(4) << qint64(0) << 13u << 0;
        QTest::newRow("one lost") << QList<int>{10, 11, 13, 14} << qint64(5) << qint64(1) << 14u << 51;
        QTest::newRow("half lost") << QList<int>{0, 2, 4, 6} << qint64(7) << qint64(3) << 6u << 109;
        QTest::newRow("reordered") << QList<int>{10, 12, 11, 13} << qint64(4) << qint64(0) << 13u << 0;
        QTest::newRow("duplicate: negative loss")
            << QList<int>{10, 11, 11, 12} << qint64(3) << qint64(-1) << 12u << 0;
        QTest::newRow("wrap") << QList<int>{65534, 65535, 0, 1} << qint64(4) << qint64(0) << 65537u << 0;
        QTest::newRow("wrap with loss") << QList<int>{65534, 0, 2} << qint64(5) << qint64(2) << 65538u << 102;
        QTest::newRow("reordered across wrap")
            << QList<int>{65534, 0, 65535, 1} << qint64(4) << qint64(0) << 65537u << 0;
    }
    void loss() {
        QFETCH(QList<int>, sequence);
        QFETCH(qint64, expected);
        QFETCH(qint64, lost);
        QFETCH(quint32, extendedHighest);
        QFETCH(int, fractionLost);
        RtpReceiverStatistics s(8000);
        feed(s, sequence, uint16_t(sequence.first()));
        QCOMPARE(s.expected(), expected);
        QCOMPARE(s.cumulativeLost(), lost);
        QCOMPARE(s.extendedHighest(), extendedHighest);
        const RtcpReportBlock b = s.makeReportBlock(0x1234);
        QCOMPARE(b.ssrc, 0x1234u);
        QCOMPARE(int(b.fractionLost), fractionLost);
        QCOMPARE(b.cumulativeLost, int32_t(lost));
        QCOMPARE(b.extendedHighestSequence, extendedHighest);
        QCOMPARE(s.lossPercent(), lost > 0 ? lost * 100.0 / double(expected) : 0.0);
    }

    void fractionIsPerInterval() {
        RtpReceiverStatistics s(8000);
        feed(s, {0, 1, 3, 4}); // 1 of 5 lost
        QCOMPARE(int(s.makeReportBlock(1).fractionLost), 51);
        feed(s, {5, 6, 7, 8, 9}); // none lost in this interval
        const RtcpReportBlock b = s.makeReportBlock(1);
        QCOMPARE(int(b.fractionLost), 0);
        QCOMPARE(b.cumulativeLost, 1);
        // Nothing new at all: fraction 0, not a division by zero.
        QCOMPARE(int(s.makeReportBlock(1).fractionLost), 0);
    }

    void largeJumpNeedsConfirmation() {
        RtpReceiverStatistics s(8000);
        feed(s, {100, 101, 102});
        // A stray packet far away is rejected …
        QVERIFY(!s.update(40000, 0, 100));
        QCOMPARE(s.extendedHighest(), 102u);
        QCOMPARE(s.received(), 3);
        // … but two in a row mean the source restarted its sequence: statistics start over.
        QVERIFY(!s.update(50000, 0, 100));
        QVERIFY(s.update(50001, 160, 120));
        QCOMPARE(s.extendedHighest(), 50001u);
        QCOMPARE(s.received(), 1);
        QCOMPARE(s.cumulativeLost(), 0);
    }

    void jitter_data() {
        QTest::addColumn<int>("clockRate");
        QTest::addColumn<QList<double>>("arrivalOffsetsMs"); // deviation of each arrival from its slot
        QTest::addColumn<double>("minMs");
        QTest::addColumn<double>("maxMs");
        QTest::newRow("steady") << 8000 << QList<double>(50, 0.0) << 0.0 << 0.0;
        QList<double> alternating;
        for (int i = 0; i < 400; ++i)
            alternating << (i % 2 ? 5.0 : 0.0);
        // |D| is always 5 ms: the estimate converges to 5 ms.
        QTest::newRow("alternating 5 ms 8k") << 8000 << alternating << 4.9 << 5.0;
        QTest::newRow("alternating 5 ms 48k") << 48000 << alternating << 4.9 << 5.0;
        QList<double> oneSpike(100, 0.0);
        oneSpike[50] = 16.0;
        // Two differences of 16 ms, each weighed 1/16, then decaying for 49 packets.
        QTest::newRow("one late packet") << 8000 << oneSpike << 0.001 << 0.2;
    }
    void jitter() {
        QFETCH(int, clockRate);
        QFETCH(QList<double>, arrivalOffsetsMs);
        QFETCH(double, minMs);
        QFETCH(double, maxMs);
        RtpReceiverStatistics s(clockRate);
        const uint32_t tsBase = 0xfffff000u; // the RTP timestamp wraps during the run
        const uint32_t step = uint32_t(clockRate / 50);
        for (int i = 0; i < arrivalOffsetsMs.size(); ++i)
            s.update(uint16_t(i), tsBase + uint32_t(i) * step, 1000.0 + i * 20.0 + arrivalOffsetsMs[i]);
        QVERIFY2(s.jitterMs() >= minMs && s.jitterMs() <= maxMs, qPrintable(QString::number(s.jitterMs())));
        QCOMPARE(s.makeReportBlock(1).jitter, uint32_t(s.jitterUnits()));
    }

    void eventsDoNotCountAsJitter() {
        RtpReceiverStatistics s(8000);
        // RFC 4733 packets repeat one timestamp every 20 ms; fed with updateJitter=false.
        for (int i = 0; i < 20; ++i)
            s.update(uint16_t(i), 1000, i * 20.0, false);
        QCOMPARE(s.jitterMs(), 0.0);
        QCOMPARE(s.received(), 20);
    }

    void cumulativeLostClampsTo24Bits() {
        RtpReceiverStatistics s(8000);
        s.update(0, 0, 0);
        // Walk forward in steps under the dropout limit without receiving the packets between.
        uint16_t seq = 0;
        for (int i = 0; i < 3000; ++i) {
            seq = uint16_t(seq + 2999);
            s.update(seq, 0, 0, false);
        }
        QVERIFY(s.cumulativeLost() > 0x7fffff);
        QCOMPARE(s.makeReportBlock(1).cumulativeLost, 0x7fffff);
    }
};

QTEST_GUILESS_MAIN(TestRtpReceiverStatistics)
#include "tst_rtpreceiverstatistics.moc"
