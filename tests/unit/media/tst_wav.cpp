#include "media/GoertzelDetector.h"
#include "media/ToneGenerator.h"
#include "media/WavReader.h"
#include "media/WavWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace parlo::media;

Q_DECLARE_METATYPE(parlo::media::MediaError::Kind)

class TestWav : public QObject {
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void headerBytes();
    void chunkedRead();
    void extraChunks();
    void atomicWrite();
    void malformed_data();
    void malformed();
    void unfinalizedDataSize();

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

static QByteArray le16(int v) {
    char b[2];
    qToLittleEndian(uint16_t(v), b);
    return QByteArray(b, 2);
}
static QByteArray le32(uint32_t v) {
    char b[4];
    qToLittleEndian(v, b);
    return QByteArray(b, 4);
}
static QByteArray fmtChunk(int tag, int channels, int rate, int bits, int blockAlign = -1) {
    if (blockAlign < 0)
        blockAlign = channels * bits / 8;
    return "fmt " + le32(16) + le16(tag) + le16(channels) + le32(uint32_t(rate)) +
           le32(uint32_t(rate * blockAlign)) + le16(blockAlign) + le16(bits);
}
static QByteArray riff(const QByteArray &chunks) {
    return "RIFF" + le32(uint32_t(4 + chunks.size())) + "WAVE" + chunks;
}

void TestWav::init() {
    QVERIFY(m_dir.isValid());
}

void TestWav::roundTrip_data() {
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::newRow("8k mono") << 8000 << 1;
    QTest::newRow("16k mono") << 16000 << 1;
    QTest::newRow("44.1k stereo") << 44100 << 2;
    QTest::newRow("48k stereo") << 48000 << 2;
}

void TestWav::roundTrip() {
    QFETCH(int, rate);
    QFETCH(int, channels);
    std::vector<int16_t> samples(size_t(rate / 10 * channels));
    for (size_t i = 0; i < samples.size(); ++i)
        samples[i] = int16_t(int(i * 7919) % 65536 - 32768);
    WavWriter writer;
    QVERIFY(writer.open(path("rt.wav"), WavFormat{rate, channels}));
    // In several writes, as a recorder does.
    const size_t half = samples.size() / 2 / size_t(channels) * size_t(channels);
    QVERIFY(writer.write(std::span<const int16_t>(samples.data(), half)));
    QVERIFY(writer.write(std::span<const int16_t>(samples.data() + half, samples.size() - half)));
    QCOMPARE(writer.framesWritten(), int64_t(rate / 10));
    QVERIFY(writer.close());
    QCOMPARE(QFileInfo(path("rt.wav")).size(), qint64(44 + samples.size() * 2));

    WavFormat format;
    MediaError error;
    const auto read = WavReader::readAll(path("rt.wav"), &format, &error);
    QVERIFY(read);
    QCOMPARE(format, (WavFormat{rate, channels}));
    QCOMPARE(*read, samples);
}

void TestWav::headerBytes() {
    WavWriter writer;
    QVERIFY(writer.open(path("h.wav"), WavFormat{16000, 2}));
    const std::vector<int16_t> s{1, -1, 256, -256};
    QVERIFY(writer.write(s));
    QVERIFY(writer.close());
    QFile f(path("h.wav"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray expected =
        riff(fmtChunk(1, 2, 16000, 16) + "data" + le32(8) + QByteArray::fromHex("0100ffff000100ff"));
    QCOMPARE(f.readAll(), expected);
}

void TestWav::chunkedRead() {
    ToneGenerator gen(8000, ToneGenerator::sine(1000, 8000));
    const auto tone = gen.generate(1000);
    WavWriter writer;
    QVERIFY(writer.open(path("c.wav"), WavFormat{8000, 1}));
    QVERIFY(writer.write(tone));
    QVERIFY(writer.close());
    WavReader reader(path("c.wav"));
    QVERIFY(reader.isOpen());
    QCOMPARE(reader.totalFrames(), int64_t(1000));
    std::vector<int16_t> all;
    int reads = 0;
    for (;;) {
        const auto part = reader.read(160);
        if (part.empty())
            break;
        ++reads;
        all.insert(all.end(), part.begin(), part.end());
    }
    QCOMPARE(reads, 7); // 6 × 160 + 40
    QCOMPARE(all, tone);
    QVERIFY(reader.rewind());
    QCOMPARE(reader.read(5), std::vector<int16_t>(tone.begin(), tone.begin() + 5));
}

void TestWav::extraChunks() {
    // A fixture with a LIST chunk (odd-sized item) between fmt and data.
    WavFormat format;
    const auto samples =
        WavReader::readAll(QStringLiteral(PARLO_TEST_DATA "/media/tone1k_8k_list.wav"), &format);
    QVERIFY(samples);
    QCOMPARE(format, (WavFormat{8000, 1}));
    QCOMPARE(samples->size(), size_t(800));
    QVERIFY(qAbs(GoertzelDetector::amplitude(*samples, 1000, 8000) - 8000) < 200);

    // fact and an odd-sized junk chunk before fmt, LIST after data, WAVE_FORMAT_EXTENSIBLE.
    QByteArray ext = "fmt " + le32(40) + le16(0xfffe) + le16(1) + le32(8000) + le32(16000) + le16(2) +
                     le16(16) + le16(22) + le16(16) + le32(4) + le16(1) +
                     QByteArray::fromHex("000000001000800000aa00389b71");
    const QByteArray data = "data" + le32(4) + le16(1000) + le16(-1000);
    QFile f(path("ext.wav"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(riff("junk" + le32(3) + "abc" + QByteArray(1, '\0') + ext + "fact" + le32(4) + le32(2) + data +
                 "LIST" + le32(4) + "INFO"));
    f.close();
    const auto s = WavReader::readAll(path("ext.wav"));
    QVERIFY(s);
    QCOMPARE(*s, (std::vector<int16_t>{1000, -1000}));
}

void TestWav::atomicWrite() {
    // Until close() the target keeps its old content; destroying without close() leaves it alone.
    QFile old(path("a.wav"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    {
        WavWriter writer;
        QVERIFY(writer.open(path("a.wav"), WavFormat{8000, 1}));
        QVERIFY(writer.write(std::vector<int16_t>(160, 5)));
        QCOMPARE(QFileInfo(path("a.wav")).size(), qint64(3));
    }
    QCOMPARE(QFileInfo(path("a.wav")).size(), qint64(3));
    WavWriter writer;
    QVERIFY(writer.open(path("a.wav"), WavFormat{8000, 1}));
    QVERIFY(writer.write(std::vector<int16_t>(160, 5)));
    QVERIFY(writer.close());
    QCOMPARE(QFileInfo(path("a.wav")).size(), qint64(44 + 320));
    QVERIFY(!writer.write(std::vector<int16_t>(1, 0))); // closed

    WavWriter bad;
    QVERIFY(!bad.open(path("b.wav"), WavFormat{8000, 3}));
    QCOMPARE(bad.error().kind, MediaError::Kind::UnsupportedFormat);
    QVERIFY(!bad.open(path("missing-dir/b.wav"), WavFormat{8000, 1}));
    QCOMPARE(bad.error().kind, MediaError::Kind::IoError);
}

void TestWav::malformed_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<MediaError::Kind>("kind");
    const QByteArray data = "data" + le32(4) + le32(0);
    QTest::newRow("empty") << QByteArray() << MediaError::Kind::TooShort;
    QTest::newRow("short riff") << QByteArray("RIFF\0\0") << MediaError::Kind::TooShort;
    QTest::newRow("not riff") << QByteArray("RIFX") + le32(4) + "WAVE" << MediaError::Kind::BadFormat;
    QTest::newRow("not wave") << QByteArray("RIFF") + le32(4) + "AVI " << MediaError::Kind::BadFormat;
    QTest::newRow("no chunks") << riff({}) << MediaError::Kind::BadFormat;
    QTest::newRow("no fmt") << riff(data) << MediaError::Kind::BadFormat;
    QTest::newRow("no data") << riff(fmtChunk(1, 1, 8000, 16)) << MediaError::Kind::BadFormat;
    QTest::newRow("fmt too short") << riff("fmt " + le32(8) + QByteArray(8, '\0') + data)
                                   << MediaError::Kind::BadFormat;
    QTest::newRow("fmt truncated") << riff("fmt " + le32(16) + QByteArray(6, '\0'))
                                   << MediaError::Kind::TooShort;
    QTest::newRow("8-bit") << riff(fmtChunk(1, 1, 8000, 8) + data) << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("float") << riff(fmtChunk(3, 1, 8000, 32) + data) << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("mulaw") << riff(fmtChunk(7, 1, 8000, 8) + data) << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("6 channels") << riff(fmtChunk(1, 6, 8000, 16) + data)
                                << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("0 channels") << riff(fmtChunk(1, 0, 8000, 16, 2) + data)
                                << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("rate 0") << riff(fmtChunk(1, 1, 0, 16) + data) << MediaError::Kind::UnsupportedFormat;
    QTest::newRow("bad block align") << riff(fmtChunk(1, 1, 8000, 16, 3) + data)
                                     << MediaError::Kind::BadFormat;
    QTest::newRow("data before fmt") << riff(data + fmtChunk(1, 1, 8000, 16)) << MediaError::Kind::BadFormat;
    QTest::newRow("chunk size beyond file")
        << riff("LIST" + le32(0x7fffffff) + "INFO") << MediaError::Kind::BadFormat;
}

void TestWav::malformed() {
    QFETCH(QByteArray, bytes);
    QFETCH(MediaError::Kind, kind);
    QFile f(path("bad.wav"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    WavReader reader;
    QVERIFY(!reader.open(path("bad.wav")));
    QCOMPARE(reader.error().kind, kind);
    QVERIFY(!reader.isOpen());
    QVERIFY(reader.read(10).empty());
    MediaError error;
    QVERIFY(!WavReader::readAll(path("bad.wav"), nullptr, &error));
    QCOMPARE(error.kind, kind);
}

void TestWav::unfinalizedDataSize() {
    // A recorder killed before finalizing leaves data size 0 (or -1): read what is there.
    for (uint32_t size : {0u, 0xffffffffu}) {
        QFile f(path("u.wav"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(riff(fmtChunk(1, 1, 8000, 16) + "data" + le32(size) + le16(7) + le16(8) + le16(9)));
        f.close();
        const auto s = WavReader::readAll(path("u.wav"));
        QVERIFY(s);
        QCOMPARE(*s, (std::vector<int16_t>{7, 8, 9}));
    }
    MediaError error;
    QVERIFY(!WavReader::readAll(path("does-not-exist.wav"), nullptr, &error));
    QCOMPARE(error.kind, MediaError::Kind::IoError);
}

QTEST_GUILESS_MAIN(TestWav)
#include "tst_wav.moc"
