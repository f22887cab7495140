#include "CallItem.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo;

namespace {
// Media that records nothing itself: it says yes or no and reports what it was asked.
class FakeMedia : public CallMedia {
public:
    QHostAddress localAddress() const override { return QHostAddress(QStringLiteral("192.0.2.10")); }
    quint16 localPort() const override { return 40000; }
    void start(const sdp::NegotiatedMedia &) override {}
    void stop() override {}
    bool startRecording(const QString &path) override {
        started.append(path);
        return recordable;
    }
    bool stopRecording() override {
        ++stops;
        return savable;
    }
    bool setAudioDevices(const QByteArray &input, const QByteArray &output) override {
        devices = {input, output};
        return true;
    }
    bool recordable = true, savable = true;
    QStringList started;
    int stops = 0;
    std::pair<QByteArray, QByteArray> devices;
};
} // namespace

// CallItem's recording and device actions on a Call with a fake media: where the file goes and what
// it is called, the sentences when it cannot record, and failures told apart from other media
// errors.
class TestCallItem : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Call> m_call;
    FakeMedia *m_media = nullptr;
    std::unique_ptr<CallItem> m_item;

private Q_SLOTS:
    void init() {
        auto media = std::make_unique<FakeMedia>();
        m_media = media.get();
        m_call =
            std::make_unique<Call>(Call::Direction::Outgoing, sdp::MediaCapabilities{}, std::move(media));
        m_item = std::make_unique<CallItem>(m_call.get());
        m_item->setRecordingsFolder(m_dir.filePath(QStringLiteral("rec/sub")));
    }
    void cleanup() {
        m_item.reset();
        m_call.reset();
    }

    void fileName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("expected");
        QTest::newRow("display name") << "Bob Example"
                                      << "sip:bob@example.com"
                                      << "Bob Example";
        QTest::newRow("uri user") << ""
                                  << "sip:bob@example.com;transport=tcp"
                                  << "bob";
        QTest::newRow("tel") << ""
                             << "tel:+4930123"
                             << "+4930123";
        QTest::newRow("no user") << ""
                                 << "sip:example.com"
                                 << "example.com";
        QTest::newRow("refused characters") << "A/B\\C:D*E?F\"G<H>I|J\tK"
                                            << ""
                                            << "A_B_C_D_E_F_G_H_I_J_K";
        QTest::newRow("hidden") << "..profile"
                                << ""
                                << "profile";
        QTest::newRow("nothing left") << "  "
                                      << ""
                                      << "call";
        QTest::newRow("long") << QString(200, QLatin1Char('x')) << "" << QString(60, QLatin1Char('x'));
    }
    void fileName() {
        QFETCH(QString, name);
        QFETCH(QString, uri);
        QFETCH(QString, expected);
        const QDateTime when(QDate(2024, 5, 1), QTime(9, 8, 7));
        QCOMPARE(CallItem::recordingFileName(when, name, uri), "2024-05-01 09-08-07 " + expected + ".wav");
    }

    void defaultFolder() {
        const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
        if (!music.isEmpty())
            QCOMPARE(CallItem::defaultRecordingsFolder(), music + "/Parlo");
        else
            QVERIFY(CallItem::defaultRecordingsFolder().endsWith("/Recordings"));
    }

    void startAndStop() {
        QSignalSpy changed(m_item.get(), &CallItem::changed);
        QVERIFY(!m_item->recording());
        QVERIFY(m_item->toggleRecording());
        QVERIFY(m_item->recording());
        QVERIFY(m_call->isRecording());
        QVERIFY(changed.count() >= 1);
        // The folder is made; the file is named after the time and the other side.
        QVERIFY(QDir(m_dir.filePath("rec/sub")).exists());
        QCOMPARE(m_media->started.size(), 1);
        const QString file = m_media->started.first();
        QCOMPARE(m_item->recordingFile(), file);
        QCOMPARE(QFileInfo(file).absolutePath(), QDir(m_dir.filePath("rec/sub")).absolutePath());
        QVERIFY2(QRegularExpression(R"(^\d{4}-\d\d-\d\d \d\d-\d\d-\d\d call\.wav$)")
                     .match(QFileInfo(file).fileName())
                     .hasMatch(),
                 qPrintable(file));
        QCOMPARE(m_item->recordingFolderUrl(), QUrl::fromLocalFile(QFileInfo(file).absolutePath()));
        QCOMPARE(m_item->recordingError(), QString());

        QVERIFY(m_item->toggleRecording());
        QVERIFY(!m_item->recording());
        QVERIFY(!m_call->isRecording());
        QCOMPARE(m_media->stops, 1);
        QCOMPARE(m_item->recordingFile(), file); // "Saved to" it
        QCOMPARE(m_item->recordingError(), QString());

        // The saved file exists: the next one in the same second gets a number.
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.close();
        QVERIFY(m_item->startRecording());
        const QString second = m_item->recordingFile();
        QVERIFY(second != file);
        if (QFileInfo(second).fileName().left(19) == QFileInfo(file).fileName().left(19))
            QVERIFY2(second.endsWith(" (2).wav"), qPrintable(second));
        QVERIFY(m_item->stopRecording());
    }

    void folderCannotBeMade() {
        // A file where the folder should be.
        const QString blocked = m_dir.filePath("blocked");
        QFile f(blocked);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        m_item->setRecordingsFolder(blocked + "/Parlo");
        QVERIFY(!m_item->startRecording());
        QVERIFY(!m_item->recording());
        QVERIFY(m_media->started.isEmpty());
        QVERIFY2(m_item->recordingError().contains(QDir::toNativeSeparators(blocked + "/Parlo")),
                 qPrintable(m_item->recordingError()));
    }

    void mediaRefuses() {
        m_media->recordable = false;
        QVERIFY(!m_item->toggleRecording());
        QVERIFY(!m_item->recording());
        QCOMPARE(m_item->recordingFile(), QString()); // nothing was saved
        QVERIFY(!m_item->recordingError().isEmpty());
        // The media's own error about that file is the recording's, not a general warning.
        Q_EMIT m_media->mediaError(CallMediaError::RecordFileUnwritable, m_media->started.first());
        QCOMPARE(m_item->mediaWarning(), QString());
        // A second try that works clears the sentence.
        m_media->recordable = true;
        QVERIFY(m_item->startRecording());
        QCOMPARE(m_item->recordingError(), QString());
    }

    void failsWhileRecording() {
        QVERIFY(m_item->startRecording());
        const QString file = m_item->recordingFile();
        Q_EMIT m_media->mediaError(CallMediaError::RecordFileUnwritable, file);
        Q_EMIT m_media->recordingFailed(file);
        QVERIFY(!m_item->recording());
        QVERIFY2(m_item->recordingError().contains(QDir::toNativeSeparators(file)),
                 qPrintable(m_item->recordingError()));
        QCOMPARE(m_item->mediaWarning(), QString());
        // Another file's trouble (e.g. the CLI's --record) is still a media warning.
        Q_EMIT m_media->mediaError(CallMediaError::RecordFileUnwritable, QStringLiteral("/elsewhere.wav"));
        QVERIFY(!m_item->mediaWarning().isEmpty());
    }

    void cannotBeSaved() {
        QVERIFY(m_item->startRecording());
        m_media->savable = false;
        QVERIFY(!m_item->stopRecording());
        QVERIFY(!m_item->recording());
        QVERIFY(!m_item->recordingError().isEmpty());
    }

    void movesAudio() {
        QVERIFY(!m_item->audioDevicesChosen());
        QSignalSpy changed(m_item.get(), &CallItem::changed);
        QVERIFY(m_item->setAudioDevices(QStringLiteral("usb-mic"), QString()));
        QCOMPARE(m_media->devices.first, QByteArray("usb-mic"));
        QCOMPARE(m_media->devices.second, QByteArray());
        QVERIFY(m_item->audioDevicesChosen());
        QCOMPARE(m_item->inputDeviceId(), QStringLiteral("usb-mic"));
        QCOMPARE(m_item->outputDeviceId(), QString());
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCallItem)
#include "tst_callitem.moc"
