#include "sip/auth/Sha512_256.h"

#include <QCryptographicHash>
#include <QTest>

using parlo::sip::Sha512_256;

class TestSha512_256 : public QObject {
    Q_OBJECT
private slots:
    void knownVectors_data();
    void knownVectors();
    void sha512MatchesQt();
};

void TestSha512_256::knownVectors_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    // FIPS 180-4 / NIST example vectors for SHA-512/256.
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray(
                                     "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461");
    QTest::newRow("896 bits (two blocks)")
        << QByteArray(
               "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmn"
               "opqrsmnopqrstnopqrstu")
        << QByteArray("3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a");
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << QByteArray(
                                      "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21");
}

void TestSha512_256::knownVectors() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Sha512_256::hash(input).toHex(), expected);
}

// Every length around the padding boundaries (111/112/127/128 bytes) against Qt's SHA-512, which
// shares the round constants and compression function.
void TestSha512_256::sha512MatchesQt() {
    QByteArray data;
    for (int len = 0; len <= 300; ++len) {
        QCOMPARE(Sha512_256::sha512(data), QCryptographicHash::hash(data, QCryptographicHash::Sha512));
        data.append(char(len * 7 + 3));
    }
}

QTEST_GUILESS_MAIN(TestSha512_256)
#include "tst_sha512_256.moc"
