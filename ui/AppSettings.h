#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QTranslator>
#include <memory>

class QSettings;

namespace parlo {
class CallManager;
}

// The app's own preferences (not the accounts): call handling, codec order, SRTP policy, start-up
// and language, kept in a QSettings file (~/.config/Parlo/settings.ini). QML edits them through
// the singleton; the call manager follows them (applyTo) and the language takes effect at once.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool doNotDisturb READ doNotDisturb WRITE setDoNotDisturb NOTIFY doNotDisturbChanged)
    Q_PROPERTY(bool autoAnswer READ autoAnswer WRITE setAutoAnswer NOTIFY autoAnswerChanged)
    // Seconds an incoming call rings before it is answered automatically (0..kMaxAutoAnswerDelay).
    Q_PROPERTY(
        int autoAnswerDelay READ autoAnswerDelay WRITE setAutoAnswerDelay NOTIFY autoAnswerDelayChanged)
    Q_PROPERTY(bool startMinimized READ startMinimized WRITE setStartMinimized NOTIFY startMinimizedChanged)
    // "" follows the system, otherwise one of availableLanguages.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList availableLanguages READ availableLanguages CONSTANT)
    // Audio codecs in the order they are offered and preferred (rtpmap names: opus, G722, PCMU, PCMA).
    Q_PROPERTY(QStringList codecOrder READ codecOrder WRITE setCodecOrder NOTIFY codecOrderChanged)
    // codecOrder's names for people, in the current language.
    Q_PROPERTY(QStringList codecLabels READ codecLabels NOTIFY codecLabelsChanged)
    // Whether the desktop shows a system tray (set by the app); without one there is nothing to
    // start minimised to, and closing the window quits.
    Q_PROPERTY(bool trayAvailable READ trayAvailable WRITE setTrayAvailable NOTIFY trayAvailableChanged)
    Q_PROPERTY(SrtpPolicy srtpPolicy READ srtpPolicy WRITE setSrtpPolicy NOTIFY srtpPolicyChanged)
    // Where call recordings are saved; empty: defaultRecordingsFolder.
    Q_PROPERTY(QString recordingsFolder READ recordingsFolder WRITE setRecordingsFolder NOTIFY
                   recordingsFolderChanged)
    Q_PROPERTY(QString defaultRecordingsFolder READ defaultRecordingsFolder CONSTANT)
public:
    // Mirrors parlo::sdp::SrtpPolicy for QML.
    enum class SrtpPolicy { Off, Optional, Mandatory };
    Q_ENUM(SrtpPolicy)
    static constexpr int kMaxAutoAnswerDelay = 60;

    // Empty file: the user's configuration. Tests use their own.
    // Not default-constructible on purpose: QML would otherwise make its own instead of create().
    explicit AppSettings(const QString &file, QObject *parent = nullptr);
    ~AppSettings() override;
    static AppSettings *instance();
    // The QML singleton is the shared instance, owned by C++; its engine is retranslated on a
    // language change.
    static AppSettings *create(QQmlEngine *engine, QJSEngine *);

    bool doNotDisturb() const { return m_dnd; }
    void setDoNotDisturb(bool on);
    bool autoAnswer() const { return m_autoAnswer; }
    void setAutoAnswer(bool on);
    int autoAnswerDelay() const { return m_autoAnswerDelay; }
    void setAutoAnswerDelay(int seconds);
    bool startMinimized() const { return m_startMinimized; }
    void setStartMinimized(bool on);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QStringList availableLanguages() const;
    QStringList codecOrder() const { return m_codecs; }
    void setCodecOrder(const QStringList &codecs);
    QStringList codecLabels() const;
    bool trayAvailable() const { return m_trayAvailable; }
    void setTrayAvailable(bool available);
    SrtpPolicy srtpPolicy() const { return m_srtp; }
    void setSrtpPolicy(SrtpPolicy policy);
    QString recordingsFolder() const { return m_recordingsFolder; }
    void setRecordingsFolder(const QString &folder);
    QString defaultRecordingsFolder() const;

    // Takes a folder picked in a file dialog as the recordings folder when recordings can be
    // written there; otherwise keeps the current one and returns why not, in words for the user.
    Q_INVOKABLE QString chooseRecordingsFolder(const QUrl &folder);

    // Moves the codec at index from to index to (move up/down in the list).
    Q_INVOKABLE void moveCodec(int from, int to);
    // The codec's name for people ("G.711 µ-law" for PCMU).
    Q_INVOKABLE QString codecLabel(const QString &name) const;

    // Makes calls follow these settings: DND, auto-answer, codecs and SRTP now and on every change.
    void applyTo(parlo::CallManager *calls);
    // Loads the translation for language() (the system's when empty) and retranslates the QML
    // engines that use this object. Called at start-up before any window exists.
    void applyLanguage();
    void addEngine(QQmlEngine *engine);

    // Whether the user was told once that closing the window keeps Parlo in the tray.
    bool trayHintShown() const;
    void setTrayHintShown();

    QString fileName() const { return m_file; }
    // The settings file (empty: the user's), also for AudioSettings' device choices.
    static std::unique_ptr<QSettings> openSettings(const QString &file);

Q_SIGNALS:
    void doNotDisturbChanged();
    void autoAnswerChanged();
    void autoAnswerDelayChanged();
    void startMinimizedChanged();
    void languageChanged();
    void codecOrderChanged();
    void codecLabelsChanged();
    void srtpPolicyChanged();
    void trayAvailableChanged();
    void recordingsFolderChanged();

private:
    void load();
    void save(const QString &key, const QVariant &value);
    void applyCalls(parlo::CallManager *calls) const;

    QString m_file;
    bool m_dnd = false;
    bool m_autoAnswer = false;
    int m_autoAnswerDelay = 0;
    bool m_startMinimized = false;
    bool m_trayAvailable = false;
    QString m_language;
    QStringList m_codecs;
    SrtpPolicy m_srtp = SrtpPolicy::Optional;
    QString m_recordingsFolder;
    QTranslator m_translator;
    bool m_translatorInstalled = false;
    QList<QPointer<QQmlEngine>> m_engines;
};
