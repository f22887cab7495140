#include "CliApp.h"

#include "CallReporter.h"
#include "ErrorText.h"
#include "WatchReporter.h"
#include "account/UserAgent.h"
#include "call/Call.h"
#include "call/CallManager.h"
#include "call/EngineCallMedia.h"
#include "media/MediaEngine.h"
#include "presence/MessageWaiting.h"
#include "presence/PresencePublisher.h"
#include "presence/PresenceWatcher.h"
#include "sip/dialog/ClientRegistration.h"
#include "sip/dialog/InviteSession.h"
#include "sip/dialog/LocalContact.h"
#include "sip/dialog/Pager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/TransportLayer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>

using namespace parlo;
using namespace parlo::sip;

namespace {
constexpr qint64 kShutdownGraceMs = 1800; // the contract: exit within 2 s of SIGINT/SIGTERM
// Hanging up gets this long before we unregister anyway (BYE/CANCEL need one round trip).
constexpr qint64 kHangupGraceMs = 1000;

// Exit codes (docs/cli.md).
constexpr int kExitFailed = 1;      // rejected (final status), registration or setup failure
constexpr int kExitUnreachable = 3; // no answer at all, transport or DNS failure
constexpr int kExitLost = 4;        // answered, then lost (no ACK, 408/481 in the dialog)
constexpr int kExitCancelled = 5;   // we hung up (SIGINT/SIGTERM) before the call was answered

// "WAV" -> "WAV-2.wav" style names for the n-th call's recording (n >= 2).
QString numberedFile(const QString &path, int n) {
    if (n <= 1 || path.isEmpty())
        return path;
    const int slash = path.lastIndexOf(QLatin1Char('/'));
    const int dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot > slash + 1)
        return path.left(dot) + QStringLiteral("-%1").arg(n) + path.mid(dot);
    return path + QStringLiteral("-%1").arg(n);
}

int exitCodeFor(const Call *call, bool answered) {
    using R = Call::EndReason;
    switch (call->endReason()) {
    case R::HungUpLocally:
        return answered ? 0 : kExitCancelled;
    case R::HungUpRemotely:
        return answered ? 0 : kExitFailed;
    case R::NotReachable:
        return kExitUnreachable;
    case R::ConnectionLost:
        return kExitLost;
    default:
        return kExitFailed;
    }
}

int usageError(const QString &text) {
    std::fprintf(stderr, "parlo-cli: %s\nTry 'parlo-cli --help'.\n", text.toLocal8Bit().constData());
    return 2;
}

// "IP", "IP:PORT", "[IPv6]:PORT", "[IPv6]".
bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port, bool *portGiven) {
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    if (!address->setAddress(host))
        return false;
    *portGiven = !portText.isEmpty();
    if (*portGiven) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p > 65535)
            return false;
        *port = quint16(p);
    }
    return true;
}
} // namespace

int CliApp::parse(const QStringList &rawArgs, Options *o) {
    // Options whose value is optional (QCommandLineParser has none): the bare form gets the default.
    QStringList args;
    for (const QString &a : rawArgs) {
        if (a == QLatin1String("--auto-answer"))
            args << QStringLiteral("--auto-answer=0");
        else if (a == QLatin1String("--reject"))
            args << QStringLiteral("--reject=486");
        else
            args << a;
    }
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Parlo SIP softphone, headless.\n\nCommands:\n"
        "  register --once [--expires N]  register the account, exit 0 once registered\n"
        "  listen                          register (with --aor) or act as a direct-IP endpoint, answer\n"
        "                                  requests and calls, print events until SIGINT/SIGTERM\n"
        "  call URI                        (register with --aor, then) call URI; exit 0 after an\n"
        "                                  answered call ended normally\n"
        "  watch URI...                    print presence, registration and dialog (busy lamp)\n"
        "                                  changes of each URI until SIGINT/SIGTERM\n"
        "  message URI TEXT                send an instant message; exit 0 once delivered\n"
        "  presence available|away|busy|offline [--note TEXT]\n"
        "                                  publish our own presence; exit 0 once accepted"));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("register | listen | call URI | watch URI... | message URI TEXT | presence STATE"));
    const QCommandLineOption aor(QStringLiteral("aor"),
                                 QStringLiteral("Address of record, e.g. sip:alice@example.com."),
                                 QStringLiteral("URI"));
    const QCommandLineOption username(QStringLiteral("username"),
                                      QStringLiteral("Authentication user name (default: the AOR's user)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("Read the password from FILE (else $PARLO_PASSWORD)."), QStringLiteral("FILE"));
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   QStringLiteral("Outbound proxy, e.g. sip:127.0.0.1:5060;transport=tcp."),
                                   QStringLiteral("URI"));
    const QCommandLineOption transport(QStringLiteral("transport"), QStringLiteral("udp, tcp or tls."),
                                       QStringLiteral("PROTO"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Trust the CA certificates in this PEM file for TLS."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Local address for SIP (UDP and TCP), e.g. 0.0.0.0:5060."),
                                    QStringLiteral("IP:PORT"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print events as JSON, one per line."));
    const QCommandLineOption logSip(QStringLiteral("log-sip"),
                                    QStringLiteral("Write every SIP message sent and received to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption once(QStringLiteral("once"), QStringLiteral("register: exit once registered."));
    const QCommandLineOption expires(QStringLiteral("expires"),
                                     QStringLiteral("Registration interval in seconds (default 3600)."),
                                     QStringLiteral("N"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Log what the SIP stack does on stderr."));
    const QCommandLineOption play(
        QStringLiteral("play"), QStringLiteral("Send this WAV file into each call."), QStringLiteral("WAV"));
    const QCommandLineOption record(
        QStringLiteral("record"), QStringLiteral("Record what each call receives (2nd call: NAME-2.wav …)."),
        QStringLiteral("WAV"));
    const QCommandLineOption hangupAfter(QStringLiteral("hangup-after"),
                                         QStringLiteral("Hang up S seconds after the answer."),
                                         QStringLiteral("S"));
    const QCommandLineOption dtmf(QStringLiteral("dtmf"),
                                  QStringLiteral("Send these DTMF digits (0-9*#A-D) after the answer."),
                                  QStringLiteral("DIGITS"));
    const QCommandLineOption dtmfDelay(
        QStringLiteral("dtmf-delay"), QStringLiteral("Wait MS after the answer before --dtmf (default 500)."),
        QStringLiteral("MS"));
    const QCommandLineOption autoAnswer(QStringLiteral("auto-answer"),
                                        QStringLiteral("listen: answer calls after MS (bare: at once)."),
                                        QStringLiteral("MS"));
    const QCommandLineOption reject(QStringLiteral("reject"),
                                    QStringLiteral("listen: reject calls with STATUS (bare: 486)."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption maxCalls(QStringLiteral("max-calls"),
                                      QStringLiteral("listen: exit 0 after N calls ended."),
                                      QStringLiteral("N"));
    const QCommandLineOption codecs(
        QStringLiteral("codecs"), QStringLiteral("Codecs in preference order (default opus,g722,pcmu,pcma)."),
        QStringLiteral("LIST"));
    const QCommandLineOption srtp(QStringLiteral("srtp"),
                                  QStringLiteral("SRTP: off, optional (default) or mandatory."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption audio(QStringLiteral("audio"),
                                   QStringLiteral("Use the sound devices (default: files only)."));
    const QCommandLineOption statsInterval(QStringLiteral("stats-interval"),
                                           QStringLiteral("Seconds between stats events (default 5)."),
                                           QStringLiteral("S"));
    const QCommandLineOption holdAfter(QStringLiteral("hold-after"),
                                       QStringLiteral("Put the call on hold S seconds after the answer."),
                                       QStringLiteral("S"));
    const QCommandLineOption resumeAfter(QStringLiteral("resume-after"),
                                         QStringLiteral("Resume the held call S seconds after the answer."),
                                         QStringLiteral("S"));
    const QCommandLineOption transferTo(QStringLiteral("transfer-to"),
                                        QStringLiteral("Blind-transfer the call (REFER) to URI."),
                                        QStringLiteral("URI"));
    const QCommandLineOption transferAfter(
        QStringLiteral("transfer-after"),
        QStringLiteral("Seconds after the answer before --transfer-to (default 2)."), QStringLiteral("S"));
    const QCommandLineOption note(QStringLiteral("note"),
                                  QStringLiteral("presence: a note to publish with the state."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption listenPresence(
        QStringLiteral("presence"),
        QStringLiteral("listen: publish STATE (available, away, busy, offline) while registered, shown as "
                       "on-the-phone during calls; removed on SIGINT/SIGTERM."),
        QStringLiteral("STATE"));
    const QCommandLineOption events(
        QStringLiteral("events"),
        QStringLiteral("watch: event packages to watch (default presence,reg,dialog)."),
        QStringLiteral("LIST"));
    const QCommandLineOption stay(
        QStringLiteral("stay"),
        QStringLiteral("presence: stay, refresh the publication and remove it on SIGINT/SIGTERM."));
    p.addOptions({note, events, stay, listenPresence});
    p.addOptions({aor,         username, passwordFile,  proxy,      transport,   caFile,     listen,
                  json,        logSip,   once,          expires,    verbose,     play,       record,
                  hangupAfter, dtmf,     dtmfDelay,     autoAnswer, reject,      maxCalls,   codecs,
                  srtp,        audio,    statsInterval, holdAfter,  resumeAfter, transferTo, transferAfter});

    if (!p.parse(args))
        return usageError(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", p.helpText().toLocal8Bit().constData());
        return 0;
    }
    if (p.isSet(QStringLiteral("version"))) {
        std::fprintf(stdout, "parlo-cli %s\n", PARLO_VERSION);
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no command given"));
    o->command = positional.first();
    const bool isCall = o->command == QLatin1String("call");
    const bool isListen = o->command == QLatin1String("listen");
    const bool isWatch = o->command == QLatin1String("watch");
    const bool isMessage = o->command == QLatin1String("message");
    const bool isPresence = o->command == QLatin1String("presence");
    if (o->command != QLatin1String("register") && !isListen && !isCall && !isWatch && !isMessage &&
        !isPresence)
        return usageError(QStringLiteral("unknown command '%1'").arg(o->command));
    // "sip:" is optional on the command line.
    auto targetUri = [](QString target) -> std::optional<SipUri> {
        if (!target.contains(QLatin1Char(':')) || target.startsWith(QLatin1Char('[')) ||
            (!target.startsWith(QLatin1String("sip:")) && !target.startsWith(QLatin1String("sips:")) &&
             !target.startsWith(QLatin1String("tel:"))))
            target.prepend(QStringLiteral("sip:"));
        auto uri = SipUri::parse(target.toUtf8());
        if (!uri || uri->scheme() == SipUri::Scheme::Tel || uri->host().isEmpty())
            return std::nullopt;
        return uri;
    };
    qsizetype maxPositional = isCall ? 2 : 1;
    if (isWatch) {
        if (positional.size() < 2)
            return usageError(QStringLiteral("watch needs at least one URI, e.g. sip:bob@example.com"));
        for (qsizetype i = 1; i < positional.size(); ++i) {
            const auto uri = targetUri(positional.at(i));
            if (!uri)
                return usageError(
                    QStringLiteral("'%1' is not a SIP URI like sip:bob@example.com").arg(positional.at(i)));
            o->watchTargets << *uri;
        }
        maxPositional = positional.size();
    }
    if (isMessage) {
        if (positional.size() < 3)
            return usageError(
                QStringLiteral("message needs a URI and a text, e.g. message sip:bob@example.com 'hi'"));
        o->messageTarget = targetUri(positional.at(1));
        if (!o->messageTarget)
            return usageError(
                QStringLiteral("'%1' is not a SIP URI like sip:bob@example.com").arg(positional.at(1)));
        o->messageText = positional.at(2);
        if (o->messageText.isEmpty())
            return usageError(QStringLiteral("message: the text is empty"));
        maxPositional = 3;
    }
    auto presenceState = [](const QString &text) -> std::optional<parlo::presence::PresenceState> {
        using parlo::presence::PresenceState;
        const QString state = text.toLower();
        if (state == QLatin1String("available"))
            return PresenceState::Available;
        if (state == QLatin1String("away"))
            return PresenceState::Away;
        if (state == QLatin1String("busy"))
            return PresenceState::Busy;
        if (state == QLatin1String("offline"))
            return PresenceState::Offline;
        return std::nullopt;
    };
    if (isPresence) {
        if (positional.size() < 2)
            return usageError(QStringLiteral("presence needs a state: available, away, busy or offline"));
        const auto state = presenceState(positional.at(1));
        if (!state)
            return usageError(QStringLiteral("presence: '%1' is not available, away, busy or offline")
                                  .arg(positional.at(1)));
        o->presenceState = *state;
        maxPositional = 2;
    }
    if (p.isSet(listenPresence)) {
        if (!isListen)
            return usageError(QStringLiteral("--presence needs the listen command"));
        const auto state = presenceState(p.value(listenPresence));
        if (!state)
            return usageError(QStringLiteral("--presence: '%1' is not available, away, busy or offline")
                                  .arg(p.value(listenPresence)));
        o->presenceState = *state;
    }
    if (p.isSet(note) && !isPresence && !p.isSet(listenPresence))
        return usageError(QStringLiteral("--note needs the presence command or listen --presence"));
    o->note = p.value(note);
    if (p.isSet(stay) && !isPresence)
        return usageError(QStringLiteral("--stay needs the presence command"));
    o->stay = p.isSet(stay);
    if (p.isSet(events)) {
        if (!isWatch)
            return usageError(QStringLiteral("--events needs the watch command"));
        o->watchPresence = o->watchRegistration = o->watchDialog = false;
        for (const QString &e : p.value(events).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = e.trimmed().toLower();
            if (name == QLatin1String("presence"))
                o->watchPresence = true;
            else if (name == QLatin1String("reg"))
                o->watchRegistration = true;
            else if (name == QLatin1String("dialog"))
                o->watchDialog = true;
            else
                return usageError(
                    QStringLiteral("--events: unknown package '%1' (presence, reg, dialog)").arg(e));
        }
        if (!o->watchPresence && !o->watchRegistration && !o->watchDialog)
            return usageError(QStringLiteral("--events: no package given"));
    }
    if (isCall) {
        if (positional.size() < 2)
            return usageError(QStringLiteral("call needs a URI, e.g. sip:bob@192.0.2.1:5060"));
        QString target = positional.at(1);
        if (!target.contains(QLatin1Char(':')) || target.startsWith(QLatin1Char('[')) ||
            (!target.startsWith(QLatin1String("sip:")) && !target.startsWith(QLatin1String("sips:")) &&
             !target.startsWith(QLatin1String("tel:"))))
            target.prepend(QStringLiteral("sip:"));
        o->callTarget = SipUri::parse(target.toUtf8());
        if (!o->callTarget || o->callTarget->scheme() == SipUri::Scheme::Tel ||
            o->callTarget->host().isEmpty())
            return usageError(
                QStringLiteral("'%1' is not a SIP URI like sip:bob@example.com").arg(positional.at(1)));
    }
    if (positional.size() > maxPositional)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(positional.at(maxPositional)));
    const QList<QCommandLineOption> callOptions{
        play,  record,        hangupAfter, dtmf,        dtmfDelay,  codecs,       srtp,
        audio, statsInterval, holdAfter,   resumeAfter, transferTo, transferAfter};
    if (!isCall && !isListen) {
        for (const QCommandLineOption &opt :
             callOptions + QList<QCommandLineOption>{autoAnswer, reject, maxCalls})
            if (p.isSet(opt))
                return usageError(
                    QStringLiteral("--%1 needs the call or listen command").arg(opt.names().first()));
    }
    if (isCall) {
        for (const QCommandLineOption &opt : {autoAnswer, reject, maxCalls})
            if (p.isSet(opt))
                return usageError(QStringLiteral("--%1 is a listen option").arg(opt.names().first()));
    }
    o->playFile = p.value(play);
    if (!o->playFile.isEmpty() && !QFile::exists(o->playFile))
        return usageError(QStringLiteral("--play: no such file: %1").arg(o->playFile));
    o->recordFile = p.value(record);
    if (p.isSet(hangupAfter)) {
        bool ok = false;
        o->hangupAfterS = p.value(hangupAfter).toDouble(&ok);
        if (!ok || o->hangupAfterS < 0 || o->hangupAfterS > 86400)
            return usageError(
                QStringLiteral("--hangup-after: '%1' is not a number of seconds").arg(p.value(hangupAfter)));
    }
    o->dtmf = p.value(dtmf);
    for (QChar c : std::as_const(o->dtmf)) {
        if (!QStringLiteral("0123456789*#ABCDabcd").contains(c))
            return usageError(QStringLiteral("--dtmf: '%1' is not a DTMF digit (0-9, *, #, A-D)").arg(c));
    }
    if (o->dtmf.size() > Call::kMaxQueuedDigits)
        return usageError(QStringLiteral("--dtmf: at most %1 digits").arg(Call::kMaxQueuedDigits));
    auto intOption = [&p](const QCommandLineOption &opt, int min, int max, int *out) {
        bool ok = false;
        const int v = p.value(opt).toInt(&ok);
        if (!ok || v < min || v > max)
            return false;
        *out = v;
        return true;
    };
    if (p.isSet(dtmfDelay) && !intOption(dtmfDelay, 0, 600000, &o->dtmfDelayMs))
        return usageError(
            QStringLiteral("--dtmf-delay: '%1' is not a number of milliseconds").arg(p.value(dtmfDelay)));
    if (p.isSet(autoAnswer) && !intOption(autoAnswer, 0, 600000, &o->autoAnswerMs))
        return usageError(
            QStringLiteral("--auto-answer: '%1' is not a number of milliseconds").arg(p.value(autoAnswer)));
    if (p.isSet(reject) && !intOption(reject, 300, 699, &o->rejectStatus))
        return usageError(QStringLiteral("--reject: '%1' is not a status 300-699").arg(p.value(reject)));
    if (p.isSet(reject) && p.isSet(autoAnswer))
        return usageError(QStringLiteral("--reject and --auto-answer exclude each other"));
    if (p.isSet(maxCalls) && !intOption(maxCalls, 1, 1000000, &o->maxCalls))
        return usageError(
            QStringLiteral("--max-calls: '%1' is not a positive number").arg(p.value(maxCalls)));
    auto secondsOption = [&p](const QCommandLineOption &opt, double *out) {
        bool ok = false;
        const double v = p.value(opt).toDouble(&ok);
        if (!ok || v < 0 || v > 86400)
            return false;
        *out = v;
        return true;
    };
    for (const auto &[opt, out] :
         {std::pair{&holdAfter, &o->holdAfterS}, std::pair{&resumeAfter, &o->resumeAfterS},
          std::pair{&transferAfter, &o->transferAfterS}}) {
        if (p.isSet(*opt) && !secondsOption(*opt, out))
            return usageError(QStringLiteral("--%1: '%2' is not a number of seconds")
                                  .arg(opt->names().first(), p.value(*opt)));
    }
    if (p.isSet(resumeAfter) && !p.isSet(holdAfter))
        return usageError(QStringLiteral("--resume-after needs --hold-after"));
    if (p.isSet(resumeAfter) && o->resumeAfterS <= o->holdAfterS)
        return usageError(QStringLiteral("--resume-after must be later than --hold-after"));
    if (p.isSet(transferAfter) && !p.isSet(transferTo))
        return usageError(QStringLiteral("--transfer-after needs --transfer-to"));
    if (p.isSet(transferTo)) {
        QString target = p.value(transferTo);
        if (!target.startsWith(QLatin1String("sip:")) && !target.startsWith(QLatin1String("sips:")))
            target.prepend(QStringLiteral("sip:"));
        o->transferTo = SipUri::parse(target.toUtf8());
        if (!o->transferTo || o->transferTo->host().isEmpty())
            return usageError(
                QStringLiteral("--transfer-to: '%1' is not a SIP URI like sip:carol@example.com")
                    .arg(p.value(transferTo)));
    }
    if (p.isSet(statsInterval)) {
        bool ok = false;
        const double sec = p.value(statsInterval).toDouble(&ok);
        if (!ok || sec < 0.2 || sec > 3600)
            return usageError(
                QStringLiteral("--stats-interval: '%1' is not 0.2-3600 seconds").arg(p.value(statsInterval)));
        o->statsIntervalMs = int(sec * 1000);
    }
    const QList<sdp::Codec> all = sdp::MediaCapabilities::defaultCodecs();
    if (p.isSet(codecs)) {
        for (const QString &name : p.value(codecs).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool found = false;
            for (const sdp::Codec &c : all) {
                if (!c.isTelephoneEvent() &&
                    QString::fromLatin1(c.name).compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
                    o->codecs.append(c);
                    found = true;
                }
            }
            if (!found)
                return usageError(
                    QStringLiteral("--codecs: unknown codec '%1' (opus, g722, pcmu, pcma)").arg(name));
        }
        if (o->codecs.isEmpty())
            return usageError(QStringLiteral("--codecs: no codec given"));
        // telephone-event at the rates of the chosen codecs (RFC 4733 §7.1.1: one per clock rate)
        const QList<sdp::Codec> chosen = o->codecs;
        for (const sdp::Codec &c : all)
            if (c.isTelephoneEvent() &&
                std::any_of(chosen.cbegin(), chosen.cend(),
                            [&c](const sdp::Codec &a) { return a.clockRate == c.clockRate; }))
                o->codecs.append(c);
    } else {
        o->codecs = all;
    }
    if (p.isSet(srtp)) {
        const QString mode = p.value(srtp).toLower();
        if (mode == QLatin1String("off"))
            o->srtp = sdp::SrtpPolicy::Off;
        else if (mode == QLatin1String("optional"))
            o->srtp = sdp::SrtpPolicy::Optional;
        else if (mode == QLatin1String("mandatory"))
            o->srtp = sdp::SrtpPolicy::Mandatory;
        else
            return usageError(
                QStringLiteral("--srtp: '%1' is not off, optional or mandatory").arg(p.value(srtp)));
    }
    o->audio = p.isSet(audio);

    if (p.isSet(aor)) {
        o->aor = SipUri::parse(p.value(aor).toUtf8());
        if (!o->aor || o->aor->scheme() == SipUri::Scheme::Tel || o->aor->user().isEmpty())
            return usageError(QStringLiteral("--aor: '%1' is not a SIP address like sip:alice@example.com")
                                  .arg(p.value(aor)));
    }
    if (o->command == QLatin1String("register") && !o->aor)
        return usageError(QStringLiteral("register needs --aor"));
    if (isPresence && !o->aor)
        return usageError(QStringLiteral("presence needs --aor (the presentity to publish for)"));
    if (isListen && p.isSet(listenPresence) && !o->aor)
        return usageError(QStringLiteral("--presence needs --aor (the presentity to publish for)"));
    if (o->command == QLatin1String("register") && !p.isSet(once))
        return usageError(QStringLiteral("register needs --once (use 'listen' to stay registered)"));
    o->once = p.isSet(once);
    o->username = p.value(username);
    if (p.isSet(passwordFile)) {
        QFile f(p.value(passwordFile));
        if (!f.open(QIODevice::ReadOnly))
            return usageError(
                QStringLiteral("--password-file: cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QByteArray line = f.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        o->password = QString::fromUtf8(line);
    } else {
        o->password = qEnvironmentVariable("PARLO_PASSWORD");
    }
    if (p.isSet(proxy)) {
        o->proxy = SipUri::parse(p.value(proxy).toUtf8());
        if (!o->proxy || o->proxy->scheme() == SipUri::Scheme::Tel || o->proxy->host().isEmpty())
            return usageError(QStringLiteral("--proxy: '%1' is not a SIP URI like sip:proxy.example.com:5060")
                                  .arg(p.value(proxy)));
    }
    if (p.isSet(transport)) {
        o->transport = transportFromName(p.value(transport).toLatin1());
        if (!o->transport)
            return usageError(
                QStringLiteral("--transport: '%1' is not udp, tcp or tls").arg(p.value(transport)));
    }
    if (p.isSet(caFile)) {
        o->caFile = p.value(caFile);
        if (QSslCertificate::fromPath(o->caFile).isEmpty())
            return usageError(QStringLiteral("--ca-file: no PEM certificate in %1").arg(o->caFile));
    }
    if (p.isSet(listen)) {
        if (!parseHostPort(p.value(listen), &o->listenAddress, &o->listenPort, &o->listenPortGiven))
            return usageError(QStringLiteral("--listen: '%1' is not IP:PORT").arg(p.value(listen)));
    }
    if (!o->aor && !o->listenPortGiven && isListen)
        o->listenPort = 5060; // a direct-IP endpoint needs a known port
    o->json = p.isSet(json);
    o->verbose = p.isSet(verbose);
    o->logSipFile = p.value(logSip);
    if (p.isSet(expires)) {
        bool ok = false;
        o->expires = p.value(expires).toUInt(&ok);
        if (!ok || o->expires == 0 || o->expires > 86400)
            return usageError(
                QStringLiteral("--expires: '%1' is not a number of seconds (1–86400)").arg(p.value(expires)));
    }
    return -1;
}

CliApp::CliApp(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(options.json) {}

CliApp::~CliApp() {
    // Calls first: hanging up needs the stack, and the media sessions need the engine's thread.
    delete m_calls;
    m_calls = nullptr;
    delete m_engine;
    m_engine = nullptr;
}

bool CliApp::setUpStack() {
    m_ua = new UserAgent(Clock::system(), this);
    TransportLayer::Settings settings = m_ua->transport()->settings();
    if (!m_options.caFile.isEmpty())
        settings.caCertificates = QSslCertificate::fromPath(m_options.caFile);
    m_ua->transport()->setSettings(settings);

    if (!m_options.logSipFile.isEmpty()) {
        m_sipLog = std::make_unique<QFile>(m_options.logSipFile);
        if (!m_sipLog->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            m_out.error(QStringLiteral("error"), QStringLiteral("cannot write SIP log %1: %2")
                                                     .arg(m_options.logSipFile, m_sipLog->errorString()));
            return false;
        }
        connect(m_ua->transport(), &TransportLayer::wireTrace, this, &CliApp::logWire);
    }

    QString error;
    if (!m_ua->listen(m_options.listenAddress, m_options.listenPort, &error)) {
        m_out.error(QStringLiteral("error"), QStringLiteral("cannot listen on %1:%2: %3")
                                                 .arg(m_options.listenAddress.toString())
                                                 .arg(m_options.listenPort)
                                                 .arg(error));
        return false;
    }
    const Peer local = m_ua->transport()->localEndpoint(TransportProtocol::Udp);
    m_out.event(
        QStringLiteral("listening"),
        QStringLiteral("listening on %1 (udp, tcp)").arg(ErrorText::endpoint(local)),
        {{QStringLiteral("address"), local.address.toString()}, {QStringLiteral("port"), local.port}});

    connect(m_ua->uas(), &UasCore::requestAnswered, this, [this](const SipMessage &request, int status) {
        const QString method = QString::fromLatin1(request.method());
        const QString from = QString::fromUtf8(request.from().uri().toString());
        m_out.event(QStringLiteral("request"),
                    QStringLiteral("%1 from %2 answered %3").arg(method, from).arg(status),
                    {{QStringLiteral("method"), method},
                     {QStringLiteral("from"), from},
                     {QStringLiteral("uri"), QString::fromUtf8(request.requestUri().toString())},
                     {QStringLiteral("status"), status}});
    });
    return true;
}

bool CliApp::start() {
    if (!setUpStack())
        return false;
    const QString &command = m_options.command;
    if (command == QLatin1String("watch")) {
        QTimer::singleShot(0, this, &CliApp::startWatch);
        return true;
    }
    if (command == QLatin1String("message")) {
        QTimer::singleShot(0, this, &CliApp::sendMessage);
        return true;
    }
    if (command == QLatin1String("presence")) {
        QTimer::singleShot(0, this, &CliApp::publishPresence);
        return true;
    }
    if (command != QLatin1String("register") && !setUpCalls())
        return false;
    if (command == QLatin1String("listen"))
        setUpMessages();
    if (m_options.aor)
        startRegistration();
    else if (m_options.command == QLatin1String("call"))
        QTimer::singleShot(0, this, &CliApp::dial);
    return true;
}

bool CliApp::setUpCalls() {
    m_engine = new media::MediaEngine(this);
    m_calls = new CallManager(m_ua, this);
    sdp::MediaCapabilities caps = m_calls->capabilities();
    caps.codecs = m_options.codecs;
    caps.srtp = m_options.srtp;
    m_calls->setCapabilities(caps);
    m_calls->setMediaFactory([this](const QHostAddress &towards) {
        ++m_mediaCount;
        CallMediaOptions media;
        media.playFile = m_options.playFile;
        media.recordFile = numberedFile(m_options.recordFile, m_mediaCount);
        media.useAudioDevices = m_options.audio;
        return createCallMedia(m_engine, media, towards);
    });

    CallManager::Identity me;
    if (m_options.aor) {
        me.from = NameAddr(*m_options.aor);
        if (!m_options.password.isEmpty()) {
            const QString user =
                m_options.username.isEmpty() ? QString::fromUtf8(m_options.aor->user()) : m_options.username;
            me.credentials = DigestCredentials(user.toUtf8(), m_options.password.toUtf8());
        }
    }
    me.outboundProxy = m_options.proxy;
    me.transport = m_options.transport;
    m_calls->setIdentity(me);

    // Transferee: the peer REFERred us elsewhere; the new outgoing call is followed like ours.
    connect(m_calls, &CallManager::transferRequested, this, [this](Call *call, Call *newCall) {
        const int from = reporterId(call);
        follow(newCall);
        const QString target = newCall->remoteUri();
        m_out.event(QStringLiteral("transfer_requested"),
                    QStringLiteral("call %1: transferred by the other side to %2 (call %3)")
                        .arg(from)
                        .arg(target)
                        .arg(m_nextCallId - 1),
                    {{QStringLiteral("call"), from},
                     {QStringLiteral("to"), target},
                     {QStringLiteral("new_call"), m_nextCallId - 1}});
    });

    if (m_options.command == QLatin1String("listen")) {
        if (m_options.autoAnswerMs >= 0)
            m_calls->setAutoAnswer(m_options.autoAnswerMs);
        connect(m_calls, &CallManager::incomingCall, this, [this](Call *call) {
            if (m_shuttingDown) {
                call->reject(480);
                return;
            }
            follow(call);
            const QString id = QString::number(m_nextCallId - 1);
            const QString callId =
                call->session() ? QString::fromUtf8(call->session()->invite().callId()) : QString();
            const QString from = call->remoteName().isEmpty()
                                     ? call->remoteUri()
                                     : QStringLiteral("%1 <%2>").arg(call->remoteName(), call->remoteUri());
            m_out.event(QStringLiteral("incoming"), QStringLiteral("call %1: incoming from %2").arg(id, from),
                        {{QStringLiteral("call"), m_nextCallId - 1},
                         {QStringLiteral("from"), call->remoteUri()},
                         {QStringLiteral("name"), call->remoteName()},
                         {QStringLiteral("call_id"), callId}});
            if (m_options.rejectStatus > 0)
                call->reject(m_options.rejectStatus);
        });
    }
    return true;
}

void CliApp::dial() {
    if (m_dialled || m_shuttingDown)
        return;
    m_dialled = true;
    const QString target = QString::fromUtf8(m_options.callTarget->toString());
    Call *call = m_calls->dial(*m_options.callTarget);
    if (!call) {
        m_out.error(QStringLiteral("call_failed"),
                    QStringLiteral("call failed: cannot open a local RTP port for the call"));
        m_exitCode = kExitFailed;
        shutdown(kExitFailed);
        return;
    }
    follow(call);
    m_out.event(QStringLiteral("calling"),
                QStringLiteral("call %1: calling %2").arg(m_nextCallId - 1).arg(target),
                {{QStringLiteral("call"), m_nextCallId - 1},
                 {QStringLiteral("to"), target},
                 {QStringLiteral("call_id"),
                  call->session() ? QString::fromUtf8(call->session()->invite().callId()) : QString()}});
}

void CliApp::follow(Call *call) {
    CallReporter::Actions actions;
    actions.hangupAfterS = m_options.hangupAfterS;
    actions.dtmf = m_options.dtmf;
    actions.dtmfDelayMs = m_options.dtmfDelayMs;
    actions.statsIntervalMs = m_options.statsIntervalMs;
    actions.holdAfterS = m_options.holdAfterS;
    actions.resumeAfterS = m_options.resumeAfterS;
    actions.transferTo = m_options.transferTo;
    actions.transferAfterS = m_options.transferAfterS;
    auto *reporter = new CallReporter(call, m_nextCallId++, &m_out, actions, m_calls, this);
    ++m_liveCalls;
    if (m_publisher)
        m_publisher->setOnThePhone(true);
    connect(reporter, &CallReporter::finished, this,
            [this, reporter](Call *c) { onCallFinished(c, reporter); });
}

int CliApp::reporterId(const Call *call) const {
    for (const CallReporter *r : findChildren<CallReporter *>(QString(), Qt::FindDirectChildrenOnly))
        if (r->call() == call)
            return r->id();
    return 0;
}

void CliApp::onCallFinished(Call *call, CallReporter *reporter) {
    --m_liveCalls;
    if (m_publisher && m_liveCalls == 0)
        m_publisher->setOnThePhone(false);
    ++m_callsEnded;
    reporter->deleteLater();
    if (m_options.command == QLatin1String("call")) {
        // The dialled call (number 1) decides the exit code; calls a transfer started (REFER
        // from the peer) run to their end before we exit.
        const int code = reporter->id() == 1 ? exitCodeFor(call, reporter->wasAnswered()) : m_exitCode;
        m_exitCode = code;
        if (code != 0 && reporter->id() == 1) {
            QString end = ErrorText::callEnd(call->endReason(), call->endStatus());
            if (call->endReason() == Call::EndReason::NotReachable && call->session()) {
                // The session knows which step failed; name it and the target.
                const QString host =
                    QString::fromUtf8(m_options.proxy.value_or(*m_options.callTarget).toString());
                switch (call->session()->endReason()) {
                case InviteSession::EndReason::Timeout:
                    end = QStringLiteral("no answer from %1 (timeout)").arg(host);
                    break;
                case InviteSession::EndReason::ResolveFailed:
                    end = QStringLiteral("DNS: cannot resolve %1").arg(host);
                    break;
                case InviteSession::EndReason::TransportError:
                    end = QStringLiteral("cannot connect or send to %1").arg(host);
                    break;
                default:
                    break;
                }
            }
            QString text;
            switch (code) {
            case kExitCancelled:
                text = QStringLiteral("call cancelled before the answer");
                break;
            case kExitLost:
                text = QStringLiteral("call lost: ") + end;
                break;
            default:
                text = QStringLiteral("call failed: ") + end;
            }
            m_out.error(QStringLiteral("call_failed"), text,
                        {{QStringLiteral("call"), reporter->id()},
                         {QStringLiteral("reason"), ErrorText::callEndReason(call->endReason())},
                         {QStringLiteral("status"), call->endStatus()},
                         {QStringLiteral("exit_code"), code}});
        }
        if (m_liveCalls == 0 || code != 0)
            shutdown(code);
    } else if (m_options.maxCalls > 0 && m_callsEnded >= m_options.maxCalls) {
        shutdown(0);
    }
    if (m_shuttingDown && m_liveCalls == 0)
        finishShutdown();
}

void CliApp::startRegistration() {
    AccountSettings account;
    account.aor = *m_options.aor;
    account.authUsername = m_options.username;
    account.outboundProxy = m_options.proxy;
    account.transport = m_options.transport;
    m_ua->uas()->setLocalUsers({account.aor.user()});

    m_registration = new ClientRegistration(m_ua->transactions(), m_ua->resolver(), m_ua->clock(), this);
    ClientRegistration::Config config;
    config.aor = account.aor;
    config.outboundProxy = account.outboundProxy;
    config.transport = account.transport;
    config.expires = m_options.expires;
    config.retryAutomatically = m_options.command == QLatin1String("listen");
    m_registration->setConfig(config);
    if (!m_options.password.isEmpty())
        m_registration->setCredentials(
            DigestCredentials(account.effectiveAuthUsername().toUtf8(), m_options.password.toUtf8()));

    const QString aor = QString::fromUtf8(account.aor.toString());
    connect(m_registration, &ClientRegistration::registered, this, [this, aor](quint32 expires) {
        const Peer registrar = m_registration->registrarPeer();
        m_out.event(
            QStringLiteral("registered"),
            QStringLiteral("registered %1 at %2 (%3), expires in %4 s")
                .arg(aor, ErrorText::endpoint(registrar),
                     QString::fromLatin1(transportName(registrar.protocol)))
                .arg(expires),
            {{QStringLiteral("aor"), aor},
             {QStringLiteral("registrar"), registrar.toString()},
             {QStringLiteral("contact"), QString::fromUtf8(m_registration->contact().uri().toString())},
             {QStringLiteral("expires"), qint64(expires)}});
        if (m_options.once)
            QCoreApplication::exit(0);
        else if (m_options.command == QLatin1String("call") && !m_dialled)
            dial();
        else if (m_options.command == QLatin1String("listen") && !m_mwi && !m_shuttingDown) {
            startMessageWaiting();
            if (m_options.presenceState != presence::PresenceState::Unknown)
                publishPresence();
        }
    });
    connect(m_registration, &ClientRegistration::failed, this, [this](const RegistrationError &e) {
        const QJsonObject fields{{QStringLiteral("step"), ErrorText::registrationStep(e)},
                                 {QStringLiteral("status"), e.status},
                                 {QStringLiteral("reason"), QString::fromUtf8(e.reason)},
                                 {QStringLiteral("temporary"), e.temporary && !m_options.once}};
        const bool beforeCall = m_options.command == QLatin1String("call") && !m_dialled;
        if (m_options.once || beforeCall || m_registration->state() == ClientRegistration::State::Failed) {
            m_out.error(QStringLiteral("registration_failed"), ErrorText::registrationFailure(e), fields);
            if (m_liveCalls > 0) { // keep the calls' BYEs from being cut off
                shutdown(kExitFailed);
                return;
            }
            QCoreApplication::exit(kExitFailed);
            return;
        }
        QJsonObject withText = fields;
        withText.insert(QStringLiteral("message"), ErrorText::registrationFailure(e));
        m_out.event(QStringLiteral("registration_failed"), ErrorText::registrationFailure(e), withText);
    });
    connect(m_registration, &ClientRegistration::retryScheduled, this, [this](int seconds) {
        m_out.event(QStringLiteral("retry"), QStringLiteral("registering again in %1 s").arg(seconds),
                    {{QStringLiteral("seconds"), seconds}});
    });
    connect(m_registration, &ClientRegistration::unregistered, this, [this, aor]() {
        m_out.event(QStringLiteral("unregistered"), QStringLiteral("unregistered %1").arg(aor),
                    {{QStringLiteral("aor"), aor}});
    });
    m_registration->start();
}

void CliApp::shutdown(int exitCode) {
    if (exitCode != 0)
        m_exitCode = exitCode;
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    // A call command stopped before it dialled did not make its call.
    if (m_options.command == QLatin1String("call") && !m_dialled && m_exitCode == 0)
        m_exitCode = kExitCancelled;
    QTimer::singleShot(kShutdownGraceMs, this, [this]() { QCoreApplication::exit(m_exitCode); });
    if (m_publisher && m_options.command == QLatin1String("listen") &&
        m_publisher->state() != presence::PresencePublisher::State::Idle) {
        // listen --presence: take our state down alongside hanging up and un-registering.
        m_publisher->remove();
    } else if (m_publisher && m_options.stay &&
               m_publisher->state() != presence::PresencePublisher::State::Idle &&
               m_publisher->state() != presence::PresencePublisher::State::Failed) {
        // --stay: take our state down (PUBLISH Expires: 0) before leaving.
        connect(m_publisher, &presence::PresencePublisher::removed, this,
                [this]() { QCoreApplication::exit(m_exitCode); });
        connect(m_publisher, &presence::PresencePublisher::failed, this,
                [this]() { QCoreApplication::exit(m_exitCode); });
        m_publisher->remove();
        return;
    }
    if (!m_watchers.isEmpty()) {
        // Un-SUBSCRIBE everything; exit once every watcher is done (or at the grace timer).
        auto allIdle = [this]() {
            return std::all_of(m_watchers.cbegin(), m_watchers.cend(),
                               [](const presence::PresenceWatcher *w) {
                                   return w->state() != presence::PresenceWatcher::State::Stopping &&
                                          w->state() != presence::PresenceWatcher::State::Watching;
                               });
        };
        for (presence::PresenceWatcher *w : std::as_const(m_watchers)) {
            connect(w, &presence::PresenceWatcher::stopped, this, [this, allIdle]() {
                if (allIdle())
                    QCoreApplication::exit(m_exitCode);
            });
            w->stop();
        }
        if (allIdle())
            QCoreApplication::exit(m_exitCode);
        return;
    }
    if (m_calls && m_liveCalls > 0) {
        for (Call *call : m_calls->calls())
            call->hangup();
        // Calls that end report through onCallFinished(), which finishes once none is left.
        QTimer::singleShot(kHangupGraceMs, this, &CliApp::finishShutdown);
        if (m_liveCalls > 0)
            return;
    }
    finishShutdown();
}

void CliApp::finishShutdown() {
    if (m_unregisterStarted)
        return;
    m_unregisterStarted = true;
    if (m_mwi)
        m_mwi->stop(); // un-SUBSCRIBE alongside the un-REGISTER
    if (m_registration && m_registration->state() != ClientRegistration::State::Unregistered &&
        m_registration->state() != ClientRegistration::State::Failed) {
        connect(m_registration, &ClientRegistration::unregistered, this,
                [this]() { QCoreApplication::exit(m_exitCode); });
        m_registration->stop();
        return;
    }
    QCoreApplication::exit(m_exitCode);
}

void CliApp::logWire(bool outgoing, const Peer &peer, const QByteArray &bytes) {
    if (!m_sipLog)
        return;
    const QString header =
        QStringLiteral("%1 %2 %3 %4 (%5 bytes)\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                 outgoing ? QStringLiteral("sent to") : QStringLiteral("received from"),
                 QString::fromLatin1(transportName(peer.protocol)), ErrorText::endpoint(peer))
            .arg(bytes.size());
    m_sipLog->write(header.toUtf8());
    QByteArray text = bytes;
    text.replace("\r\n", "\n");
    m_sipLog->write(text);
    if (!text.endsWith('\n'))
        m_sipLog->write("\n");
    m_sipLog->write("\n");
    m_sipLog->flush();
}

NameAddr CliApp::identity(const SipUri &target) const {
    if (m_options.aor)
        return NameAddr(*m_options.aor);
    const SipUri hop = m_options.proxy.value_or(target);
    TransportProtocol protocol = m_options.transport.value_or(TransportProtocol::Udp);
    if (auto t = transportFromName(hop.transportParam()))
        protocol = *t;
    return localContact(m_ua->transport(), "parlo", protocol, QHostAddress(QString::fromLatin1(hop.host())));
}

DigestCredentials CliApp::credentials() const {
    if (!m_options.aor || m_options.password.isEmpty())
        return {};
    const QString user =
        m_options.username.isEmpty() ? QString::fromUtf8(m_options.aor->user()) : m_options.username;
    return DigestCredentials(user.toUtf8(), m_options.password.toUtf8());
}

QString CliApp::hopText(const SipUri &target) const {
    return QString::fromUtf8(m_options.proxy.value_or(target).toString());
}

void CliApp::startWatch() {
    for (const SipUri &target : std::as_const(m_options.watchTargets)) {
        auto *watcher = new presence::PresenceWatcher(m_ua, this);
        presence::PresenceWatcher::Config c;
        c.contact = target;
        c.from = identity(target);
        c.outboundProxy = m_options.proxy;
        c.transport = m_options.transport;
        c.watchPresence = m_options.watchPresence;
        c.watchRegistration = m_options.watchRegistration;
        c.watchDialog = m_options.watchDialog;
        c.expires = m_options.expires;
        watcher->setConfig(c);
        watcher->setCredentials(credentials());
        new WatchReporter(watcher, &m_out, hopText(target), this);
        // Every subscription of every URI ended for good: nothing left to watch.
        connect(watcher, &presence::PresenceWatcher::stateChanged, this,
                [this](presence::PresenceWatcher::State state) {
                    if (state != presence::PresenceWatcher::State::Failed || m_shuttingDown)
                        return;
                    const bool allFailed = std::all_of(
                        m_watchers.cbegin(), m_watchers.cend(), [](const presence::PresenceWatcher *w) {
                            return w->state() == presence::PresenceWatcher::State::Failed;
                        });
                    if (allFailed) {
                        m_out.error(QStringLiteral("watch_failed"),
                                    QStringLiteral("watch failed: no subscription left"));
                        m_exitCode = kExitFailed;
                        QCoreApplication::exit(kExitFailed);
                    }
                });
        m_watchers << watcher;
        m_out.event(QStringLiteral("watching"),
                    QStringLiteral("watching %1").arg(QString::fromUtf8(target.toString())),
                    {{QStringLiteral("uri"), QString::fromUtf8(target.toString())}});
    }
    for (presence::PresenceWatcher *w : std::as_const(m_watchers))
        w->start();
}

void CliApp::sendMessage() {
    m_pager = new Pager(m_ua->transactions(), m_ua->uas(), m_ua->resolver(), this);
    const SipUri target = *m_options.messageTarget;
    Pager::Config c;
    c.from = identity(target);
    c.outboundProxy = m_options.proxy;
    c.transport = m_options.transport;
    m_pager->setConfig(c);
    m_pager->setCredentials(credentials());
    const QString to = QString::fromUtf8(target.toString());
    connect(m_pager, &Pager::delivered, this, [this, to](quint64, int status) {
        m_out.event(QStringLiteral("message_sent"),
                    QStringLiteral("message to %1 delivered (%2)").arg(to, ErrorText::statusText(status)),
                    {{QStringLiteral("to"), to}, {QStringLiteral("status"), status}});
        QCoreApplication::exit(0);
    });
    connect(m_pager, &Pager::failed, this, [this, to, target](quint64, const RequestError &e) {
        const bool unreachable = e.kind == RequestError::Kind::Timeout ||
                                 e.kind == RequestError::Kind::ResolveFailed ||
                                 e.kind == RequestError::Kind::TransportFailed;
        const int code = unreachable ? kExitUnreachable : kExitFailed;
        m_out.error(
            QStringLiteral("message_failed"),
            QStringLiteral("message to %1 failed: %2").arg(to, ErrorText::requestFailure(e, hopText(target))),
            {{QStringLiteral("to"), to},
             {QStringLiteral("kind"), ErrorText::requestFailureKind(e)},
             {QStringLiteral("status"), e.status},
             {QStringLiteral("reason"), QString::fromUtf8(e.reason)},
             {QStringLiteral("exit_code"), code}});
        QCoreApplication::exit(code);
    });
    m_pager->send(target, m_options.messageText.toUtf8());
}

void CliApp::publishPresence() {
    m_publisher = new presence::PresencePublisher(m_ua, this);
    presence::PresencePublisher::Config c;
    c.aor = NameAddr(*m_options.aor);
    c.outboundProxy = m_options.proxy;
    c.transport = m_options.transport;
    c.expires = m_options.expires;
    // The presence command makes one attempt and reports how it went; listen keeps it up.
    const bool keep = m_options.command == QLatin1String("listen");
    c.retryAutomatically = keep;
    m_publisher->setConfig(c);
    m_publisher->setCredentials(credentials());
    connect(m_publisher, &presence::PresencePublisher::published, this, [this, keep](quint32 expires) {
        // What watchers see: on-the-phone while a call is up.
        const QString state = ErrorText::presenceName(m_publisher->effectivePresence());
        const QString note = m_options.note;
        m_out.event(QStringLiteral("published"),
                    (note.isEmpty() ? QStringLiteral("published presence %1").arg(state)
                                    : QStringLiteral("published presence %1 (%2)").arg(state, note)) +
                        QStringLiteral(", expires in %1 s").arg(expires),
                    {{QStringLiteral("state"), state},
                     {QStringLiteral("note"), note},
                     {QStringLiteral("expires"), qint64(expires)}});
        if (!m_options.stay && !keep)
            QCoreApplication::exit(0);
    });
    connect(m_publisher, &presence::PresencePublisher::failed, this, [this, keep](const RequestError &e) {
        const QString hop = hopText(*m_options.aor);
        m_out.error(QStringLiteral("publish_failed"),
                    QStringLiteral("presence failed: %1").arg(ErrorText::requestFailure(e, hop)),
                    {{QStringLiteral("kind"), ErrorText::requestFailureKind(e)},
                     {QStringLiteral("status"), e.status},
                     {QStringLiteral("reason"), QString::fromUtf8(e.reason)}});
        if (!keep)
            QCoreApplication::exit(kExitFailed);
    });
    connect(m_publisher, &presence::PresencePublisher::removed, this,
            [this]() { m_out.event(QStringLiteral("unpublished"), QStringLiteral("presence removed")); });
    m_publisher->setOnThePhone(m_liveCalls > 0);
    m_publisher->setPresence(m_options.presenceState, m_options.note);
}

void CliApp::setUpMessages() {
    m_pager = new Pager(m_ua->transactions(), m_ua->uas(), m_ua->resolver(), this);
    Pager::Config c;
    if (m_options.aor)
        c.from = NameAddr(*m_options.aor);
    c.outboundProxy = m_options.proxy;
    c.transport = m_options.transport;
    m_pager->setConfig(c);
    m_pager->setCredentials(credentials());
    connect(m_pager, &Pager::messageReceived, this,
            [this](const NameAddr &from, const QByteArray &contentType, const QByteArray &body,
                   const QDateTime &) {
                const QString uri = QString::fromUtf8(from.uri().toString());
                const QString text = QString::fromUtf8(body);
                m_out.event(QStringLiteral("message"), QStringLiteral("message from %1: %2").arg(uri, text),
                            {{QStringLiteral("from"), uri},
                             {QStringLiteral("name"), from.displayName()},
                             {QStringLiteral("content_type"), QString::fromUtf8(contentType)},
                             {QStringLiteral("text"), text}});
            });
}

void CliApp::startMessageWaiting() {
    m_mwi = new presence::MessageWaiting(m_ua, this);
    presence::MessageWaiting::Config c;
    c.aor = NameAddr(*m_options.aor);
    c.outboundProxy = m_options.proxy;
    c.transport = m_options.transport;
    m_mwi->setConfig(c);
    m_mwi->setCredentials(credentials());
    connect(m_mwi, &presence::MessageWaiting::changed, this, [this]() {
        const int fresh = m_mwi->newMessages(), old = m_mwi->oldMessages();
        m_out.event(QStringLiteral("mwi"),
                    QStringLiteral("voicemail: %1 new, %2 old%3")
                        .arg(fresh)
                        .arg(old)
                        .arg(m_mwi->waiting() ? QStringLiteral(" (messages waiting)") : QString()),
                    {{QStringLiteral("new"), fresh},
                     {QStringLiteral("old"), old},
                     {QStringLiteral("waiting"), m_mwi->waiting()},
                     {QStringLiteral("account"), m_mwi->summary().account}});
    });
    connect(m_mwi, &presence::MessageWaiting::failed, this, [this](const RequestError &e) {
        const QString text = ErrorText::requestFailure(e, hopText(*m_options.aor));
        m_out.event(QStringLiteral("mwi_failed"),
                    QStringLiteral("voicemail subscription failed: %1").arg(text),
                    {{QStringLiteral("kind"), ErrorText::requestFailureKind(e)},
                     {QStringLiteral("status"), e.status},
                     {QStringLiteral("temporary"), e.temporary},
                     {QStringLiteral("message"), text}});
    });
    m_mwi->start();
}
