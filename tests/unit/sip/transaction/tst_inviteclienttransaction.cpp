#include "TransactionScript.h"
#include "sip/transaction/InviteClientTransaction.h"

#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using namespace parlo::sip::test;

// RFC 3261 §17.1.1, Figure 5.
class TestInviteClientTransaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script_data();
    void script();
    void ackFollowsRfc();
    void stateProperty();
    void transportErrorIsKept();
};

void TestInviteClientTransaction::script_data() {
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("steps");
    const int udp = int(TransportProtocol::Udp), tcp = int(TransportProtocol::Tcp);

    // Timer A starts at T1 and doubles without the T2 cap; Timer B ends Calling after 64*T1.
    QTest::newRow("udp A doubles, B times out") << udp
                                                << QStringList{"send INVITE",
                                                               "wire INVITE @0",
                                                               "state Calling",
                                                               "clock 499",
                                                               "wire none",
                                                               "clock 1",
                                                               "wire INVITE @500",
                                                               "clock 1000",
                                                               "wire INVITE @1500",
                                                               "clock 2000",
                                                               "wire INVITE @3500",
                                                               "clock 4000",
                                                               "wire INVITE @7500",
                                                               "clock 8000",
                                                               "wire INVITE @15500",
                                                               "clock 16000",
                                                               "wire INVITE @31500",
                                                               "clock 499",
                                                               "wire none",
                                                               "tu none",
                                                               "state Calling",
                                                               "clock 1",
                                                               "tu failed Timeout",
                                                               "state Terminated",
                                                               "gone",
                                                               "clock 100000",
                                                               "wire none"};
    QTest::newRow("tcp no A, B times out")
        << tcp
        << QStringList{"send INVITE", "wire INVITE @0",    "clock 31999",      "wire none", "state Calling",
                       "clock 1",     "tu failed Timeout", "state Terminated", "gone"};
    QTest::newRow("udp 1xx stops A and B, 2xx terminates")
        << udp
        << QStringList{"send INVITE", "wire INVITE", "recv 100", "tu response 100", "state Proceeding",
                       "clock 64000", "wire none", "tu none", "state Proceeding", "recv 180",
                       "tu response 180", "state Proceeding", "recv 200", "tu response 200", "wire none",
                       "state Terminated", "gone",
                       // the retransmitted 2xx is the dialog layer's to ACK
                       "recv 200", "tu stray 200", "wire none"};
    QTest::newRow("udp 2xx in Calling")
        << udp
        << QStringList{"send INVITE",     "wire INVITE",      "clock 500", "wire INVITE @500", "recv 200",
                       "tu response 200", "state Terminated", "gone",      "clock 64000",      "wire none"};
    QTest::newRow("tcp 2xx in Proceeding")
        << tcp << QStringList{"send INVITE",     "wire INVITE",      "recv 183",
                              "tu response 183", "state Proceeding", "recv 200",
                              "tu response 200", "state Terminated", "gone"};
    // Non-2xx: ACK from the transaction, retransmitted finals absorbed with the ACK resent, Timer D.
    QTest::newRow("udp non-2xx in Proceeding, D")
        << udp
        << QStringList{
               "send INVITE", "wire INVITE",     "recv 180",     "tu response 180", "clock 10",
               "recv 486",    "tu response 486", "wire ACK @10", "state Completed", "recv 486",
               "wire ACK",    "tu none",         "clock 31999",  "wire none",       "state Completed",
               "recv 486",    "wire ACK",        "tu none",      "clock 1",         "state Terminated",
               "gone",        "recv 486",        "tu stray 486", "wire none"};
    QTest::newRow("udp non-2xx in Calling stops A")
        << udp << QStringList{"send INVITE",      "wire INVITE",
                              "clock 500",        "wire INVITE @500",
                              "recv 503",         "tu response 503",
                              "wire ACK",         "state Completed",
                              "clock 31999",      "wire none",
                              "state Completed",  "clock 1",
                              "state Terminated", "gone"};
    QTest::newRow("tcp non-2xx, D is zero")
        << tcp << QStringList{"send INVITE", "wire INVITE",      "recv 404", "tu response 404",
                              "wire ACK",    "state Terminated", "gone"};
    // §17.1.4 transport errors.
    QTest::newRow("udp send fails at once") << udp
                                            << QStringList{"failsend",
                                                           "send INVITE",
                                                           "wire none",
                                                           "tu none",
                                                           "state Calling",
                                                           "clock 0",
                                                           "tu failed TransportError",
                                                           "state Terminated",
                                                           "gone"};
    QTest::newRow("tcp send fails at once")
        << tcp << QStringList{"failsend",         "send INVITE", "clock 0", "tu failed TransportError",
                              "state Terminated", "gone"};
    QTest::newRow("udp retransmission fails")
        << udp
        << QStringList{"send INVITE",      "wire INVITE", "failsend", "clock 500", "tu failed TransportError",
                       "state Terminated", "gone"};
    QTest::newRow("tcp connection fails later in Calling")
        << tcp << QStringList{"send INVITE",      "wire INVITE", "asyncfail",   "tu failed TransportError",
                              "state Terminated", "gone",        "clock 64000", "tu none"};
    QTest::newRow("udp ICMP error in Proceeding")
        << udp << QStringList{"send INVITE",      "wire INVITE", "recv 180",
                              "tu response 180",  "asyncfail",   "tu failed TransportError",
                              "state Terminated", "gone"};
    QTest::newRow("udp error after the final is no failure")
        << udp << QStringList{"send INVITE", "wire INVITE", "recv 486", "tu response 486",
                              "wire ACK",    "asyncfail",   "tu none",  "state Completed",
                              "failsend",    "recv 486",    "tu none",  "state Terminated",
                              "gone"};
}

void TestInviteClientTransaction::script() {
    QFETCH(int, protocol);
    QFETCH(QStringList, steps);
    TransactionScript s{TransportProtocol(protocol)};
    s.run(steps);
}

void TestInviteClientTransaction::ackFollowsRfc() {
    // §17.1.1.3: Request-URI, Call-ID, From, CSeq number and top Via from the INVITE, To from the
    // response, Route from the INVITE, method ACK.
    TransactionScript s(TransportProtocol::Udp);
    s.run({"send INVITE", "wire INVITE", "recv 404", "tu response 404", "wire ACK"});
    const SipMessage &invite = s.clientRequest;
    const SipMessage ack = SipMessage::parse(s.lastSent.message.toBytes()).message;
    QCOMPARE(ack.method(), QByteArray("ACK"));
    QCOMPARE(ack.requestUri(), invite.requestUri());
    QCOMPARE(ack.callId(), invite.callId());
    QCOMPARE(ack.header(HeaderId::From), invite.header(HeaderId::From));
    QCOMPARE(ack.toTag(), QByteArrayView("bobtag"));
    QCOMPARE(ack.cseq().number, invite.cseq().number);
    QCOMPARE(ack.cseq().method, QByteArray("ACK"));
    QCOMPARE(ack.vias().size(), 1);
    QCOMPARE(ack.topVia(), invite.topVia());
    QCOMPARE(ack.topViaBranch(), QByteArrayView("z9hG4bK-client-1"));
    QCOMPARE(ack.headers(HeaderId::Route), invite.headers(HeaderId::Route));
    QVERIFY(!ack.headers(HeaderId::Route).isEmpty());
    QVERIFY(ack.body().isEmpty());
    QCOMPARE(s.lastSent.destination.toString(), s.server.toString());
    auto *ict = qobject_cast<InviteClientTransaction *>(s.tx.data());
    QVERIFY(ict);
    QCOMPARE(ict->ack().toBytes(), s.lastSent.message.toBytes());
}

void TestInviteClientTransaction::stateProperty() {
    TransactionScript s(TransportProtocol::Udp);
    s.run({"send INVITE", "wire INVITE"});
    QVERIFY(s.tx);
    QCOMPARE(s.tx->property("state").value<Transaction::State>(), Transaction::State::Calling);
    int changes = 0;
    connect(s.tx.data(), &Transaction::stateChanged, this, [&changes] { ++changes; });
    s.run({"recv 180", "tu response 180", "recv 180", "tu response 180"});
    QCOMPARE(changes, 1); // Proceeding once, not per provisional
    QCOMPARE(s.tx->property("state").value<Transaction::State>(), Transaction::State::Proceeding);
    QCOMPARE(s.tx->method(), QByteArray("INVITE"));
    QCOMPARE(s.tx->branch(), QByteArray("z9hG4bK-client-1"));
}

void TestInviteClientTransaction::transportErrorIsKept() {
    TransactionScript s(TransportProtocol::Tcp);
    s.run({"send INVITE", "wire INVITE"});
    auto *c = qobject_cast<ClientTransaction *>(s.tx.data());
    QVERIFY(c);
    QCOMPARE(c->failure(), Transaction::Failure::None);
    s.transport.reportSendFailed(s.server, TransportError::Kind::ConnectTimeout);
    QCOMPARE(c->failure(), Transaction::Failure::TransportError);
    QCOMPARE(c->transportError().kind, TransportError::Kind::ConnectTimeout);
    s.run({"tu failed TransportError", "state Terminated"});
}

QTEST_GUILESS_MAIN(TestInviteClientTransaction)
#include "tst_inviteclienttransaction.moc"
