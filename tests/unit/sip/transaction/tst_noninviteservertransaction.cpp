#include "TransactionScript.h"
#include "sip/transaction/NonInviteServerTransaction.h"

#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using namespace parlo::sip::test;

// RFC 3261 §17.2.2, Figure 8.
class TestNonInviteServerTransaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script_data();
    void script();
};

void TestNonInviteServerTransaction::script_data() {
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("steps");
    const int udp = int(TransportProtocol::Udp), tcp = int(TransportProtocol::Tcp);

    QTest::newRow("udp Trying absorbs, final, J")
        << udp
        << QStringList{"recv OPTIONS", "tu request OPTIONS", "state Trying", "recv OPTIONS", "wire none",
                       "tu none", "clock 1000", "wire none", "respond 200", "wire 200 @1000",
                       "state Completed", "recv OPTIONS", "wire 200", "tu none", "clock 31999",
                       "state Completed", "recv OPTIONS", "wire 200", "clock 1", "state Terminated", "gone",
                       // after Timer J the same request is new again
                       "recv OPTIONS", "tu request OPTIONS", "state Trying"};
    QTest::newRow("udp provisional, retransmissions get it")
        << udp
        << QStringList{"recv BYE", "tu request BYE",   "respond 100", "wire 100",         "state Proceeding",
                       "recv BYE", "wire 100",         "respond 183", "wire 183",         "recv BYE",
                       "wire 183", "state Proceeding", "respond 486", "wire 486",         "state Completed",
                       "recv BYE", "wire 486",         "clock 32000", "state Terminated", "gone"};
    QTest::newRow("tcp final, J is zero")
        << tcp << QStringList{"recv MESSAGE", "tu request MESSAGE", "respond 202",
                              "wire 202",     "state Terminated",   "gone"};
    QTest::newRow("tcp provisional then final")
        << tcp << QStringList{"recv REGISTER", "tu request REGISTER", "respond 100",
                              "wire 100",      "state Proceeding",    "respond 401",
                              "wire 401",      "state Terminated",    "gone"};
    QTest::newRow("response after the final is ignored")
        << udp << QStringList{"recv OPTIONS", "tu request OPTIONS", "respond 200",    "wire 200",
                              "respond 500",  "wire none",          "state Completed"};
    QTest::newRow("CANCEL is a request for the TU")
        << udp
        << QStringList{"recv CANCEL", "tu request CANCEL", "respond 481", "wire 481", "state Completed"};
    // §17.2.4 transport errors.
    QTest::newRow("final cannot be sent")
        << udp << QStringList{"recv OPTIONS", "tu request OPTIONS",       "failsend",
                              "respond 200",  "tu failed TransportError", "state Terminated",
                              "gone"};
    QTest::newRow("provisional cannot be sent")
        << tcp << QStringList{"recv OPTIONS", "tu request OPTIONS",       "failsend",
                              "respond 100",  "tu failed TransportError", "state Terminated",
                              "gone"};
    QTest::newRow("retransmitted final cannot be sent")
        << udp
        << QStringList{"recv OPTIONS", "tu request OPTIONS",       "respond 200",      "wire 200", "failsend",
                       "recv OPTIONS", "tu failed TransportError", "state Terminated", "gone"};
}

void TestNonInviteServerTransaction::script() {
    QFETCH(int, protocol);
    QFETCH(QStringList, steps);
    TransactionScript s{TransportProtocol(protocol)};
    s.run(steps);
}

QTEST_GUILESS_MAIN(TestNonInviteServerTransaction)
#include "tst_noninviteservertransaction.moc"
