#pragma once

#include "media/SoundDevice.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

#include <memory>

// The sound devices for calls (microphone, speaker) and for the ringtone, chosen by the user and
// kept with the app settings; an empty id means "the system default", as for core's
// CallMediaOptions, which reads them for each new call. Lists follow devices being plugged in and
// out. While the settings page shows, a level meter listens to the chosen microphone; a test tone
// (1 s, 440 Hz) plays on the chosen speaker or ringer; and while a call rings, the ringtone plays
// on the ringer device. The sound system is asked for its devices only when something needs them
// (the settings page, a test tone, the ringtone), not at start-up.
class AudioSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{id, name}], the system default ("" id) first.
    Q_PROPERTY(QVariantList inputs READ inputs NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList outputs READ outputs NOTIFY devicesChanged)
    Q_PROPERTY(bool hasInput READ hasInput NOTIFY devicesChanged)
    Q_PROPERTY(bool hasOutput READ hasOutput NOTIFY devicesChanged)
    Q_PROPERTY(QString inputId READ inputId WRITE setInputId NOTIFY inputIdChanged)
    Q_PROPERTY(QString outputId READ outputId WRITE setOutputId NOTIFY outputIdChanged)
    Q_PROPERTY(QString ringerId READ ringerId WRITE setRingerId NOTIFY ringerIdChanged)
    // Rows of the choices in inputs/outputs (a chosen device that is unplugged shows as the default).
    Q_PROPERTY(int inputIndex READ inputIndex NOTIFY inputIdChanged)
    Q_PROPERTY(int outputIndex READ outputIndex NOTIFY outputIdChanged)
    Q_PROPERTY(int ringerIndex READ ringerIndex NOTIFY ringerIdChanged)
    // Listens to the chosen microphone and reports level while true (the settings page is shown).
    Q_PROPERTY(bool monitoring READ monitoring WRITE setMonitoring NOTIFY monitoringChanged)
    // 0 (silence, -60 dBFS or less) .. 1 (full scale), updated while monitoring.
    Q_PROPERTY(qreal level READ level NOTIFY levelChanged)
    Q_PROPERTY(bool testTonePlaying READ testTonePlaying NOTIFY testTonePlayingChanged)
    // The ringtone plays on the ringer device while true (a call is ringing).
    Q_PROPERTY(bool ringing READ ringing WRITE setRinging NOTIFY ringingChanged)
    // Why the meter or the tone could not run, as a sentence; empty when fine.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    static constexpr int kTestToneMs = 1000;
    static constexpr double kTestToneHz = 440;

    // Choices are kept in settingsFile (empty: the app settings' file).
    // Not default-constructible on purpose: QML would otherwise make its own instead of create().
    explicit AudioSettings(const QString &settingsFile, QObject *parent = nullptr);
    ~AudioSettings() override;
    static AudioSettings *instance();
    static AudioSettings *create(QQmlEngine *, QJSEngine *);

    QVariantList inputs() const;
    QVariantList outputs() const;
    bool hasInput() const;
    bool hasOutput() const;
    QString inputId() const { return m_inputId; }
    void setInputId(const QString &id);
    QString outputId() const { return m_outputId; }
    void setOutputId(const QString &id);
    QString ringerId() const { return m_ringerId; }
    void setRingerId(const QString &id);
    int inputIndex() const;
    int outputIndex() const;
    int ringerIndex() const;
    bool monitoring() const { return m_monitoring; }
    void setMonitoring(bool on);
    qreal level() const { return m_level; }
    bool testTonePlaying() const { return m_testTone != nullptr; }
    bool ringing() const { return m_ringing; }
    void setRinging(bool on);
    QString errorText() const { return m_errorText; }

    // Plays the test tone on the speaker (or, with ringer, on the ringer device).
    Q_INVOKABLE void playTestTone(bool ringer = false);

    // For the calls' media: the chosen device ids, empty for the system default.
    QByteArray inputDeviceId() const { return m_inputId.toUtf8(); }
    QByteArray outputDeviceId() const { return m_outputId.toUtf8(); }

    // Level 0..1 of 16-bit samples, on a -60..0 dBFS scale.
    static qreal levelOf(const qint16 *samples, qsizetype count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void devicesChanged();
    void inputIdChanged();
    void outputIdChanged();
    void ringerIdChanged();
    void monitoringChanged();
    void levelChanged();
    void testTonePlayingChanged();
    void ringingChanged();
    void errorTextChanged();

private:
    // Connects to the sound system and lists the devices, the first time only.
    void ensureDevices() const;
    void refresh();
    void setId(QString *member, const QString &key, const QString &id);
    parlo::media::SoundDevice findInput() const;
    parlo::media::SoundDevice findOutput(const QString &id) const;
    void startMonitor();
    void stopMonitor();
    void setLevel(qreal level);
    void stopTestTone();
    void startRinger();
    void stopRinger();
    void setErrorText(const QString &text);
    // The test tone (1 s) or the ringtone (until stopped) on device; null when it cannot play.
    std::unique_ptr<QObject> startTone(const parlo::media::SoundDevice &device, bool ringtone);

    QString m_file;
    // Filled by ensureDevices(), from const getters too (QML reads the lists through them).
    mutable bool m_watching = false;
    mutable QList<parlo::media::SoundDevice> m_inputs, m_outputs;
    QString m_inputId, m_outputId, m_ringerId;
    bool m_monitoring = false;
    qreal m_level = 0;
    std::unique_ptr<QObject> m_monitor; // the microphone while the meter runs
    std::unique_ptr<QObject> m_testTone;
    bool m_ringing = false;
    std::unique_ptr<QObject> m_ringTone;
    QString m_errorText;
};
