#include "CallItem.h"

#include "CallErrorText.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using parlo::Call;

CallItem::CallItem(Call *call, QObject *parent)
    : QObject(parent)
    , m_call(call)
    , m_state(call->state())
    , m_direction(call->direction())
    , m_remoteUri(call->remoteUri())
    , m_remoteName(call->remoteName())
    , m_onHold(call->isOnHold())
    , m_muted(call->isMuted())
    , m_oneWayAudio(call->hasOneWayAudio())
    , m_stats(call->stats()) {
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &CallItem::tick);
    connect(call, &Call::stateChanged, this, &CallItem::syncState);
    connect(call, &Call::holdChanged, this, [this](bool held) {
        m_onHold = held;
        Q_EMIT changed();
    });
    connect(call, &Call::remoteHoldChanged, this, [this](bool held) {
        m_remoteHold = held;
        Q_EMIT changed();
    });
    connect(call, &Call::mutedChanged, this, [this](bool muted) {
        m_muted = muted;
        Q_EMIT changed();
    });
    connect(call, &Call::oneWayAudioChanged, this, [this](bool oneWay) {
        m_oneWayAudio = oneWay;
        Q_EMIT changed();
    });
    connect(call, &Call::statsChanged, this, [this]() {
        if (!m_call)
            return;
        m_stats = m_call->stats();
        Q_EMIT statsChanged();
    });
    connect(call, &Call::recordingChanged, this, [this](bool on) {
        if (on == m_recording)
            return;
        m_recording = on; // stopped with the call, or by a write error (reported below)
        Q_EMIT changed();
    });
    connect(call, &Call::mediaError, this, [this](parlo::CallMediaError error, const QString &detail) {
        // Our recording's own failures show as recordingError; one that started or stopped badly
        // has its sentence already.
        if (error == parlo::CallMediaError::RecordFileUnwritable && m_recordingPaths.contains(detail)) {
            if (m_recordingError.isEmpty())
                setRecordingError(tr("The recording stopped: %1 could not be written.")
                                      .arg(QDir::toNativeSeparators(detail)));
            return;
        }
        // Both devices can be missing: keep each sentence once.
        const QString text = CallErrorText::mediaError(error);
        if (m_mediaWarning.contains(text))
            return;
        m_mediaWarning += (m_mediaWarning.isEmpty() ? QString() : QStringLiteral("\n")) + text;
        Q_EMIT changed();
    });
    connect(call, &Call::ended, this, &CallItem::finish);
    syncState();
}

void CallItem::finish() {
    if (!m_call || !m_endText.isEmpty())
        return;
    m_endText = CallErrorText::endReason(m_call->endReason(), m_call->endStatus());
    syncState();
}

void CallItem::syncState() {
    if (m_call)
        m_state = m_call->state();
    if (m_state == Call::State::Active && !m_clock.isActive()) {
        tick();
        m_clock.start();
    } else if (!isLive()) {
        m_clock.stop();
    }
    Q_EMIT changed();
}

void CallItem::tick() {
    if (m_recording && m_recordingStart.isValid()) {
        const int seconds = std::max(0, int(m_recordingStart.secsTo(QDateTime::currentDateTimeUtc())));
        if (seconds != m_recordingDuration) {
            m_recordingDuration = seconds;
            Q_EMIT durationChanged();
        }
    }
    if (!m_call || !m_call->answerTime().isValid())
        return;
    const int seconds = int(m_call->answerTime().secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds != m_duration) {
        m_duration = std::max(0, seconds);
        Q_EMIT durationChanged();
    }
}

void CallItem::setMuted(bool muted) {
    if (m_call)
        m_call->setMuted(muted);
}

void CallItem::answer() {
    if (m_call)
        m_call->answer();
}

void CallItem::reject() {
    // 603 Decline: the user said no (486 would claim we are busy).
    if (m_call)
        m_call->reject(603);
}

void CallItem::hangup() {
    if (m_call)
        m_call->hangup();
}

bool CallItem::hold() {
    return m_call && m_call->hold();
}

bool CallItem::resume() {
    return m_call && m_call->resume();
}

bool CallItem::sendDtmf(const QString &digits) {
    return m_call && m_call->sendDtmf(digits);
}

void CallItem::setTransferring(bool on) {
    if (m_transferring == on)
        return;
    m_transferring = on;
    Q_EMIT changed();
}

void CallItem::setTransferError(const QString &text) {
    m_transferError = text;
    Q_EMIT changed();
}

QString CallItem::defaultRecordingsFolder() {
    const QString music = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (!music.isEmpty())
        return music + QStringLiteral("/Parlo");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/Recordings");
}

QString CallItem::recordingsFolder() const {
    return m_recordingsFolder.isEmpty() ? defaultRecordingsFolder() : m_recordingsFolder;
}

QString CallItem::recordingFileName(const QDateTime &when, const QString &remoteName,
                                    const QString &remoteUri) {
    QString who = remoteName.trimmed();
    if (who.isEmpty()) {
        // sip:bob@example.com;transport=tcp -> bob; tel:+4930123 -> +4930123
        QString uri = remoteUri;
        uri.remove(QRegularExpression(QStringLiteral("^[a-zA-Z]+:")));
        uri = uri.section(QLatin1Char(';'), 0, 0).section(QLatin1Char('?'), 0, 0);
        who = uri.contains(QLatin1Char('@')) ? uri.section(QLatin1Char('@'), 0, 0) : uri;
    }
    // What Windows, macOS or Linux refuse in a name, and control characters.
    static const QRegularExpression bad(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f\\x7f]"));
    who.replace(bad, QStringLiteral("_"));
    who = who.simplified();
    while (who.startsWith(QLatin1Char('.')))
        who.remove(0, 1);
    who = who.left(60).trimmed();
    if (who.isEmpty())
        who = QStringLiteral("call");
    return when.toString(QStringLiteral("yyyy-MM-dd HH-mm-ss")) + QLatin1Char(' ') + who +
           QStringLiteral(".wav");
}

QUrl CallItem::recordingFolderUrl() const {
    if (m_recordingFile.isEmpty())
        return {};
    return QUrl::fromLocalFile(QFileInfo(m_recordingFile).absolutePath());
}

void CallItem::setRecordingError(const QString &text) {
    m_recordingError = text;
    Q_EMIT changed();
}

bool CallItem::startRecording() {
    if (!m_call || !isLive())
        return false;
    const QString folder = recordingsFolder();
    if (!QDir().mkpath(folder)) {
        setRecordingError(tr("The call cannot be recorded: the folder %1 cannot be created.")
                              .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    const QString name = recordingFileName(QDateTime::currentDateTime(), m_remoteName, m_remoteUri);
    QString path = QDir(folder).filePath(name);
    // Two recordings in one second: "… (2).wav".
    for (int n = 2; QFileInfo::exists(path) && n < 100; ++n)
        path = QDir(folder).filePath(name.chopped(4) + QStringLiteral(" (%1).wav").arg(n));
    m_recordingPaths.append(path);
    m_recordingError.clear();
    m_recordingFile = path;
    const bool ok = m_call->startRecording(path);
    if (!ok) {
        m_recordingFile.clear();
        m_recordingError = tr("The call cannot be recorded to %1.")
                               .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    }
    m_recording = ok;
    m_recordingDuration = 0;
    m_recordingStart = QDateTime::currentDateTimeUtc();
    Q_EMIT durationChanged();
    Q_EMIT changed();
    return ok;
}

bool CallItem::stopRecording() {
    if (!m_recording)
        return true;
    // Set first: the call's recordingChanged(false) that follows is then no failure.
    m_recording = false;
    const bool ok = !m_call || m_call->stopRecording();
    if (!ok)
        m_recordingError =
            tr("The recording could not be saved to %1.").arg(QDir::toNativeSeparators(m_recordingFile));
    Q_EMIT changed();
    return ok;
}

bool CallItem::setAudioDevices(const QString &inputId, const QString &outputId) {
    if (!m_call || !isLive())
        return false;
    m_audioDevicesChosen = true;
    m_inputDeviceId = inputId;
    m_outputDeviceId = outputId;
    const bool ok = m_call->setAudioDevices(inputId.toUtf8(), outputId.toUtf8());
    Q_EMIT changed();
    return ok;
}
