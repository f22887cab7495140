#include "TransactionScript.h"
#include "sip/transaction/InviteServerTransaction.h"

#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using namespace parlo::sip::test;

// RFC 3261 §17.2.1, Figure 7.
class TestInviteServerTransaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script_data();
    void script();
    void trying100IsAResponseToTheInvite();
    void respondsOverTheRequestConnection();
};

void TestInviteServerTransaction::script_data() {
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("steps");
    const int udp = int(TransportProtocol::Udp), tcp = int(TransportProtocol::Tcp);

    QTest::newRow("udp 100 after 200 ms, retransmissions get the latest provisional, 2xx")
        << udp
        << QStringList{"recv INVITE", "tu request INVITE", "state Proceeding", "clock 199", "wire none",
                       "clock 1", "wire 100 @200", "recv INVITE", "wire 100", "tu none", "respond 180",
                       "wire 180", "state Proceeding", "recv INVITE", "wire 180", "respond 200", "wire 200",
                       "state Terminated", "gone", "clock 64000", "wire none",
                       // the ACK for a 2xx belongs to the dialog layer
                       "recv ACK", "tu layer-ack", "wire none"};
    QTest::newRow("tcp 100 after 200 ms")
        << tcp << QStringList{"recv INVITE", "tu request INVITE", "clock 200",        "wire 100 @200",
                              "respond 200", "wire 200",          "state Terminated", "gone"};
    QTest::newRow("no 100 when the TU answers within 200 ms")
        << udp << QStringList{"recv INVITE",   "tu request INVITE", "clock 150", "respond 180",
                              "wire 180 @150", "clock 10000",       "wire none", "state Proceeding"};
    QTest::newRow("retransmission before any provisional is absorbed")
        << udp << QStringList{"recv INVITE", "tu request INVITE", "clock 100", "recv INVITE",
                              "wire none",   "tu none",           "clock 100", "wire 100 @200"};
    // Non-2xx: Timer G retransmits (T1 doubling, capped at T2) until ACK; Timer H gives up.
    QTest::newRow("udp non-2xx, G doubles to T2, H fails") << udp
                                                           << QStringList{"recv INVITE",
                                                                          "tu request INVITE",
                                                                          "respond 486",
                                                                          "wire 486 @0",
                                                                          "state Completed",
                                                                          "clock 499",
                                                                          "wire none",
                                                                          "clock 1",
                                                                          "wire 486 @500",
                                                                          "clock 1000",
                                                                          "wire 486 @1500",
                                                                          "clock 2000",
                                                                          "wire 486 @3500",
                                                                          "clock 4000",
                                                                          "wire 486 @7500",
                                                                          "clock 24000",
                                                                          "wire 486 @11500",
                                                                          "wire 486 @15500",
                                                                          "wire 486 @19500",
                                                                          "wire 486 @23500",
                                                                          "wire 486 @27500",
                                                                          "wire 486 @31500",
                                                                          "clock 499",
                                                                          "wire none",
                                                                          "tu none",
                                                                          "clock 1",
                                                                          "tu failed Timeout",
                                                                          "state Terminated",
                                                                          "gone"};
    QTest::newRow("udp non-2xx, ACK confirms, I absorbs") << udp << QStringList{"recv INVITE",
                                                                                "tu request INVITE",
                                                                                "clock 100",
                                                                                "respond 404",
                                                                                "wire 404",
                                                                                "recv INVITE",
                                                                                "wire 404",
                                                                                "tu none",
                                                                                "clock 500",
                                                                                "wire 404 @600",
                                                                                "recv ACK",
                                                                                "tu ack",
                                                                                "state Confirmed",
                                                                                "recv ACK",
                                                                                "tu none",
                                                                                "recv INVITE",
                                                                                "wire none",
                                                                                "clock 4999",
                                                                                "state Confirmed",
                                                                                "wire none",
                                                                                "clock 1",
                                                                                "state Terminated",
                                                                                "gone",
                                                                                "tu none"};
    QTest::newRow("tcp non-2xx: no G, ACK, I is zero")
        << tcp << QStringList{"recv INVITE",     "tu request INVITE", "respond 603", "wire 603",
                              "state Completed", "clock 31999",       "wire none",   "recv ACK",
                              "tu ack",          "state Terminated",  "gone"};
    QTest::newRow("tcp non-2xx: H fails without ACK")
        << tcp << QStringList{"recv INVITE", "tu request INVITE", "respond 480",
                              "wire 480",    "clock 31999",       "state Completed",
                              "clock 1",     "tu failed Timeout", "state Terminated",
                              "gone"};
    QTest::newRow("response in Completed is ignored")
        << udp << QStringList{"recv INVITE", "tu request INVITE", "respond 486",    "wire 486",
                              "respond 200", "wire none",         "state Completed"};
    // §17.2.4 transport errors.
    QTest::newRow("provisional cannot be sent")
        << udp << QStringList{"recv INVITE", "tu request INVITE",        "failsend",
                              "respond 180", "tu failed TransportError", "state Terminated",
                              "gone"};
    QTest::newRow("automatic 100 cannot be sent")
        << tcp << QStringList{"recv INVITE", "tu request INVITE",        "failsend",
                              "clock 200",   "tu failed TransportError", "state Terminated",
                              "gone"};
    QTest::newRow("G retransmission cannot be sent")
        << udp
        << QStringList{"recv INVITE", "tu request INVITE",        "respond 486",      "wire 486", "failsend",
                       "clock 500",   "tu failed TransportError", "state Terminated", "gone"};
    QTest::newRow("connection fails after the final")
        << tcp << QStringList{"recv INVITE", "tu request INVITE",        "respond 486",      "wire 486",
                              "asyncfail",   "tu failed TransportError", "state Terminated", "gone"};
}

void TestInviteServerTransaction::script() {
    QFETCH(int, protocol);
    QFETCH(QStringList, steps);
    TransactionScript s{TransportProtocol(protocol)};
    s.run(steps);
}

void TestInviteServerTransaction::trying100IsAResponseToTheInvite() {
    TransactionScript s(TransportProtocol::Udp);
    s.run({"recv INVITE", "tu request INVITE", "clock 200", "wire 100"});
    const SipMessage &trying = s.lastSent.message;
    QCOMPARE(trying.callIdView(), QByteArrayView("call-server-1"));
    QCOMPARE(trying.cseqNumber(), 7u);
    QCOMPARE(trying.cseqMethod(), QByteArrayView("INVITE"));
    QCOMPARE(trying.topViaBranch(), QByteArrayView("z9hG4bK-server-1"));
    QVERIFY(trying.toTag().isEmpty());
    QVERIFY(qobject_cast<InviteServerTransaction *>(s.tx.data()));
}

void TestInviteServerTransaction::respondsOverTheRequestConnection() {
    TransactionScript s(TransportProtocol::Tcp);
    s.run({"recv INVITE", "tu request INVITE", "respond 486", "wire 486"});
    QCOMPARE(s.lastSent.connectionId, quint64(7));
    QCOMPARE(s.lastSent.destination.protocol, TransportProtocol::Tcp);
    QCOMPARE(s.lastSent.destination.address, QHostAddress("203.0.113.5"));
    QCOMPARE(s.lastSent.message.toTag(), QByteArrayView("bobtag"));
}

QTEST_GUILESS_MAIN(TestInviteServerTransaction)
#include "tst_inviteservertransaction.moc"
