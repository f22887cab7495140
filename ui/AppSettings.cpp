#include "AppSettings.h"

#include "CallItem.h"
#include "call/CallManager.h"
#include "sdp/MediaCapabilities.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryFile>
#include <QUrl>

Q_LOGGING_CATEGORY(lcAppSettings, "parlo.ui.settings")

namespace {
const QString kDnd = QStringLiteral("calls/doNotDisturb");
const QString kAutoAnswer = QStringLiteral("calls/autoAnswer");
const QString kAutoAnswerDelay = QStringLiteral("calls/autoAnswerDelay");
const QString kStartMinimized = QStringLiteral("app/startMinimized");
const QString kLanguage = QStringLiteral("app/language");
const QString kTrayHint = QStringLiteral("app/trayHintShown");
const QString kCodecs = QStringLiteral("media/codecs");
const QString kSrtp = QStringLiteral("media/srtp");
const QString kRecordings = QStringLiteral("calls/recordingsFolder");

// The audio codecs we can offer, in the default order (telephone-event is not a choice).
QStringList knownCodecs() {
    QStringList names;
    for (const parlo::sdp::Codec &c : parlo::sdp::MediaCapabilities::defaultCodecs())
        if (!c.isTelephoneEvent())
            names << QString::fromLatin1(c.name);
    return names;
}

// Known names only, each once, in the given order; codecs left out keep their default order
// behind the others (a newer Parlo may know more than the file lists).
QStringList normalizedOrder(const QStringList &wanted) {
    const QStringList known = knownCodecs();
    QStringList out;
    for (const QString &name : wanted)
        for (const QString &k : known)
            if (k.compare(name, Qt::CaseInsensitive) == 0 && !out.contains(k))
                out << k;
    for (const QString &k : known)
        if (!out.contains(k))
            out << k;
    return out;
}
} // namespace

std::unique_ptr<QSettings> AppSettings::openSettings(const QString &file) {
    if (file.isEmpty())
        return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                           QStringLiteral("Parlo"), QStringLiteral("settings"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

AppSettings::AppSettings(const QString &file, QObject *parent)
    : QObject(parent)
    , m_file(file) {
    load();
}

AppSettings::~AppSettings() {
    if (m_translatorInstalled)
        QCoreApplication::removeTranslator(&m_translator);
}

AppSettings *AppSettings::instance() {
    // Lives as long as the application object, like AppStorage.
    static AppSettings *settings = [] {
        auto *s = new AppSettings(QString());
        if (QCoreApplication *app = QCoreApplication::instance())
            s->setParent(app);
        return s;
    }();
    return settings;
}

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *) {
    AppSettings *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    s->addEngine(engine);
    return s;
}

void AppSettings::load() {
    const auto s = openSettings(m_file);
    m_dnd = s->value(kDnd, false).toBool();
    m_autoAnswer = s->value(kAutoAnswer, false).toBool();
    m_autoAnswerDelay = std::clamp(s->value(kAutoAnswerDelay, 0).toInt(), 0, kMaxAutoAnswerDelay);
    m_startMinimized = s->value(kStartMinimized, false).toBool();
    m_language = s->value(kLanguage).toString();
    if (!m_language.isEmpty() && !availableLanguages().contains(m_language))
        m_language.clear();
    m_codecs = normalizedOrder(s->value(kCodecs).toStringList());
    const QString srtp = s->value(kSrtp).toString();
    m_srtp = srtp == QLatin1String("off")         ? SrtpPolicy::Off
             : srtp == QLatin1String("mandatory") ? SrtpPolicy::Mandatory
                                                  : SrtpPolicy::Optional;
    m_recordingsFolder = s->value(kRecordings).toString();
}

void AppSettings::save(const QString &key, const QVariant &value) {
    const auto s = openSettings(m_file);
    s->setValue(key, value);
    s->sync();
    if (s->status() != QSettings::NoError)
        qCWarning(lcAppSettings) << "cannot save" << key << "to" << s->fileName();
}

void AppSettings::setDoNotDisturb(bool on) {
    if (on == m_dnd)
        return;
    m_dnd = on;
    save(kDnd, on);
    Q_EMIT doNotDisturbChanged();
}

void AppSettings::setAutoAnswer(bool on) {
    if (on == m_autoAnswer)
        return;
    m_autoAnswer = on;
    save(kAutoAnswer, on);
    Q_EMIT autoAnswerChanged();
}

void AppSettings::setAutoAnswerDelay(int seconds) {
    seconds = std::clamp(seconds, 0, kMaxAutoAnswerDelay);
    if (seconds == m_autoAnswerDelay)
        return;
    m_autoAnswerDelay = seconds;
    save(kAutoAnswerDelay, seconds);
    Q_EMIT autoAnswerDelayChanged();
}

void AppSettings::setStartMinimized(bool on) {
    if (on == m_startMinimized)
        return;
    m_startMinimized = on;
    save(kStartMinimized, on);
    Q_EMIT startMinimizedChanged();
}

void AppSettings::setRecordingsFolder(const QString &folder) {
    const QString clean = folder.isEmpty() ? QString() : QDir::cleanPath(folder);
    if (clean == m_recordingsFolder)
        return;
    m_recordingsFolder = clean;
    save(kRecordings, clean);
    Q_EMIT recordingsFolderChanged();
}

QString AppSettings::defaultRecordingsFolder() const {
    return CallItem::defaultRecordingsFolder();
}

QString AppSettings::chooseRecordingsFolder(const QUrl &folder) {
    if (!folder.isLocalFile())
        return tr("Recordings can only be saved in a folder on this computer.");
    const QString path = QDir::cleanPath(folder.toLocalFile());
    if (!QFileInfo(path).isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(path));
    // Asked by writing, not by permission bits: ACLs and read-only mounts say otherwise.
    QTemporaryFile probe(path + QStringLiteral("/.parlo-XXXXXX"));
    if (!probe.open())
        return tr("Parlo cannot save files in %1. Choose a folder you can write to.")
            .arg(QDir::toNativeSeparators(path));
    setRecordingsFolder(path == defaultRecordingsFolder() ? QString() : path);
    return {};
}

void AppSettings::setTrayAvailable(bool available) {
    if (available == m_trayAvailable)
        return;
    m_trayAvailable = available;
    Q_EMIT trayAvailableChanged();
}

QStringList AppSettings::availableLanguages() const {
    // English is the source language; the others ship as :/i18n/parlo_<code>.qm.
    return {QStringLiteral("en"), QStringLiteral("de")};
}

void AppSettings::setLanguage(const QString &language) {
    if (language == m_language || (!language.isEmpty() && !availableLanguages().contains(language)))
        return;
    m_language = language;
    save(kLanguage, language);
    applyLanguage();
    Q_EMIT languageChanged();
    Q_EMIT codecLabelsChanged();
}

void AppSettings::applyLanguage() {
    if (m_translatorInstalled) {
        QCoreApplication::removeTranslator(&m_translator);
        m_translatorInstalled = false;
    }
    const QLocale locale = m_language.isEmpty() ? QLocale() : QLocale(m_language);
    // English needs no file: with no translator the source strings show.
    if (m_language != QLatin1String("en") &&
        m_translator.load(locale, QStringLiteral("parlo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        m_translatorInstalled = QCoreApplication::installTranslator(&m_translator);
    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines))
        if (engine)
            engine->retranslate();
}

void AppSettings::addEngine(QQmlEngine *engine) {
    m_engines.removeAll(nullptr);
    if (engine && !m_engines.contains(engine))
        m_engines.append(engine);
}

void AppSettings::setCodecOrder(const QStringList &codecs) {
    const QStringList order = normalizedOrder(codecs);
    if (order == m_codecs)
        return;
    m_codecs = order;
    save(kCodecs, order);
    Q_EMIT codecOrderChanged();
    Q_EMIT codecLabelsChanged();
}

void AppSettings::moveCodec(int from, int to) {
    if (from < 0 || from >= m_codecs.size() || to < 0 || to >= m_codecs.size() || from == to)
        return;
    QStringList order = m_codecs;
    order.move(from, to);
    setCodecOrder(order);
}

QStringList AppSettings::codecLabels() const {
    QStringList labels;
    for (const QString &name : m_codecs)
        labels << codecLabel(name);
    return labels;
}

QString AppSettings::codecLabel(const QString &name) const {
    if (name == QLatin1String("opus"))
        return tr("Opus (wideband, 48 kHz)");
    if (name == QLatin1String("G722"))
        return tr("G.722 (wideband, 16 kHz)");
    if (name == QLatin1String("PCMU"))
        return tr("G.711 µ-law (PCMU, 8 kHz)");
    if (name == QLatin1String("PCMA"))
        return tr("G.711 A-law (PCMA, 8 kHz)");
    return name;
}

void AppSettings::setSrtpPolicy(SrtpPolicy policy) {
    if (policy == m_srtp)
        return;
    m_srtp = policy;
    save(kSrtp, policy == SrtpPolicy::Off         ? QStringLiteral("off")
                : policy == SrtpPolicy::Mandatory ? QStringLiteral("mandatory")
                                                  : QStringLiteral("optional"));
    Q_EMIT srtpPolicyChanged();
}

bool AppSettings::trayHintShown() const {
    return openSettings(m_file)->value(kTrayHint, false).toBool();
}

void AppSettings::setTrayHintShown() {
    save(kTrayHint, true);
}

void AppSettings::applyCalls(parlo::CallManager *calls) const {
    calls->setDoNotDisturb(m_dnd);
    calls->setAutoAnswer(m_autoAnswer ? m_autoAnswerDelay * 1000 : -1);
    parlo::sdp::MediaCapabilities caps = calls->capabilities();
    const QList<parlo::sdp::Codec> all = parlo::sdp::MediaCapabilities::defaultCodecs();
    caps.codecs.clear();
    for (const QString &name : m_codecs)
        for (const parlo::sdp::Codec &c : all)
            if (!c.isTelephoneEvent() && QString::fromLatin1(c.name) == name)
                caps.codecs.append(c);
    for (const parlo::sdp::Codec &c : all)
        if (c.isTelephoneEvent())
            caps.codecs.append(c);
    caps.srtp = m_srtp == SrtpPolicy::Off         ? parlo::sdp::SrtpPolicy::Off
                : m_srtp == SrtpPolicy::Mandatory ? parlo::sdp::SrtpPolicy::Mandatory
                                                  : parlo::sdp::SrtpPolicy::Optional;
    calls->setCapabilities(caps);
}

void AppSettings::applyTo(parlo::CallManager *calls) {
    if (!calls)
        return;
    applyCalls(calls);
    // The manager is the context: the connections end with it. A change applies to the next call.
    const auto reapply = [this, calls]() { applyCalls(calls); };
    disconnect(this, nullptr, calls, nullptr);
    for (auto signal : {&AppSettings::doNotDisturbChanged, &AppSettings::autoAnswerChanged,
                        &AppSettings::autoAnswerDelayChanged, &AppSettings::codecOrderChanged,
                        &AppSettings::srtpPolicyChanged})
        connect(this, signal, calls, reapply);
}
