#pragma once

#include "call/Call.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QTimer>
#include <QUrl>

// One call as the call screens show it: the core Call's state, identity, live duration and media
// quality as bindable properties, and the actions on it. Keeps its last values when the core Call
// ends and goes away, so a screen never binds to a dangling object.
class CallItem : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CallController creates the calls")
    Q_PROPERTY(parlo::Call::State state READ state NOTIFY changed)
    Q_PROPERTY(parlo::Call::Direction direction READ direction CONSTANT)
    Q_PROPERTY(QString remoteUri READ remoteUri CONSTANT)
    Q_PROPERTY(QString remoteName READ remoteName CONSTANT)
    Q_PROPERTY(bool onHold READ onHold NOTIFY changed)
    Q_PROPERTY(bool remoteHold READ remoteHold NOTIFY changed)
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY changed)
    Q_PROPERTY(bool oneWayAudio READ oneWayAudio NOTIFY changed)
    Q_PROPERTY(int duration READ duration NOTIFY durationChanged) // seconds since answered
    // Media quality (what the media engine measured so far).
    Q_PROPERTY(bool hasMedia READ hasMedia NOTIFY statsChanged)
    Q_PROPERTY(QString codec READ codec NOTIFY statsChanged)
    Q_PROPERTY(bool secure READ secure NOTIFY statsChanged)
    Q_PROPERTY(qint64 packetsSent READ packetsSent NOTIFY statsChanged)
    Q_PROPERTY(qint64 packetsReceived READ packetsReceived NOTIFY statsChanged)
    Q_PROPERTY(double jitterMs READ jitterMs NOTIFY statsChanged)
    Q_PROPERTY(double lossPercent READ lossPercent NOTIFY statsChanged)
    Q_PROPERTY(double rttMs READ rttMs NOTIFY statsChanged) // -1 until known
    // Translated sentences, empty while there is nothing to say.
    Q_PROPERTY(QString mediaWarning READ mediaWarning NOTIFY changed)
    Q_PROPERTY(QString endText READ endText NOTIFY changed)
    Q_PROPERTY(QString transferError READ transferError NOTIFY changed)
    Q_PROPERTY(bool transferring READ transferring NOTIFY changed)
    // Recording the conversation (both sides) into the recordings folder.
    Q_PROPERTY(bool recording READ recording NOTIFY changed)
    Q_PROPERTY(int recordingDuration READ recordingDuration NOTIFY durationChanged) // seconds
    // The file being recorded, or the last one saved (a local path); empty before the first.
    Q_PROPERTY(QString recordingFile READ recordingFile NOTIFY changed)
    Q_PROPERTY(QUrl recordingFolderUrl READ recordingFolderUrl NOTIFY changed)
    // Why the recording could not start or stopped early, as a sentence; empty when fine.
    Q_PROPERTY(QString recordingError READ recordingError NOTIFY changed)
    // The devices chosen during this call with setAudioDevices() ("" is the system default);
    // until then (audioDevicesChosen false) the call uses the audio settings' choice.
    Q_PROPERTY(bool audioDevicesChosen READ audioDevicesChosen NOTIFY changed)
    Q_PROPERTY(QString inputDeviceId READ inputDeviceId NOTIFY changed)
    Q_PROPERTY(QString outputDeviceId READ outputDeviceId NOTIFY changed)
public:
    explicit CallItem(parlo::Call *call, QObject *parent = nullptr);

    parlo::Call *call() const { return m_call; }
    parlo::Call::State state() const { return m_state; }
    parlo::Call::Direction direction() const { return m_direction; }
    QString remoteUri() const { return m_remoteUri; }
    QString remoteName() const { return m_remoteName; }
    bool onHold() const { return m_onHold; }
    bool remoteHold() const { return m_remoteHold; }
    bool muted() const { return m_muted; }
    void setMuted(bool muted);
    bool oneWayAudio() const { return m_oneWayAudio; }
    int duration() const { return m_duration; }
    bool hasMedia() const {
        return m_stats.packetsSent + m_stats.packetsReceived > 0 || !m_stats.codec.isEmpty();
    }
    QString codec() const { return m_stats.codec; }
    bool secure() const { return m_stats.secure; }
    qint64 packetsSent() const { return qint64(m_stats.packetsSent); }
    qint64 packetsReceived() const { return qint64(m_stats.packetsReceived); }
    double jitterMs() const { return m_stats.jitterMs; }
    double lossPercent() const { return m_stats.lossPercent; }
    double rttMs() const { return m_stats.rttMs; }
    QString mediaWarning() const { return m_mediaWarning; }
    QString endText() const { return m_endText; }
    QString transferError() const { return m_transferError; }
    bool transferring() const { return m_transferring; }
    bool recording() const { return m_recording; }
    int recordingDuration() const { return m_recordingDuration; }
    QString recordingFile() const { return m_recordingFile; }
    QUrl recordingFolderUrl() const;
    QString recordingError() const { return m_recordingError; }
    bool audioDevicesChosen() const { return m_audioDevicesChosen; }
    QString inputDeviceId() const { return m_inputDeviceId; }
    QString outputDeviceId() const { return m_outputDeviceId; }
    bool isLive() const {
        return m_state != parlo::Call::State::Ended && m_state != parlo::Call::State::Ending;
    }

    Q_INVOKABLE void answer();
    Q_INVOKABLE void reject();
    Q_INVOKABLE void hangup();
    Q_INVOKABLE bool hold();
    Q_INVOKABLE bool resume();
    // Digits 0-9 * # A-D; false when the call cannot send them now.
    Q_INVOKABLE bool sendDtmf(const QString &digits);
    // Starts a recording into a new file in the recordings folder, named after the time and the
    // other side; false (and recordingError set) when it cannot.
    Q_INVOKABLE bool startRecording();
    // Finalizes the file; false (and recordingError set) when it could not be written.
    Q_INVOKABLE bool stopRecording();
    Q_INVOKABLE bool toggleRecording() { return m_recording ? stopRecording() : startRecording(); }
    // Moves this call to other devices (ids as in AudioSettings.inputs/outputs, "" the default).
    Q_INVOKABLE bool setAudioDevices(const QString &inputId, const QString &outputId);

    // Where recordings go; empty: defaultRecordingsFolder().
    void setRecordingsFolder(const QString &folder) { m_recordingsFolder = folder; }
    QString recordingsFolder() const;
    // <Music>/Parlo, or <app data>/Recordings where there is no music folder.
    static QString defaultRecordingsFolder();
    // "<yyyy-MM-dd HH-mm-ss> <remote user>.wav", with what file systems refuse replaced.
    static QString recordingFileName(const QDateTime &when, const QString &remoteName,
                                     const QString &remoteUri);

    // Takes the end reason from the core Call (whichever of the controller and the Call's own
    // ended signal comes first).
    void finish();

    // CallController reports its transfers here.
    void setTransferring(bool on);
    void setTransferError(const QString &text);
    bool wasTransferred() const { return m_transferred; }
    void markTransferred() { m_transferred = true; }

Q_SIGNALS:
    void changed();
    void durationChanged();
    void statsChanged();

private:
    void syncState();
    void tick();
    void setRecordingError(const QString &text);

    QPointer<parlo::Call> m_call;
    parlo::Call::State m_state;
    parlo::Call::Direction m_direction;
    QString m_remoteUri, m_remoteName;
    bool m_onHold = false, m_remoteHold = false, m_muted = false, m_oneWayAudio = false;
    int m_duration = 0;
    parlo::CallMediaStats m_stats;
    QString m_mediaWarning, m_endText, m_transferError;
    bool m_transferring = false;
    bool m_transferred = false;
    bool m_recording = false;
    int m_recordingDuration = 0;
    QDateTime m_recordingStart;
    QString m_recordingFile, m_recordingError, m_recordingsFolder;
    QStringList m_recordingPaths; // every file we tried, to tell our errors from others'
    bool m_audioDevicesChosen = false;
    QString m_inputDeviceId, m_outputDeviceId;
    QTimer m_clock; // the duration counts while the call is answered
};
