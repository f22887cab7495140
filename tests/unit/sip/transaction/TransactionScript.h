#pragma once

// Script runner for the transaction state machine tests, in the shape of reSIProcate's
// testTransactionFSM: each table row is a list of steps that inject wire messages, expect wire
// messages, act as the TU, expect TU events and advance a ManualClock. No sockets, no sleeps.
//
// Steps (one string each):
//   send METHOD          TU starts a client transaction (INVITE, OPTIONS, BYE…) to kServer
//   recv STATUS          a response to the client transaction arrives (To tag added unless 100)
//   recv METHOD          a request arrives (the same text each time: a retransmission); "recv ACK"
//                        is the ACK for the last final response the TU sent
//   respond STATUS       TU answers through the server transaction
//   wire X [@T]          the next message sent is X (method or status), sent at clock time T
//   wire none            nothing (more) was sent
//   tu EVENT             the next TU event is EVENT: "response 180", "failed Timeout",
//                        "failed TransportError", "request INVITE", "ack" (transaction's ACK),
//                        "stray 200", "layer-ack"
//   tu none              no (more) TU events
//   state NAME           the transaction's (last known) state
//   clock MS             advance the clock
//   failsend             from now on send() fails at once
//   asyncfail            the transport reports an asynchronous failure towards the peer
//   gone                 the transaction left the layer's tables and was deleted
// At the end of a script every sent message and every TU event must have been expected.

#include "FakeTransportLayer.h"
#include "base/ManualClock.h"
#include "sip/transaction/ClientTransaction.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QPointer>
#include <QTest>

namespace parlo::sip::test {

inline QByteArray stateName(Transaction::State s) {
    return QMetaEnum::fromType<Transaction::State>().valueToKey(int(s));
}

inline QByteArray failureName(Transaction::Failure f) {
    return QMetaEnum::fromType<Transaction::Failure>().valueToKey(int(f));
}

// Wire text with placeholders: %T transport, %M method, %R request-URI.
inline QByteArray clientRequestText(const QByteArray &method, TransportProtocol protocol) {
    QByteArray text = "%M sip:bob@198.51.100.7 SIP/2.0\n"
                      "Via: SIP/2.0/%T 192.0.2.10:5060;branch=z9hG4bK-client-1\n"
                      "Max-Forwards: 70\n"
                      "Route: <sip:198.51.100.7;lr>\n"
                      "From: <sip:alice@example.com>;tag=alice1\n"
                      "To: <sip:bob@example.com>\n"
                      "Call-ID: call-client-1\n"
                      "CSeq: 1 %M\n"
                      "Content-Length: 0\n"
                      "\n";
    return text.replace("%M", method).replace("%T", transportName(protocol));
}

// A request from a remote client; its top Via already carries what our transport adds
// (received, rport) because the fake transport does not stamp.
inline QByteArray serverRequestText(const QByteArray &method, TransportProtocol protocol,
                                    const QByteArray &branch = "z9hG4bK-server-1") {
    QByteArray text = "%M sip:bob@192.0.2.10 SIP/2.0\n"
                      "Via: SIP/2.0/%T 203.0.113.5:5062;branch=%B;rport=5062;received=203.0.113.5\n"
                      "Max-Forwards: 70\n"
                      "From: <sip:carol@example.org>;tag=carol1\n"
                      "To: <sip:bob@example.com>%G\n"
                      "Call-ID: call-server-1\n"
                      "CSeq: 7 %M\n"
                      "Content-Length: 0\n"
                      "\n";
    return text.replace("%M", method).replace("%T", transportName(protocol)).replace("%B", branch);
}

class TransactionScript : public QObject {
public:
    explicit TransactionScript(TransportProtocol protocol)
        : protocol(protocol)
        , transport(&clock)
        , layer(&transport, &clock) {
        server = FakeTransportLayer::peer(protocol, QStringLiteral("198.51.100.7"), 5060);
        client = FakeTransportLayer::receivedFrom(protocol, QStringLiteral("203.0.113.5"), 5062,
                                                  isReliable(protocol) ? 7 : 0);
        QObject::connect(&layer, &TransactionLayer::requestReceived, this,
                         [this](ServerTransaction *t, const SipMessage &request) {
                             events << "request " + request.method();
                             if (!tx)
                                 watch(t);
                         });
        QObject::connect(&layer, &TransactionLayer::strayResponse, this,
                         [this](const SipMessage &r, const ReceivedFrom &) {
                             events << "stray " + QByteArray::number(r.statusCode());
                         });
        QObject::connect(&layer, &TransactionLayer::ackReceived, this,
                         [this](const SipMessage &, const ReceivedFrom &) { events << "layer-ack"; });
    }

    void watch(Transaction *t) {
        tx = t;
        lastState = t->state();
        QObject::connect(t, &Transaction::stateChanged, this,
                         [this](Transaction::State s) { lastState = s; });
        if (auto *c = qobject_cast<ClientTransaction *>(t)) {
            QObject::connect(c, &ClientTransaction::responseReceived, this, [this](const SipMessage &r) {
                events << "response " + QByteArray::number(r.statusCode());
            });
            QObject::connect(c, &ClientTransaction::failed, this,
                             [this](Transaction::Failure f) { events << "failed " + failureName(f); });
        } else if (auto *s = qobject_cast<ServerTransaction *>(t)) {
            QObject::connect(s, &ServerTransaction::ackReceived, this,
                             [this](const SipMessage &) { events << "ack"; });
            QObject::connect(s, &ServerTransaction::failed, this,
                             [this](Transaction::Failure f) { events << "failed " + failureName(f); });
        }
    }

    // For messages (QVERIFY2 evaluates them even when the check passes).
    QByteArray firstSent() const {
        return transport.hasSent() ? describe(transport.sent().first().message) : "-";
    }

    static QByteArray describe(const SipMessage &m) {
        return m.isRequest() ? m.method() : QByteArray::number(m.statusCode());
    }

    // Runs the steps; a failing QCOMPARE/QVERIFY returns early and marks the test failed.
    void run(const QStringList &steps) {
        int n = 0;
        for (const QString &step : steps) {
            ++n;
            const QByteArray where = "step " + QByteArray::number(n) + " '" + step.toUtf8() + "'";
            const QStringList w = step.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(!w.isEmpty(), where.constData());
            const QString verb = w.at(0);
            const QString arg = w.value(1);
            if (verb == u"send") {
                const QByteArray text = FakeTransportLayer::crlf(clientRequestText(arg.toUtf8(), protocol));
                const SipParseResult parsed = SipMessage::parse(text);
                QVERIFY2(parsed.ok(), where.constData());
                ClientTransaction *t = layer.sendRequest(parsed.message, server);
                QVERIFY2(t, where.constData());
                clientRequest = t->request();
                watch(t);
            } else if (verb == u"recv" && arg.at(0).isDigit()) {
                QVERIFY2(clientRequest.isValid(), where.constData());
                const int status = arg.toInt();
                const SipMessage response =
                    SipMessage::responseTo(clientRequest, status, {}, status > 100 ? "bobtag" : QByteArray());
                QVERIFY2(transport.injectText(response.toBytes(), serverReceivedFrom()), where.constData());
            } else if (verb == u"recv") {
                QByteArray text = serverRequestText(arg.toUtf8(), protocol);
                text.replace("%G", arg == u"ACK" ? ";tag=" + toTag : QByteArray());
                QVERIFY2(transport.injectText(text, client), where.constData());
            } else if (verb == u"respond") {
                auto *s = qobject_cast<ServerTransaction *>(tx.data());
                QVERIFY2(s, where.constData());
                s->respond(arg.toInt(), {}, toTag);
            } else if (verb == u"wire") {
                if (arg == u"none") {
                    QVERIFY2(!transport.hasSent(), (where + " but sent " + firstSent()).constData());
                    continue;
                }
                QVERIFY2(transport.hasSent(), (where + ": nothing sent").constData());
                const FakeTransportLayer::Sent sent = transport.takeFirst();
                QCOMPARE(describe(sent.message), arg.toUtf8());
                if (w.size() > 2)
                    QCOMPARE(sent.timeMs, w.at(2).mid(1).toLongLong());
                lastSent = sent;
            } else if (verb == u"tu") {
                const QByteArray expected = step.mid(3).toUtf8();
                if (expected == "none") {
                    QVERIFY2(events.isEmpty(), (where + " but got " + events.value(0)).constData());
                    continue;
                }
                QVERIFY2(!events.isEmpty(), (where + ": no TU event").constData());
                QCOMPARE(events.takeFirst(), expected);
            } else if (verb == u"state") {
                QCOMPARE(stateName(lastState), arg.toUtf8());
                if (tx)
                    QCOMPARE(stateName(tx->state()), arg.toUtf8());
            } else if (verb == u"clock") {
                clock.advance(arg.toLongLong());
            } else if (verb == u"failsend") {
                transport.failSendsTo(Peer{});
            } else if (verb == u"asyncfail") {
                if (qobject_cast<ServerTransaction *>(tx.data()))
                    transport.reportSendFailed(
                        static_cast<ServerTransaction *>(tx.data())->responseDestination());
                else
                    transport.reportSendFailed(server);
            } else if (verb == u"gone") {
                QCOMPARE(layer.clientTransactionCount() + layer.serverTransactionCount(), 0);
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                QVERIFY2(tx.isNull(), where.constData());
            } else {
                QFAIL(("unknown " + where).constData());
            }
        }
        QVERIFY2(!transport.hasSent(), ("unexpected wire message " + firstSent()).constData());
        QVERIFY2(events.isEmpty(), ("unexpected TU event " + events.value(0)).constData());
    }

    ReceivedFrom serverReceivedFrom() const {
        ReceivedFrom from;
        from.peer = server;
        from.connectionId = isReliable(protocol) ? 3 : 0;
        return from;
    }

    TransportProtocol protocol;
    ManualClock clock;
    FakeTransportLayer transport;
    TransactionLayer layer;
    Peer server;         // where client transactions send to
    ReceivedFrom client; // where server transaction requests come from
    QPointer<Transaction> tx;
    Transaction::State lastState = Transaction::State::Trying;
    QByteArrayList events;
    QByteArray toTag = "bobtag";
    SipMessage clientRequest;
    FakeTransportLayer::Sent lastSent;
};

} // namespace parlo::sip::test
