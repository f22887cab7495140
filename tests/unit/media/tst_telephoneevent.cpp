#include "media/DtmfReceiver.h"
#include "media/DtmfSender.h"
#include "media/TelephoneEvent.h"

#include <QTest>

using namespace parlo::media;

class TestTelephoneEvent : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void parseIgnoresReservedBit();
    void tooShort();
    void digits();
    void senderSchedule();
    void senderOptions();
    void senderRejects();
    void receiverFromSender();
    void receiverDedupesEnds();
    void receiverLostEnd();
    void receiverIgnoresOld();
    void receiverFlush();
};

void TestTelephoneEvent::roundTrip_data() {
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("event");
    QTest::addColumn<bool>("end");
    QTest::addColumn<int>("volume");
    QTest::addColumn<int>("duration");
    QTest::newRow("digit 1 start") << QByteArray::fromHex("010a00a0") << 1 << false << 10 << 160;
    QTest::newRow("# end") << QByteArray::fromHex("0b8a0640") << 11 << true << 10 << 1600;
    QTest::newRow("D max volume field") << QByteArray::fromHex("0fbfffff") << 15 << true << 63 << 65535;
    QTest::newRow("zero") << QByteArray::fromHex("00000000") << 0 << false << 0 << 0;
}

void TestTelephoneEvent::roundTrip() {
    QFETCH(QByteArray, wire);
    const auto e = TelephoneEvent::parse(wire);
    QVERIFY(e);
    QTEST(int(e->event), "event");
    QTEST(e->end, "end");
    QTEST(int(e->volume), "volume");
    QTEST(int(e->duration), "duration");
    QCOMPARE(e->toBytes(), wire);
}

void TestTelephoneEvent::parseIgnoresReservedBit() {
    const auto e = TelephoneEvent::parse(QByteArray::fromHex("05ca0320"));
    QVERIFY(e);
    QVERIFY(e->end);
    QCOMPARE(e->volume, 10);
    QCOMPARE(e->toBytes(), QByteArray::fromHex("058a0320")); // R is sent as zero
}

void TestTelephoneEvent::tooShort() {
    MediaError error;
    QVERIFY(!TelephoneEvent::parse(QByteArray::fromHex("0102"), &error));
    QCOMPARE(error.kind, MediaError::Kind::TooShort);
}

void TestTelephoneEvent::digits() {
    const QByteArray all = "0123456789*#ABCD";
    for (int i = 0; i < 16; ++i) {
        QCOMPARE(TelephoneEvent::eventForDigit(all[i]), i);
        QCOMPARE(TelephoneEvent::digitForEvent(i), all[i]);
    }
    QCOMPARE(TelephoneEvent::eventForDigit('b'), 13);
    QCOMPARE(TelephoneEvent::eventForDigit('x'), -1);
    QCOMPARE(TelephoneEvent::digitForEvent(16), '\0');
}

void TestTelephoneEvent::senderSchedule() {
    // 160 ms of '5' at 8 kHz: updates at 0, 50, 100, 150 ms, then three end packets.
    const auto packets = DtmfSender::schedule('5', 160);
    QCOMPARE(packets.size(), 7);
    const QList<int> offsets{0, 50, 100, 150, 160, 180, 200};
    const QList<int> durations{400, 800, 1200, 1280, 1280, 1280, 1280};
    for (int i = 0; i < packets.size(); ++i) {
        QCOMPARE(packets[i].offsetMs, offsets[i]);
        QCOMPARE(packets[i].event.duration, durations[i]);
        QCOMPARE(packets[i].event.event, 5);
        QCOMPARE(packets[i].event.volume, 10);
        QCOMPARE(packets[i].marker, i == 0);
        QCOMPARE(packets[i].event.end, i >= 4);
    }
    // Durations never shrink.
    for (int i = 1; i < packets.size(); ++i)
        QVERIFY(packets[i].event.duration >= packets[i - 1].event.duration);
}

void TestTelephoneEvent::senderOptions() {
    DtmfSender::Options o;
    o.clockRate = 48000; // telephone-event/48000 alongside opus
    o.intervalMs = 20;
    o.volume = 7;
    const auto packets = DtmfSender::schedule('#', 100, o);
    QCOMPARE(packets.size(), 5 + 3);
    QCOMPARE(packets.last().event.duration, 4800);
    QCOMPARE(packets.first().event.duration, 960);
    QCOMPARE(packets.first().event.volume, 7);
    // The 16-bit duration caps the tone length: 65535 / 48000 s.
    const auto longTone = DtmfSender::schedule('1', 5000, o);
    QCOMPARE(longTone.last().event.duration, 65520);
    // Too short a tone is stretched to 40 ms.
    QCOMPARE(DtmfSender::schedule('1', 5).last().event.duration, 320);
}

void TestTelephoneEvent::senderRejects() {
    QVERIFY(DtmfSender::schedule('x', 100).isEmpty());
}

void TestTelephoneEvent::receiverFromSender() {
    DtmfReceiver receiver;
    QList<DtmfReceiver::Digit> got;
    uint32_t ts = 1000;
    for (char d : QByteArray("19#")) {
        for (const auto &p : DtmfSender::schedule(d, 100))
            got += receiver.onPacket(ts, p.event);
        ts += 8000;
    }
    QCOMPARE(got.size(), 3);
    QCOMPARE(got[0], (DtmfReceiver::Digit{'1', 100, 1000}));
    QCOMPARE(got[1], (DtmfReceiver::Digit{'9', 100, 9000}));
    QCOMPARE(got[2], (DtmfReceiver::Digit{'#', 100, 17000}));
    QVERIFY(receiver.flush().isEmpty());
}

void TestTelephoneEvent::receiverDedupesEnds() {
    DtmfReceiver receiver;
    const TelephoneEvent update{4, false, 10, 400};
    const TelephoneEvent end{4, true, 10, 800};
    QVERIFY(receiver.onPacket(50, update).isEmpty());
    QCOMPARE(receiver.onPacket(50, end).size(), 1);
    QVERIFY(receiver.onPacket(50, end).isEmpty());
    QVERIFY(receiver.onPacket(50, end).isEmpty());
    QVERIFY(receiver.onPacket(50, update).isEmpty()); // a late update does not restart it
    // Same digit again is a new event (new timestamp).
    const auto again = receiver.onPacket(2000, end);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again[0].digit, '4');
    QCOMPARE(again[0].durationMs, 100);
}

void TestTelephoneEvent::receiverLostEnd() {
    // All end packets of '7' lost: reported with its last duration when '8' starts.
    DtmfReceiver receiver;
    QVERIFY(receiver.onPacket(100, TelephoneEvent{7, false, 10, 400}).isEmpty());
    QVERIFY(receiver.onPacket(100, TelephoneEvent{7, false, 10, 800}).isEmpty());
    const auto got = receiver.onPacket(5000, TelephoneEvent{8, false, 10, 400});
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0], (DtmfReceiver::Digit{'7', 100, 100}));
    const auto eight = receiver.onPacket(5000, TelephoneEvent{8, true, 10, 960});
    QCOMPARE(eight.size(), 1);
    QCOMPARE(eight[0], (DtmfReceiver::Digit{'8', 120, 5000}));
}

void TestTelephoneEvent::receiverIgnoresOld() {
    DtmfReceiver receiver;
    QCOMPARE(receiver.onPacket(0xfffffff0u, TelephoneEvent{1, true, 10, 800}).size(), 1);
    // Across the 32-bit timestamp wrap the next event is newer.
    QCOMPARE(receiver.onPacket(0x10, TelephoneEvent{2, true, 10, 800}).size(), 1);
    // A stray retransmission of the first event arriving late is ignored.
    QVERIFY(receiver.onPacket(0xfffffff0u, TelephoneEvent{1, true, 10, 800}).isEmpty());
    // Non-DTMF events (e.g. 32, fax CNG per RFC 4734) are ignored.
    QVERIFY(receiver.onPacket(0x2000, TelephoneEvent{36, true, 10, 800}).isEmpty());
}

void TestTelephoneEvent::receiverFlush() {
    DtmfReceiver receiver(48000);
    QVERIFY(receiver.onPacket(7, TelephoneEvent{0, false, 10, 4800}).isEmpty());
    const auto got = receiver.flush();
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0], (DtmfReceiver::Digit{'0', 100, 7}));
    QVERIFY(receiver.flush().isEmpty());
    // The flushed event's end packets arriving afterwards do not report it twice.
    QVERIFY(receiver.onPacket(7, TelephoneEvent{0, true, 10, 9600}).isEmpty());
}

QTEST_APPLESS_MAIN(TestTelephoneEvent)
#include "tst_telephoneevent.moc"
