#include "TransactionScript.h"
#include "sip/transaction/NonInviteClientTransaction.h"

#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using namespace parlo::sip::test;

// RFC 3261 §17.1.2, Figure 6.
class TestNonInviteClientTransaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script_data();
    void script();
    void createdForEveryMethodButInvite();
};

void TestNonInviteClientTransaction::script_data() {
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("steps");
    const int udp = int(TransportProtocol::Udp), tcp = int(TransportProtocol::Tcp);

    // Timer E: T1, doubling, capped at T2 (4 s); Timer F after 64*T1.
    QTest::newRow("udp E doubles up to T2, F times out") << udp
                                                         << QStringList{"send OPTIONS",
                                                                        "wire OPTIONS @0",
                                                                        "state Trying",
                                                                        "clock 499",
                                                                        "wire none",
                                                                        "clock 1",
                                                                        "wire OPTIONS @500",
                                                                        "clock 1000",
                                                                        "wire OPTIONS @1500",
                                                                        "clock 2000",
                                                                        "wire OPTIONS @3500",
                                                                        "clock 4000",
                                                                        "wire OPTIONS @7500",
                                                                        "clock 4000",
                                                                        "wire OPTIONS @11500",
                                                                        "clock 4000",
                                                                        "wire OPTIONS @15500",
                                                                        "clock 16000",
                                                                        "wire OPTIONS @19500",
                                                                        "wire OPTIONS @23500",
                                                                        "wire OPTIONS @27500",
                                                                        "wire OPTIONS @31500",
                                                                        "clock 499",
                                                                        "wire none",
                                                                        "tu none",
                                                                        "state Trying",
                                                                        "clock 1",
                                                                        "tu failed Timeout",
                                                                        "state Terminated",
                                                                        "gone",
                                                                        "clock 100000",
                                                                        "wire none"};
    QTest::newRow("udp provisional: E fires every T2") << udp
                                                       << QStringList{"send REGISTER",
                                                                      "wire REGISTER @0",
                                                                      "clock 500",
                                                                      "wire REGISTER @500",
                                                                      "recv 100",
                                                                      "tu response 100",
                                                                      "state Proceeding",
                                                                      "clock 999",
                                                                      "wire none",
                                                                      "clock 1",
                                                                      "wire REGISTER @1500",
                                                                      "clock 3999",
                                                                      "wire none",
                                                                      "clock 1",
                                                                      "wire REGISTER @5500",
                                                                      "clock 4000",
                                                                      "wire REGISTER @9500",
                                                                      "recv 180",
                                                                      "tu response 180",
                                                                      "state Proceeding",
                                                                      "recv 200",
                                                                      "tu response 200",
                                                                      "state Completed",
                                                                      "clock 64000",
                                                                      "wire none",
                                                                      "tu none",
                                                                      "state Terminated",
                                                                      "gone"};
    QTest::newRow("udp F times out in Proceeding")
        << udp << QStringList{"send BYE",          "wire BYE @0",      "recv 100",
                              "tu response 100",   "clock 500",        "wire BYE @500",
                              "clock 4000",        "wire BYE @4500",   "clock 27499",
                              "wire BYE @8500",    "wire BYE @12500",  "wire BYE @16500",
                              "wire BYE @20500",   "wire BYE @24500",  "wire BYE @28500",
                              "wire none",         "state Proceeding", "clock 1",
                              "tu failed Timeout", "state Terminated", "gone"};
    QTest::newRow("tcp no E, F times out in Trying")
        << tcp << QStringList{"send OPTIONS", "wire OPTIONS",      "clock 31999", "wire none",
                              "clock 1",      "tu failed Timeout", "gone"};
    QTest::newRow("tcp F times out in Proceeding") << tcp << QStringList{"send SUBSCRIBE",
                                                                         "wire SUBSCRIBE",
                                                                         "recv 100",
                                                                         "tu response 100",
                                                                         "clock 31999",
                                                                         "wire none",
                                                                         "state Proceeding",
                                                                         "clock 1",
                                                                         "tu failed Timeout",
                                                                         "state Terminated",
                                                                         "gone"};
    // Final response in Trying; Timer K absorbs retransmitted finals.
    QTest::newRow("udp final in Trying, K")
        << udp
        << QStringList{"send OPTIONS",    "wire OPTIONS", "clock 100",        "recv 200", "tu response 200",
                       "state Completed", "clock 4999",   "wire none",        "recv 200", "tu none",
                       "state Completed", "clock 1",      "state Terminated", "gone",     "recv 200",
                       "tu stray 200"};
    QTest::newRow("udp error final in Proceeding")
        << udp << QStringList{"send MESSAGE",     "wire MESSAGE", "recv 100",
                              "tu response 100",  "recv 404",     "tu response 404",
                              "state Completed",  "recv 100",     "recv 404",
                              "tu none",          "wire none",    "clock 5000",
                              "state Terminated", "gone"};
    QTest::newRow("tcp final, K is zero")
        << tcp << QStringList{"send OPTIONS",    "wire OPTIONS",     "recv 401",
                              "tu response 401", "state Terminated", "gone"};
    // §17.1.4 transport errors.
    QTest::newRow("udp send fails at once")
        << udp
        << QStringList{
               "failsend",         "send OPTIONS", "state Trying", "clock 0", "tu failed TransportError",
               "state Terminated", "gone"};
    QTest::newRow("udp retransmission fails") << udp
                                              << QStringList{"send OPTIONS",
                                                             "wire OPTIONS",
                                                             "clock 500",
                                                             "wire OPTIONS",
                                                             "failsend",
                                                             "clock 1000",
                                                             "tu failed TransportError",
                                                             "state Terminated",
                                                             "gone"};
    QTest::newRow("tcp connection fails later")
        << tcp
        << QStringList{"send OPTIONS", "wire OPTIONS", "asyncfail", "tu failed TransportError", "gone"};
    QTest::newRow("tcp failure after the final is ignored")
        << udp << QStringList{"send OPTIONS",    "wire OPTIONS", "recv 200",
                              "tu response 200", "asyncfail",    "tu none",
                              "state Completed", "clock 5000",   "gone"};
}

void TestNonInviteClientTransaction::script() {
    QFETCH(int, protocol);
    QFETCH(QStringList, steps);
    TransactionScript s{TransportProtocol(protocol)};
    s.run(steps);
}

void TestNonInviteClientTransaction::createdForEveryMethodButInvite() {
    TransactionScript s(TransportProtocol::Udp);
    s.run({"send CANCEL", "wire CANCEL"});
    QVERIFY(qobject_cast<NonInviteClientTransaction *>(s.tx.data()));
    QCOMPARE(s.tx->state(), Transaction::State::Trying);
    TransactionScript i(TransportProtocol::Udp);
    i.run({"send INVITE", "wire INVITE"});
    QVERIFY(!qobject_cast<NonInviteClientTransaction *>(i.tx.data()));
}

QTEST_GUILESS_MAIN(TestNonInviteClientTransaction)
#include "tst_noninviteclienttransaction.moc"
