#include "TransactionScript.h"
#include "sip/transaction/InviteServerTransaction.h"
#include "sip/transaction/NonInviteServerTransaction.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using namespace parlo::sip::test;

Q_DECLARE_METATYPE(parlo::sip::TransportProtocol)

namespace {

SipMessage parse(const QByteArray &text) {
    const SipParseResult r = SipMessage::parse(FakeTransportLayer::crlf(text));
    if (!r.ok())
        qWarning() << "test message does not parse:" << r.error.reason << text;
    return r.message;
}

// A request from a remote UA with the given top Via and To tag.
QByteArray request(const QByteArray &method, const QByteArray &via, const QByteArray &toTag = {},
                   quint32 cseq = 7, const QByteArray &cseqMethod = {}) {
    return "%M sip:bob@192.0.2.10 SIP/2.0\n"
           "Via: " +
           via +
           "\n"
           "Max-Forwards: 70\n"
           "From: <sip:carol@example.org>;tag=carol1\n"
           "To: <sip:bob@example.com>" +
           (toTag.isEmpty() ? QByteArray() : ";tag=" + toTag) +
           "\n"
           "Call-ID: call-server-1\n"
           "CSeq: " +
           QByteArray::number(cseq) + ' ' + (cseqMethod.isEmpty() ? method : cseqMethod) +
           "\n"
           "Content-Length: 0\n"
           "\n";
}

QByteArray req(const QByteArray &method, const QByteArray &via, const QByteArray &toTag = {},
               quint32 cseq = 7) {
    return request(method, via, toTag, cseq).replace("%M", method);
}

} // namespace

class TestTransactionLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sendRequestCompletesVia_data();
    void sendRequestCompletesVia();
    void sendRequestAddsMissingBranch();
    void sendRequestRejects();
    void responsesMatchBranchAndMethod();
    void requestsMatchBranchSentByMethod();
    void ackMatchesInviteTransaction();
    void cancelFindsInvite();
    void rfc2543Matching();
    void responseDestination_data();
    void responseDestination();
    void serverTransactionsAreBounded();
    void terminatedTransactionsAreDeleted();
    void destructionWithLiveTransactions();
    void sendStateless();
};

void TestTransactionLayer::sendRequestCompletesVia_data() {
    QTest::addColumn<TransportProtocol>("protocol");
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("udp, empty sent-by")
        << TransportProtocol::Udp << QByteArray() << QByteArray("UDP 192.0.2.10:5060");
    QTest::newRow("tcp, empty sent-by")
        << TransportProtocol::Tcp << QByteArray() << QByteArray("TCP 192.0.2.10:5060");
    QTest::newRow("tls, empty sent-by")
        << TransportProtocol::Tls << QByteArray() << QByteArray("TLS 192.0.2.10:5061");
    QTest::newRow("sent-by kept") << TransportProtocol::Udp << QByteArray("SIP/2.0/UDP pc33.example.com:5070")
                                  << QByteArray("UDP pc33.example.com:5070");
}

void TestTransactionLayer::sendRequestCompletesVia() {
    QFETCH(TransportProtocol, protocol);
    QFETCH(QByteArray, via);
    QFETCH(QByteArray, expected);
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    SipMessage r = parse(clientRequestText("OPTIONS", protocol));
    r.removeHeaders(HeaderId::Via);
    Via v;
    if (!via.isEmpty())
        v = *Via::parse(via);
    v.setBranch("z9hG4bK-fill");
    r.prependVia(v);
    ClientTransaction *t = layer.sendRequest(r, FakeTransportLayer::peer(protocol, "198.51.100.7", 5060));
    QVERIFY(t);
    QCOMPARE(transport.sent().size(), 1);
    // What went on the wire parses back with the completed Via.
    const SipMessage wire = parse(transport.sent().first().message.toBytes());
    const auto top = wire.topVia();
    QVERIFY(top);
    QCOMPARE(top->transport() + ' ' + top->host() + ':' + QByteArray::number(top->port()), expected);
    QVERIFY(top->hasRport());
    QCOMPARE(top->branch(), QByteArray("z9hG4bK-fill"));
    QCOMPARE(wire.vias().size(), 1);
    QCOMPARE(t->request().topVia(), top);
    QCOMPARE(layer.clientTransactionCount(), 1);
}

void TestTransactionLayer::sendRequestAddsMissingBranch() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    SipMessage r = parse(clientRequestText("OPTIONS", TransportProtocol::Udp));
    r.removeHeaders(HeaderId::Via);
    ClientTransaction *t =
        layer.sendRequest(r, FakeTransportLayer::peer(TransportProtocol::Udp, "198.51.100.7", 5060));
    QVERIFY(t);
    QVERIFY(t->branch().startsWith("z9hG4bK"));
    QVERIFY(t->branch().size() > 7);
    QCOMPARE(transport.sent().first().message.topViaBranch(), QByteArrayView(t->branch()));
}

void TestTransactionLayer::sendRequestRejects() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    const Peer to = FakeTransportLayer::peer(TransportProtocol::Udp, "198.51.100.7", 5060);
    const SipMessage options = parse(clientRequestText("OPTIONS", TransportProtocol::Udp));
    QVERIFY(layer.sendRequest(options, to));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("duplicate client transaction"));
    QVERIFY(!layer.sendRequest(options, to)); // same branch and method
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not a transaction request"));
    QVERIFY(!layer.sendRequest(parse(clientRequestText("ACK", TransportProtocol::Udp)), to));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not a transaction request"));
    QVERIFY(!layer.sendRequest(SipMessage::responseTo(options, 200), to));
    QCOMPARE(layer.clientTransactionCount(), 1);
    QCOMPARE(transport.sent().size(), 1);
}

void TestTransactionLayer::responsesMatchBranchAndMethod() {
    // An INVITE and its CANCEL share the branch; CSeq method tells the responses apart (§17.1.3).
    TransactionScript s(TransportProtocol::Udp);
    s.run({"send INVITE", "wire INVITE"});
    auto *invite = qobject_cast<ClientTransaction *>(s.tx.data());
    SipMessage cancelRequest = parse(clientRequestText("CANCEL", TransportProtocol::Udp));
    ClientTransaction *cancel = s.layer.sendRequest(cancelRequest, s.server);
    QVERIFY(cancel);
    QCOMPARE(cancel->branch(), invite->branch());
    QCOMPARE(s.layer.clientTransactionCount(), 2);
    s.transport.clearSent();
    QSignalSpy inviteResponses(invite, &ClientTransaction::responseReceived);
    QSignalSpy cancelResponses(cancel, &ClientTransaction::responseReceived);
    QSignalSpy stray(&s.layer, &TransactionLayer::strayResponse);

    s.transport.inject(SipMessage::responseTo(cancel->request(), 200), s.serverReceivedFrom());
    QCOMPARE(cancelResponses.size(), 1);
    QCOMPARE(inviteResponses.size(), 0);
    s.transport.inject(SipMessage::responseTo(invite->request(), 487, {}, "x"), s.serverReceivedFrom());
    QCOMPARE(inviteResponses.size(), 1);
    QCOMPARE(cancelResponses.size(), 1);
    QCOMPARE(stray.size(), 0);

    // Unknown branch, or the right branch with another method: stray.
    SipMessage other = SipMessage::responseTo(invite->request(), 200);
    other.removeTopVia();
    other.prependVia(*Via::parse("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-unknown"));
    s.transport.inject(other, s.serverReceivedFrom());
    SipMessage bye = SipMessage::responseTo(invite->request(), 200);
    bye.setCSeq({1, "BYE"});
    s.transport.inject(bye, s.serverReceivedFrom());
    QCOMPARE(stray.size(), 2);
    QCOMPARE(inviteResponses.size(), 1);
    s.transport.clearSent();
    s.events.clear();
}

void TestTransactionLayer::requestsMatchBranchSentByMethod() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    QSignalSpy requests(&layer, &TransactionLayer::requestReceived);
    const ReceivedFrom from = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062);
    const QByteArray via = "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-a;rport=5062";

    QVERIFY(transport.injectText(req("OPTIONS", via), from));
    QCOMPARE(requests.size(), 1);
    QVERIFY(transport.injectText(req("OPTIONS", via), from)); // retransmission
    QCOMPARE(requests.size(), 1);
    // Same branch from another sent-by: another transaction.
    QVERIFY(transport.injectText(req("OPTIONS", "SIP/2.0/UDP 203.0.113.6:5062;branch=z9hG4bK-a"), from));
    QCOMPARE(requests.size(), 2);
    // Same branch and sent-by, other method: another transaction.
    QVERIFY(transport.injectText(req("INFO", via), from));
    QCOMPARE(requests.size(), 3);
    // Another branch.
    QVERIFY(transport.injectText(req("OPTIONS", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-b"), from));
    QCOMPARE(requests.size(), 4);
    QCOMPARE(layer.serverTransactionCount(), 4);
    QVERIFY(qobject_cast<NonInviteServerTransaction *>(requests.at(0).at(0).value<ServerTransaction *>()));
    QCOMPARE(transport.sent().size(), 0);
}

void TestTransactionLayer::ackMatchesInviteTransaction() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    QSignalSpy requests(&layer, &TransactionLayer::requestReceived);
    QSignalSpy layerAcks(&layer, &TransactionLayer::ackReceived);
    const ReceivedFrom from = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062);
    const QByteArray via = "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-inv;rport=5062";
    QVERIFY(transport.injectText(req("INVITE", via), from));
    QCOMPARE(requests.size(), 1);
    auto *t = requests.at(0).at(0).value<ServerTransaction *>();
    QVERIFY(qobject_cast<InviteServerTransaction *>(t));
    QSignalSpy txAcks(t, &ServerTransaction::ackReceived);
    t->respond(486, {}, "bobtag");
    QVERIFY(transport.injectText(req("ACK", via, "bobtag"), from));
    QCOMPARE(txAcks.size(), 1);
    QCOMPARE(layerAcks.size(), 0);
    QCOMPARE(t->state(), Transaction::State::Confirmed);
    // An ACK with another branch (ACK for a 2xx) is the dialog layer's.
    QVERIFY(
        transport.injectText(req("ACK", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-ack2", "bobtag"), from));
    QCOMPARE(layerAcks.size(), 1);
    QCOMPARE(requests.size(), 1);
}

void TestTransactionLayer::cancelFindsInvite() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    QSignalSpy requests(&layer, &TransactionLayer::requestReceived);
    const ReceivedFrom from = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062);
    const QByteArray via = "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-c;rport=5062";
    QVERIFY(transport.injectText(req("INVITE", via), from));
    QVERIFY(transport.injectText(req("CANCEL", via), from));
    QCOMPARE(requests.size(), 2);
    auto *invite = requests.at(0).at(0).value<ServerTransaction *>();
    auto *cancelTx = requests.at(1).at(0).value<ServerTransaction *>();
    QVERIFY(invite != cancelTx);
    const SipMessage cancel = requests.at(1).at(1).value<SipMessage>();
    QCOMPARE(cancel.method(), QByteArray("CANCEL"));
    QCOMPARE(layer.findInviteForCancel(cancel), invite);
    QCOMPARE(layer.findInviteForCancel(parse(req("CANCEL", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-x"))),
             nullptr);
    // RFC 2543 CANCEL: no cookie, matched by Request-URI, tags, Call-ID, CSeq number and top Via.
    const QByteArray oldVia = "SIP/2.0/UDP 203.0.113.5:5062";
    QVERIFY(transport.injectText(req("INVITE", oldVia, {}, 9), from));
    auto *oldInvite = requests.last().at(0).value<ServerTransaction *>();
    QCOMPARE(layer.findInviteForCancel(parse(req("CANCEL", oldVia, {}, 9))), oldInvite);
    QCOMPARE(layer.findInviteForCancel(parse(req("CANCEL", oldVia, {}, 10))), nullptr);
}

void TestTransactionLayer::rfc2543Matching() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    QSignalSpy requests(&layer, &TransactionLayer::requestReceived);
    QSignalSpy layerAcks(&layer, &TransactionLayer::ackReceived);
    const ReceivedFrom from = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062);
    const QByteArray via = "SIP/2.0/UDP 203.0.113.5:5062;branch=1234";

    QVERIFY(transport.injectText(req("INVITE", via), from));
    QCOMPARE(requests.size(), 1);
    auto *t = requests.at(0).at(0).value<ServerTransaction *>();
    t->respond(180, {}, "bobtag");
    QCOMPARE(transport.sent().size(), 1);
    QVERIFY(transport.injectText(req("INVITE", via), from)); // retransmission: 180 again
    QCOMPARE(requests.size(), 1);
    QCOMPARE(transport.sent().size(), 2);
    // Another CSeq or another top Via: a new request.
    QVERIFY(transport.injectText(req("INVITE", via, {}, 8), from));
    QVERIFY(transport.injectText(req("INVITE", "SIP/2.0/UDP 203.0.113.5:5064;branch=1234"), from));
    QCOMPARE(requests.size(), 3);

    t->respond(486, {}, "bobtag");
    QSignalSpy txAcks(t, &ServerTransaction::ackReceived);
    // ACK with another To tag is not for this transaction.
    QVERIFY(transport.injectText(req("ACK", via, "othertag"), from));
    QCOMPARE(txAcks.size(), 0);
    QCOMPARE(layerAcks.size(), 1);
    // ACK matches by the To tag of the response sent, CSeq number (method ACK).
    QVERIFY(transport.injectText(req("ACK", via, "bobtag"), from));
    QCOMPARE(txAcks.size(), 1);
    QCOMPARE(t->state(), Transaction::State::Confirmed);

    // No branch at all.
    const QByteArray bare = "SIP/2.0/UDP 203.0.113.7:5060";
    QVERIFY(transport.injectText(req("OPTIONS", bare), from));
    QVERIFY(transport.injectText(req("OPTIONS", bare), from));
    QCOMPARE(requests.size(), 4);
    QCOMPARE(layer.serverTransactionCount(), 4);
}

void TestTransactionLayer::responseDestination_data() {
    QTest::addColumn<TransportProtocol>("protocol");
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("sourcePort");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    const auto udp = TransportProtocol::Udp;
    // RFC 3581: received + rport (the NAT's mapping), whatever sent-by says.
    QTest::newRow("udp rport") << udp
                               << QByteArray("SIP/2.0/UDP 10.0.0.2:5060;rport=40001;received=198.51.100.9")
                               << "198.51.100.9" << 40001 << "198.51.100.9" << 40001;
    QTest::newRow("udp rport without value") << udp << QByteArray("SIP/2.0/UDP 10.0.0.2:5060;rport")
                                             << "198.51.100.9" << 40002 << "198.51.100.9" << 40002;
    // §18.2.2: received and the sent-by port (5060 when absent).
    QTest::newRow("udp received") << udp
                                  << QByteArray("SIP/2.0/UDP pc.example.com:5080;received=198.51.100.9")
                                  << "198.51.100.9" << 40003 << "198.51.100.9" << 5080;
    QTest::newRow("udp received, default port")
        << udp << QByteArray("SIP/2.0/UDP pc.example.com;received=198.51.100.9") << "198.51.100.9" << 40003
        << "198.51.100.9" << 5060;
    QTest::newRow("udp sent-by") << udp << QByteArray("SIP/2.0/UDP 198.51.100.9:5070") << "198.51.100.9"
                                 << 5070 << "198.51.100.9" << 5070;
    QTest::newRow("udp maddr") << udp
                               << QByteArray(
                                      "SIP/2.0/UDP 10.0.0.2:5090;maddr=239.255.255.1;received=198.51.100.9")
                               << "198.51.100.9" << 40004 << "239.255.255.1" << 5090;
    QTest::newRow("udp ipv6 rport") << udp
                                    << QByteArray(
                                           "SIP/2.0/UDP [2001:db8::5]:5060;rport=5062;received=2001:db8::5")
                                    << "2001:db8::5" << 5062 << "2001:db8::5" << 5062;
    // Reliable: the connection is reused (connectionId); this is the fallback for a new one.
    QTest::newRow("tcp") << TransportProtocol::Tcp
                         << QByteArray("SIP/2.0/TCP 10.0.0.2:5060;rport=40005;received=198.51.100.9")
                         << "198.51.100.9" << 40005 << "198.51.100.9" << 5060;
    QTest::newRow("tls default port")
        << TransportProtocol::Tls << QByteArray("SIP/2.0/TLS client.example.com;received=198.51.100.9")
        << "198.51.100.9" << 40006 << "198.51.100.9" << 5061;
}

void TestTransactionLayer::responseDestination() {
    QFETCH(TransportProtocol, protocol);
    QFETCH(QByteArray, via);
    QFETCH(QString, source);
    QFETCH(int, sourcePort);
    QFETCH(QString, address);
    QFETCH(int, port);
    const SipMessage r = parse(req("OPTIONS", via + ";branch=z9hG4bK-rd"));
    QVERIFY(r.topVia());
    const quint64 connection = isReliable(protocol) ? 42 : 0;
    const ReceivedFrom from =
        FakeTransportLayer::receivedFrom(protocol, source, quint16(sourcePort), connection);
    const Peer dest = TransactionLayer::responseDestination(r, from);
    QCOMPARE(dest.protocol, protocol);
    QCOMPARE(dest.address, QHostAddress(address));
    QCOMPARE(int(dest.port), port);

    // A server transaction sends there, over the request's connection.
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    ServerTransaction *t = nullptr;
    connect(&layer, &TransactionLayer::requestReceived, this, [&t](ServerTransaction *s) { t = s; });
    transport.inject(r, from);
    QVERIFY(t);
    QVERIFY(t->responseDestination().sameEndpoint(dest));
    t->respond(200);
    QCOMPARE(transport.sent().size(), 1);
    QVERIFY(transport.sent().first().destination.sameEndpoint(dest));
    QCOMPARE(transport.sent().first().connectionId, connection);
}

void TestTransactionLayer::serverTransactionsAreBounded() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    QCOMPARE(layer.maxServerTransactions(), 1000);
    layer.setMaxServerTransactions(2);
    QSignalSpy requests(&layer, &TransactionLayer::requestReceived);
    QSignalSpy acks(&layer, &TransactionLayer::ackReceived);
    const ReceivedFrom from = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062);
    QVERIFY(transport.injectText(req("INVITE", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-1;rport=5062"),
                                 from));
    QVERIFY(transport.injectText(req("OPTIONS", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-2;rport=5062"),
                                 from));
    QCOMPARE(requests.size(), 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("too many server transactions"));
    QVERIFY(transport.injectText(req("INVITE", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-3;rport=5062"),
                                 from));
    QCOMPARE(requests.size(), 2);
    QCOMPARE(layer.serverTransactionCount(), 2);
    QCOMPARE(transport.sent().size(), 1);
    const SipMessage busy = parse(transport.sent().first().message.toBytes());
    QCOMPARE(busy.statusCode(), 503);
    QVERIFY(busy.retryAfter().has_value());
    QVERIFY(!busy.toTag().isEmpty());
    QCOMPARE(busy.topViaBranch(), QByteArrayView("z9hG4bK-3"));
    QCOMPARE(int(transport.sent().first().destination.port), 5062);
    // Its ACK is no new transaction and gets no answer.
    QVERIFY(transport.injectText(
        req("ACK", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-3", busy.toTag().toByteArray()), from));
    QCOMPARE(acks.size(), 1);
    QCOMPARE(transport.sent().size(), 1);
    // Retransmissions of existing ones are still absorbed, not refused.
    QVERIFY(transport.injectText(req("OPTIONS", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-2;rport=5062"),
                                 from));
    QCOMPARE(transport.sent().size(), 1);
    // Once one ends there is room again.
    requests.at(1).at(0).value<ServerTransaction *>()->respond(200);
    clock.advance(32000);
    QCOMPARE(layer.serverTransactionCount(), 1);
    QVERIFY(transport.injectText(req("INVITE", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-4;rport=5062"),
                                 from));
    QCOMPARE(requests.size(), 3);
}

void TestTransactionLayer::terminatedTransactionsAreDeleted() {
    TransactionScript s(TransportProtocol::Udp);
    s.run({"send OPTIONS", "wire OPTIONS", "recv 200", "tu response 200"});
    QCOMPARE(s.layer.clientTransactionCount(), 1);
    s.run({"clock 5000", "gone"});
    QCOMPARE(s.clock.pending(), 0);

    TransactionScript u(TransportProtocol::Tcp);
    u.run({"recv OPTIONS", "tu request OPTIONS", "respond 200", "wire 200", "gone"});
    QCOMPARE(u.clock.pending(), 0);

    // Deleted early by mistake: the tables do not keep a dangling pointer.
    TransactionScript v(TransportProtocol::Udp);
    v.run({"send INVITE", "wire INVITE", "recv INVITE", "tu request INVITE"});
    QCOMPARE(v.layer.clientTransactionCount(), 1);
    QCOMPARE(v.layer.serverTransactionCount(), 1);
    QVERIFY(v.layer.findChild<ClientTransaction *>());
    QVERIFY(v.layer.findChild<ServerTransaction *>());
    delete v.layer.findChild<ClientTransaction *>();
    delete v.layer.findChild<ServerTransaction *>();
    QCOMPARE(v.layer.clientTransactionCount() + v.layer.serverTransactionCount(), 0);
    QCOMPARE(v.clock.pending(), 0);
    v.run({"recv 200", "tu stray 200"});
}

void TestTransactionLayer::destructionWithLiveTransactions() {
    ManualClock clock;
    {
        FakeTransportLayer transport(&clock);
        TransactionLayer layer(&transport, &clock);
        QVERIFY(layer.sendRequest(parse(clientRequestText("INVITE", TransportProtocol::Udp)),
                                  FakeTransportLayer::peer(TransportProtocol::Udp, "198.51.100.7", 5060)));
        QVERIFY(transport.injectText(
            req("INVITE", "SIP/2.0/UDP 203.0.113.5:5062;branch=z9hG4bK-9"),
            FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5062)));
        QVERIFY(clock.pending() > 0);
    }
    QCOMPARE(clock.pending(), 0);
    clock.advance(100000); // nothing left to fire into freed memory
}

void TestTransactionLayer::sendStateless() {
    ManualClock clock;
    FakeTransportLayer transport(&clock);
    TransactionLayer layer(&transport, &clock);
    const Peer to = FakeTransportLayer::peer(TransportProtocol::Udp, "198.51.100.7", 5060);
    QVERIFY(layer.sendStateless(parse(clientRequestText("ACK", TransportProtocol::Udp)), to));
    QCOMPARE(transport.sent().size(), 1);
    QCOMPARE(layer.clientTransactionCount(), 0);
    transport.failSendsTo(to);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot send"));
    QVERIFY(!layer.sendStateless(parse(clientRequestText("ACK", TransportProtocol::Udp)), to));
}

QTEST_GUILESS_MAIN(TestTransactionLayer)
#include "tst_transactionlayer.moc"
