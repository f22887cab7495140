#include "sdp/CryptoAttribute.h"

#include <QTest>

using namespace parlo::sdp;
using Suite = CryptoAttribute::Suite;
using ParseError = CryptoAttribute::ParseError;

class TestCryptoAttribute : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void multipleKeys();
    void invalid_data();
    void invalid();
    void generate_data();
    void generate();
    void redacted();
};

void TestCryptoAttribute::parse_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("tag");
    QTest::addColumn<Suite>("suite");
    QTest::addColumn<QByteArray>("keyBase64");
    QTest::addColumn<QByteArray>("lifetime");
    QTest::addColumn<int>("mki");
    QTest::addColumn<int>("mkiLength");
    QTest::addColumn<QList<QByteArray>>("sessionParams");

    // RFC 4568 §9.1 offer and answer, §4 example, §5.1 variants.
    QTest::newRow("rfc4568 9.1 offer")
        << QByteArray("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32")
        << 1 << Suite::AesCm128HmacSha1_80 << QByteArray("PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
        << QByteArray("2^20") << 1 << 32 << QList<QByteArray>{};
    QTest::newRow("rfc4568 9.1 answer")
        << QByteArray("1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:32")
        << 1 << Suite::AesCm128HmacSha1_80 << QByteArray("d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj")
        << QByteArray("2^20") << 1 << 32 << QList<QByteArray>{};
    QTest::newRow("sha1_32 no lifetime")
        << QByteArray("2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|1066:4") << 2
        << Suite::AesCm128HmacSha1_32 << QByteArray("NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj")
        << QByteArray() << 1066 << 4 << QList<QByteArray>{};
    QTest::newRow("key only")
        << QByteArray("7 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz") << 7
        << Suite::AesCm128HmacSha1_80 << QByteArray("WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz")
        << QByteArray() << 0 << 0 << QList<QByteArray>{};
    QTest::newRow("decimal lifetime, session params")
        << QByteArray("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|1048576 "
                      "KDR=1 UNENCRYPTED_SRTCP")
        << 1 << Suite::AesCm128HmacSha1_80 << QByteArray("WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz")
        << QByteArray("1048576") << 0 << 0 << QList<QByteArray>{"KDR=1", "UNENCRYPTED_SRTCP"};
    // Other suites are kept (and flagged), with no key length check.
    QTest::newRow("f8 unsupported")
        << QByteArray("3 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4") << 3
        << Suite::Unsupported << QByteArray("MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm") << QByteArray("2^20")
        << 1 << 4 << QList<QByteArray>{};
    QTest::newRow("aes256 unsupported")
        << QByteArray("4 AES_256_CM_HMAC_SHA1_80 "
                      "inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz")
        << 4 << Suite::Unsupported
        << QByteArray("YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz") << QByteArray() << 0
        << 0 << QList<QByteArray>{};
}

void TestCryptoAttribute::parse() {
    QFETCH(QByteArray, text);
    QFETCH(int, tag);
    QFETCH(Suite, suite);
    QFETCH(QByteArray, keyBase64);
    QFETCH(QByteArray, lifetime);
    QFETCH(int, mki);
    QFETCH(int, mkiLength);
    QFETCH(QList<QByteArray>, sessionParams);

    ParseError err = ParseError::BadMki;
    const auto c = CryptoAttribute::parse(text, &err);
    QVERIFY(c.has_value());
    QCOMPARE(err, ParseError::None);
    QCOMPARE(c->tag(), tag);
    QCOMPARE(c->suite(), suite);
    QCOMPARE(c->isSupported(), suite != Suite::Unsupported);
    QCOMPARE(c->keyParams().size(), 1);
    QCOMPARE(c->keySalt(), QByteArray::fromBase64(keyBase64));
    if (c->isSupported())
        QCOMPARE(c->keySalt().size(), 30);
    QCOMPARE(c->keyParams().first().lifetime, lifetime);
    QCOMPARE(int(c->keyParams().first().mki), mki);
    QCOMPARE(c->keyParams().first().mkiLength, mkiLength);
    QCOMPARE(c->sessionParams(), sessionParams);
    // Round trip.
    QCOMPARE(c->toString(), text);
    QCOMPARE(CryptoAttribute::parse(c->toString()), c);
}

void TestCryptoAttribute::multipleKeys() {
    // RFC 4568 §6.1: several inline key-params separated by ';', each with its own MKI.
    const QByteArray text = "1 AES_CM_128_HMAC_SHA1_80 "
                            "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4;"
                            "inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|2:4";
    const auto c = CryptoAttribute::parse(text);
    QVERIFY(c);
    QCOMPARE(c->keyParams().size(), 2);
    QCOMPARE(c->keyParams()[1].mki, 2u);
    QCOMPARE(c->toString(), text);
}

void TestCryptoAttribute::invalid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ParseError>("error");
    const QByteArray key = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
    auto row = [](const char *tag, const QByteArray &text, ParseError e) { QTest::newRow(tag) << text << e; };
    row("empty", "", ParseError::BadTag);
    row("tag word", "x AES_CM_128_HMAC_SHA1_80 inline:" + key, ParseError::BadTag);
    row("tag too long", "1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + key, ParseError::BadTag);
    row("tag negative", "-1 AES_CM_128_HMAC_SHA1_80 inline:" + key, ParseError::BadTag);
    row("no key", "1 AES_CM_128_HMAC_SHA1_80", ParseError::MissingSuite);
    row("tag only", "1", ParseError::MissingSuite);
    row("uri key method", "1 AES_CM_128_HMAC_SHA1_80 uri:https://k.example/x", ParseError::BadKeyMethod);
    row("too many fields", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|2^20|1:4|x",
        ParseError::BadKeyMethod);
    row("bad base64", "1 AES_CM_128_HMAC_SHA1_80 inline:WVNf!!!zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
        ParseError::BadBase64);
    row("empty key", "1 AES_CM_128_HMAC_SHA1_80 inline:|2^20", ParseError::BadBase64);
    row("short key", "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7",
        ParseError::BadKeyLength);
    row("long key", "1 AES_CM_128_HMAC_SHA1_32 inline:" + key + "AAAA", ParseError::BadKeyLength);
    row("bad lifetime", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|2^x", ParseError::BadLifetime);
    row("huge lifetime exp", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|2^99", ParseError::BadLifetime);
    row("lifetime after mki", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|1:4|2^20", ParseError::BadMki);
    row("mki length 0", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|1:0", ParseError::BadMki);
    row("mki length 129", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|1:129", ParseError::BadMki);
    row("mki word", "1 AES_CM_128_HMAC_SHA1_80 inline:" + key + "|a:4", ParseError::BadMki);
}

void TestCryptoAttribute::invalid() {
    QFETCH(QByteArray, text);
    QFETCH(ParseError, error);
    ParseError err = ParseError::None;
    QCOMPARE(CryptoAttribute::parse(text, &err), std::nullopt);
    QCOMPARE(err, error);
}

void TestCryptoAttribute::generate_data() {
    QTest::addColumn<Suite>("suite");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("80") << Suite::AesCm128HmacSha1_80 << QByteArray("AES_CM_128_HMAC_SHA1_80");
    QTest::newRow("32") << Suite::AesCm128HmacSha1_32 << QByteArray("AES_CM_128_HMAC_SHA1_32");
}

void TestCryptoAttribute::generate() {
    QFETCH(Suite, suite);
    QFETCH(QByteArray, name);
    const CryptoAttribute a = CryptoAttribute::generate(3, suite);
    const CryptoAttribute b = CryptoAttribute::generate(3, suite);
    QCOMPARE(a.tag(), 3);
    QCOMPARE(a.suite(), suite);
    QCOMPARE(a.keySalt().size(), 30);
    QVERIFY(a.keySalt() != b.keySalt()); // fresh each time
    const QByteArray text = a.toString();
    QVERIFY(text.startsWith("3 " + name + " inline:"));
    QCOMPARE(text.size(), 2 + name.size() + 8 + 40); // 30 bytes -> 40 base64 chars, no padding
    QCOMPARE(CryptoAttribute::parse(text), a);
}

void TestCryptoAttribute::redacted() {
    const auto c = CryptoAttribute::parse(
        "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32 KDR=1");
    QVERIFY(c);
    QCOMPARE(c->toRedactedString(),
             QByteArray("1 AES_CM_128_HMAC_SHA1_80 inline:<redacted>|2^20|1:32 KDR=1"));
    QString out;
    QDebug(&out) << *c;
    QVERIFY(out.contains("<redacted>"));
    QVERIFY(!out.contains("PS1uQ"));
}

QTEST_GUILESS_MAIN(TestCryptoAttribute)
#include "tst_cryptoattribute.moc"
