#include "sip/transport/StreamFramer.h"

#include <QTest>

using namespace parlo::sip;

// Feeds chunks one after another and records what comes out: "M:<message>", "PING", "PONG".
class tst_StreamFramer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framing_data();
    void framing();
    void appendBeyondRoom();
    void tooLargeKeepsHeaders();
};

namespace {

const QByteArray kInvite = "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP a.example.com\r\n"
                           "Content-Length: 4\r\n\r\nv=0\n";
const QByteArray kBye = "BYE sip:bob@example.com SIP/2.0\r\nl: 0\r\n\r\n";

QList<QByteArray> bytewise(const QByteArray &data) {
    QList<QByteArray> chunks;
    for (char c : data)
        chunks.append(QByteArray(1, c));
    return chunks;
}

} // namespace

void tst_StreamFramer::framing_data() {
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<int>("maxBuffer");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<StreamFramer::Error>("error");

    const auto none = StreamFramer::Error::None;
    const QByteArray m1 = "M:" + kInvite, m2 = "M:" + kBye;
    QTest::newRow("whole") << QList<QByteArray>{kInvite} << 4096 << QList<QByteArray>{m1} << none;
    QTest::newRow("byte by byte") << bytewise(kInvite + kBye) << 4096 << QList<QByteArray>{m1, m2} << none;
    QTest::newRow("two in one write")
        << QList<QByteArray>{kInvite + kBye} << 4096 << QList<QByteArray>{m1, m2} << none;
    QTest::newRow("split in headers and body")
        << QList<QByteArray>{kInvite.left(20), kInvite.mid(20, 60), kInvite.mid(80) + kBye.left(3),
                             kBye.mid(3)}
        << 4096 << QList<QByteArray>{m1, m2} << none;
    QTest::newRow("split in CRLFCRLF")
        << QList<QByteArray>{kBye.chopped(3), kBye.right(3)} << 4096 << QList<QByteArray>{m2} << none;
    QTest::newRow("incomplete body waits")
        << QList<QByteArray>{kInvite.chopped(1)} << 4096 << QList<QByteArray>{} << none;
    QTest::newRow("compact and odd case")
        << QList<QByteArray>{"OPTIONS sip:x SIP/2.0\r\nCONTENT-length :2\r\n\r\nab"} << 4096
        << QList<QByteArray>{"M:OPTIONS sip:x SIP/2.0\r\nCONTENT-length :2\r\n\r\nab"} << none;
    QTest::newRow("ping") << QList<QByteArray>{"\r\n\r\n"} << 4096 << QList<QByteArray>{"PING"} << none;
    QTest::newRow("ping split") << QList<QByteArray>{"\r\n", "\r", "\n"} << 4096 << QList<QByteArray>{"PING"}
                                << none;
    QTest::newRow("two pings then message") << QList<QByteArray>{"\r\n\r\n\r\n\r\n" + kBye} << 4096
                                            << QList<QByteArray>{"PING", "PING", m2} << none;
    QTest::newRow("pong before message")
        << QList<QByteArray>{"\r\n" + kBye} << 4096 << QList<QByteArray>{"PONG", m2} << none;
    QTest::newRow("missing Content-Length")
        << QList<QByteArray>{"BYE sip:x SIP/2.0\r\nVia: x\r\n\r\n"} << 4096 << QList<QByteArray>{}
        << StreamFramer::Error::MissingContentLength;
    QTest::newRow("bad Content-Length")
        << QList<QByteArray>{"BYE sip:x SIP/2.0\r\nContent-Length: 1x\r\n\r\n"} << 4096 << QList<QByteArray>{}
        << StreamFramer::Error::BadContentLength;
    QTest::newRow("conflicting Content-Length")
        << QList<QByteArray>{"BYE sip:x SIP/2.0\r\nContent-Length: 1\r\nl: 2\r\n\r\nab"} << 4096
        << QList<QByteArray>{} << StreamFramer::Error::BadContentLength;
    QTest::newRow("message after error is not delivered")
        << QList<QByteArray>{"BYE sip:x SIP/2.0\r\n\r\n" + kBye} << 4096 << QList<QByteArray>{}
        << StreamFramer::Error::MissingContentLength;
    QTest::newRow("headers overflow") << QList<QByteArray>{QByteArray(64, 'a'), QByteArray(64, 'b')} << 128
                                      << QList<QByteArray>{} << StreamFramer::Error::BufferOverflow;
    QTest::newRow("body larger than buffer")
        << QList<QByteArray>{"BYE sip:x SIP/2.0\r\nContent-Length: 500\r\n\r\n"} << 128 << QList<QByteArray>{}
        << StreamFramer::Error::MessageTooLarge;
    QTest::newRow("exactly the buffer size")
        << bytewise(kBye) << int(kBye.size()) << QList<QByteArray>{m2} << none;
    QTest::newRow("buffer reused after messages")
        << bytewise(kBye + kBye + kBye) << int(kBye.size()) << QList<QByteArray>{m2, m2, m2} << none;
}

void tst_StreamFramer::framing() {
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(int, maxBuffer);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(StreamFramer::Error, error);

    StreamFramer framer(maxBuffer);
    QList<QByteArray> out;
    for (const QByteArray &chunk : std::as_const(chunks)) {
        if (!framer.append(chunk))
            break;
        while (auto item = framer.next()) {
            switch (item->kind) {
            case StreamFramer::Item::Kind::Message:
                out.append("M:" + item->bytes);
                break;
            case StreamFramer::Item::Kind::Ping:
                out.append("PING");
                break;
            case StreamFramer::Item::Kind::Pong:
                out.append("PONG");
                break;
            }
        }
        if (framer.error() != StreamFramer::Error::None)
            break;
    }
    QCOMPARE(out, expected);
    QCOMPARE(framer.error(), error);
    if (error == StreamFramer::Error::None && !expected.isEmpty())
        QVERIFY(framer.isEmpty());
}

void tst_StreamFramer::tooLargeKeepsHeaders() {
    const QByteArray headers = "NOTIFY sip:a@x SIP/2.0\r\nCall-ID: c\r\nContent-Length: 1048576\r\n\r\n";
    StreamFramer framer(256);
    QVERIFY(framer.append(headers + QByteArray(100, 'x')));
    QVERIFY(!framer.next());
    QCOMPARE(framer.error(), StreamFramer::Error::MessageTooLarge);
    QCOMPARE(framer.rejectedHeaders(), headers);
}

void tst_StreamFramer::appendBeyondRoom() {
    StreamFramer framer(10);
    QVERIFY(framer.append("12345"));
    QCOMPARE(framer.room(), 5);
    QVERIFY(!framer.append("123456"));
    QCOMPARE(framer.error(), StreamFramer::Error::BufferOverflow);
    QVERIFY(!framer.next());
}

QTEST_GUILESS_MAIN(tst_StreamFramer)
#include "tst_streamframer.moc"
