// Dialog (RFC 3261 §12): creation on both sides, route sets, in-dialog request construction with
// loose and strict routing, target refresh and CSeq checks.
#include "FakeTransportLayer.h"
#include "sip/dialog/Dialog.h"

#include <QTest>

using namespace parlo;
using namespace parlo::sip;

namespace {
SipMessage parse(const QByteArray &text) {
    auto result = SipMessage::parse(FakeTransportLayer::crlf(text));
    return result.message;
}

SipMessage invite(const QByteArray &recordRoutes = {}) {
    return parse("INVITE sip:bob@example.com SIP/2.0\n"
                 "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKd1\n"
                 "Max-Forwards: 70\n"
                 "From: \"Alice\" <sip:alice@example.com>;tag=atag\n"
                 "To: <sip:bob@example.com>\n"
                 "Call-ID: dlg-1\n"
                 "CSeq: 7 INVITE\n"
                 "Contact: <sip:alice@192.0.2.10:5060>\n" +
                 (recordRoutes.isEmpty() ? QByteArray() : "Record-Route: " + recordRoutes + "\n") +
                 "Content-Length: 0\n\n");
}

SipMessage response(const SipMessage &request, int status, const QByteArray &recordRoutes,
                    const QByteArray &contact = "<sip:bob@198.51.100.20:5070>") {
    SipMessage r = SipMessage::responseTo(request, status, {}, "btag");
    if (!recordRoutes.isEmpty())
        r.addHeader(HeaderId::RecordRoute, recordRoutes);
    r.addHeader(HeaderId::Contact, contact);
    return r;
}

QList<QByteArray> routeStrings(const SipMessage &m) {
    QList<QByteArray> out;
    for (const NameAddr &r : m.routes())
        out << r.uri().toString();
    return out;
}
} // namespace

class TestDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uacDialogFromResponse() {
        const SipMessage inv = invite();
        const Dialog d = Dialog::fromUacResponse(
            inv, response(inv, 180, "<sip:p2.example.net;lr>, <sip:p1.example.net;lr;ftag=x>"));
        QCOMPARE(d.id().callId, QByteArray("dlg-1"));
        QCOMPARE(d.id().localTag, QByteArray("atag"));
        QCOMPARE(d.id().remoteTag, QByteArray("btag"));
        QCOMPARE(d.state(), Dialog::State::Early);
        QCOMPARE(d.localSeq(), 7u);
        QVERIFY(!d.remoteSeq());
        QCOMPARE(d.remoteTarget().toString(), QByteArray("sip:bob@198.51.100.20:5070"));
        QCOMPARE(d.routeSet().size(), 2);
        // The UAC reverses the Record-Route: the proxy nearest to us comes first.
        QCOMPARE(d.routeSet().at(0).uri().host(), QByteArray("p1.example.net"));
        QCOMPARE(d.nextHopUri().host(), QByteArray("p1.example.net"));
        QVERIFY(!d.isSecure());
    }

    void uasDialogFromRequest() {
        const SipMessage inv = invite("<sip:p2.example.net;lr>, <sip:p1.example.net;lr>");
        Dialog d = Dialog::fromUasRequest(inv, "btag");
        QCOMPARE(d.id().localTag, QByteArray("btag"));
        QCOMPARE(d.id().remoteTag, QByteArray("atag"));
        QCOMPARE(d.remoteSeq().value_or(0), 7u);
        QCOMPARE(d.remoteTarget().toString(), QByteArray("sip:alice@192.0.2.10:5060"));
        // The UAS keeps the order: the proxy nearest to it first.
        QCOMPARE(d.routeSet().at(0).uri().host(), QByteArray("p2.example.net"));
        QVERIFY(d.matchesRequest(parse("BYE sip:bob@198.51.100.20 SIP/2.0\n"
                                       "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKx\n"
                                       "From: <sip:alice@example.com>;tag=atag\n"
                                       "To: <sip:bob@example.com>;tag=btag\n"
                                       "Call-ID: dlg-1\nCSeq: 8 BYE\n\n")));
        SipMessage bye = d.makeRequest("BYE");
        QCOMPARE(bye.cseq().number, 1u); // the UAS starts its own sequence
        QCOMPARE(bye.from().tag(), QByteArray("btag"));
        QCOMPARE(bye.to().tag(), QByteArray("atag"));
        QCOMPARE(bye.to().uri().toString(), QByteArray("sip:alice@example.com"));
    }

    void requestRouting_data() {
        QTest::addColumn<QByteArray>("recordRoute");
        QTest::addColumn<QByteArray>("requestUri");
        QTest::addColumn<QList<QByteArray>>("routes");
        QTest::newRow("no route set")
            << QByteArray() << QByteArray("sip:bob@198.51.100.20:5070") << QList<QByteArray>{};
        QTest::newRow("loose") << QByteArray("<sip:p2.example.net;lr>, <sip:p1.example.net;lr>")
                               << QByteArray("sip:bob@198.51.100.20:5070")
                               << QList<QByteArray>{"sip:p1.example.net;lr", "sip:p2.example.net;lr"};
        QTest::newRow("strict") << QByteArray("<sip:p2.example.net;lr>, <sip:p1.example.net>")
                                << QByteArray("sip:p1.example.net")
                                << QList<QByteArray>{"sip:p2.example.net;lr", "sip:bob@198.51.100.20:5070"};
    }
    void requestRouting() {
        QFETCH(QByteArray, recordRoute);
        QFETCH(QByteArray, requestUri);
        QFETCH(QList<QByteArray>, routes);
        const SipMessage inv = invite();
        Dialog d = Dialog::fromUacResponse(inv, response(inv, 200, recordRoute));
        d.setLocalContact(NameAddr(SipUri::sip("alice", "192.0.2.10", 5060)));
        const SipMessage bye = d.makeRequest("BYE");
        QCOMPARE(bye.method(), QByteArray("BYE"));
        QCOMPARE(bye.requestUri().toString(), requestUri);
        QCOMPARE(routeStrings(bye), routes);
        QCOMPARE(bye.cseq().number, 8u);
        QCOMPARE(bye.callId(), QByteArray("dlg-1"));
        QCOMPARE(bye.from().tag(), QByteArray("atag"));
        QCOMPARE(bye.to().tag(), QByteArray("btag"));
        QCOMPARE(bye.maxForwards(), 70);
        QVERIFY(bye.topViaBranch().startsWith("z9hG4bK"));
        QVERIFY(!bye.hasHeader(HeaderId::Contact)); // BYE is no target refresh request
        const SipMessage reinvite = d.makeRequest("INVITE");
        QCOMPARE(reinvite.cseq().number, 9u);
        QCOMPARE(reinvite.contacts().size(), 1);
        QVERIFY(reinvite.topViaBranch() != bye.topViaBranch());
        // Round trip through the wire form keeps the routing.
        const SipMessage reparsed = SipMessage::parse(bye.toBytes()).message;
        QCOMPARE(reparsed.requestUri().toString(), requestUri);
        QCOMPARE(routeStrings(reparsed), routes);
    }

    void ackUsesInviteCSeq() {
        SipMessage inv = invite();
        inv.addHeader(HeaderId::ProxyAuthorization, "Digest username=\"alice\"");
        const Dialog d = Dialog::fromUacResponse(inv, response(inv, 200, "<sip:198.51.100.1;lr>"));
        const SipMessage ack = d.makeAck(inv, "v=0", "application/sdp");
        QCOMPARE(ack.cseq().number, 7u);
        QCOMPARE(ack.cseq().method, QByteArray("ACK"));
        QCOMPARE(ack.header(HeaderId::ProxyAuthorization), QByteArray("Digest username=\"alice\""));
        QCOMPARE(routeStrings(ack), QList<QByteArray>{"sip:198.51.100.1;lr"});
        QCOMPARE(ack.body(), QByteArray("v=0"));
        QCOMPARE(d.localSeq(), 7u); // an ACK does not use up a sequence number
    }

    void confirmRecomputesRouteSetAndTarget() {
        const SipMessage inv = invite();
        Dialog d = Dialog::fromUacResponse(inv, response(inv, 183, "<sip:p9.example.net;lr>"));
        d.confirm(response(inv, 200, "<sip:p1.example.net;lr>", "<sip:bob@198.51.100.30>"));
        QCOMPARE(d.state(), Dialog::State::Confirmed);
        QCOMPARE(d.routeSet().size(), 1);
        QCOMPARE(d.routeSet().first().uri().host(), QByteArray("p1.example.net"));
        QCOMPARE(d.remoteTarget().host(), QByteArray("198.51.100.30"));
    }

    void targetRefresh() {
        const SipMessage inv = invite();
        Dialog d = Dialog::fromUacResponse(inv, response(inv, 200, {}));
        SipMessage reinvite = parse("INVITE sip:alice@192.0.2.10 SIP/2.0\n"
                                    "Via: SIP/2.0/UDP 198.51.100.20;branch=z9hG4bKr\n"
                                    "From: <sip:bob@example.com>;tag=btag\n"
                                    "To: <sip:alice@example.com>;tag=atag\n"
                                    "Call-ID: dlg-1\nCSeq: 1 INVITE\n"
                                    "Contact: <sip:bob@203.0.113.44:5090;transport=tcp>\n\n");
        d.refreshTarget(reinvite);
        QCOMPARE(d.remoteTarget().toString(), QByteArray("sip:bob@203.0.113.44:5090;transport=tcp"));
        QCOMPARE(d.makeRequest("BYE").requestUri().toString(),
                 QByteArray("sip:bob@203.0.113.44:5090;transport=tcp"));
    }

    void cseqCheck_data() {
        QTest::addColumn<QList<int>>("sequence");
        QTest::addColumn<QList<int>>("statuses");
        QTest::newRow("ascending") << QList<int>{1, 2, 5} << QList<int>{0, 0, 0};
        QTest::newRow("lower is rejected") << QList<int>{5, 4} << QList<int>{0, 500};
        QTest::newRow("after a rejected one") << QList<int>{5, 3, 6} << QList<int>{0, 500, 0};
    }
    void cseqCheck() {
        QFETCH(QList<int>, sequence);
        QFETCH(QList<int>, statuses);
        const SipMessage inv = invite();
        Dialog d = Dialog::fromUacResponse(inv, response(inv, 200, {}));
        for (int i = 0; i < sequence.size(); ++i) {
            SipMessage r = parse("INFO sip:alice@192.0.2.10 SIP/2.0\n"
                                 "Via: SIP/2.0/UDP 198.51.100.20;branch=z9hG4bKi\n"
                                 "From: <sip:bob@example.com>;tag=btag\n"
                                 "To: <sip:alice@example.com>;tag=atag\n"
                                 "Call-ID: dlg-1\nCSeq: " +
                                 QByteArray::number(sequence.at(i)) + " INFO\n\n");
            QCOMPARE(d.checkRequest(r), statuses.at(i));
        }
    }

    void secureOnlyForSips() {
        SipMessage inv = invite();
        QVERIFY(!Dialog::fromUasRequest(inv, "t", true).isSecure());
        inv.setRequestUri(*SipUri::parse("sips:bob@example.com"));
        QVERIFY(Dialog::fromUasRequest(inv, "t", true).isSecure());
        QVERIFY(!Dialog::fromUasRequest(inv, "t", false).isSecure());
        QVERIFY(Dialog::fromUacResponse(inv, response(inv, 200, {})).isSecure());
    }
};

QTEST_GUILESS_MAIN(TestDialog)
#include "tst_dialog.moc"
