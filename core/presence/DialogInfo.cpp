#include "presence/DialogInfo.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <array>

namespace parlo::presence {

namespace {

const QString kNs = QString::fromLatin1(DialogInfo::xmlNamespace);

constexpr std::array<const char *, 5> kStates{"trying", "proceeding", "early", "confirmed", "terminated"};

bool parseState(const QString &text, DialogInfo::DialogState *out) {
    for (size_t i = 0; i < kStates.size(); ++i) {
        if (text == QLatin1String(kStates[i])) {
            *out = DialogInfo::DialogState(i);
            return true;
        }
    }
    return false;
}

void readParticipant(QXmlStreamReader &r, QString *identity, QString *display) {
    while (r.readNextStartElement()) {
        if (r.namespaceUri() == kNs && r.name() == QLatin1String("identity")) {
            if (display)
                *display = r.attributes().value(QLatin1String("display")).toString();
            *identity = readElementText(r);
        } else {
            r.skipCurrentElement();
        }
    }
}

} // namespace

BusyLamp DialogInfo::busyLamp() const {
    bool ringing = false;
    for (const DialogEntry &d : dialogs) {
        if (d.state == DialogState::Confirmed)
            return BusyLamp::InCall;
        if (d.state != DialogState::Terminated)
            ringing = true;
    }
    return ringing ? BusyLamp::Ringing : BusyLamp::Idle;
}

const DialogInfo::DialogEntry *DialogInfo::pickupCandidate() const {
    for (const DialogEntry &d : dialogs)
        if (d.state == DialogState::Early && d.direction == Direction::Recipient)
            return &d;
    return nullptr;
}

DialogInfo::MergeResult DialogInfo::merge(const DialogInfo &update) {
    if (update.full) {
        *this = update;
    } else {
        if (update.version <= version)
            return MergeResult::Stale;
        if (update.version != version + 1)
            return MergeResult::Gap;
        for (const DialogEntry &u : update.dialogs) {
            auto it = std::find_if(dialogs.begin(), dialogs.end(),
                                   [&](const DialogEntry &d) { return d.id == u.id; });
            if (it == dialogs.end())
                dialogs << u;
            else
                *it = u;
        }
        version = update.version;
    }
    dialogs.erase(std::remove_if(dialogs.begin(), dialogs.end(),
                                 [](const DialogEntry &d) { return d.state == DialogState::Terminated; }),
                  dialogs.end());
    return MergeResult::Applied;
}

std::variant<DialogInfo, EventBodyError> DialogInfo::parse(const QByteArray &body, const XmlLimits &limits) {
    if (EventBodyError e = checkXmlBody(body, limits))
        return e;
    QXmlStreamReader r(body);
    if (!r.readNextStartElement())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, QStringLiteral("no root element"));
    if (r.name() != QLatin1String("dialog-info"))
        return xmlError(r, EventBodyError::Kind::WrongRoot, r.name().toString());
    if (r.namespaceUri() != kNs)
        return xmlError(r, EventBodyError::Kind::WrongNamespace, r.namespaceUri().toString());
    DialogInfo info;
    bool ok = false;
    info.version = r.attributes().value(QLatin1String("version")).toUInt(&ok);
    if (!ok)
        return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("version"));
    const QString state = r.attributes().value(QLatin1String("state")).toString();
    if (state != QLatin1String("full") && state != QLatin1String("partial"))
        return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("state"));
    info.full = state == QLatin1String("full");
    info.entity = r.attributes().value(QLatin1String("entity")).toString();
    while (r.readNextStartElement()) {
        if (r.namespaceUri() != kNs || r.name() != QLatin1String("dialog")) {
            r.skipCurrentElement();
            continue;
        }
        DialogEntry d;
        const auto a = r.attributes();
        d.id = a.value(QLatin1String("id")).toString();
        if (d.id.isEmpty())
            return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("dialog id"));
        d.callId = a.value(QLatin1String("call-id")).toString();
        d.localTag = a.value(QLatin1String("local-tag")).toString();
        d.remoteTag = a.value(QLatin1String("remote-tag")).toString();
        const QString dir = a.value(QLatin1String("direction")).toString();
        if (dir == QLatin1String("initiator"))
            d.direction = Direction::Initiator;
        else if (dir == QLatin1String("recipient"))
            d.direction = Direction::Recipient;
        else if (!dir.isEmpty())
            return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("direction"));
        bool haveState = false;
        while (r.readNextStartElement()) {
            if (r.namespaceUri() != kNs) {
                r.skipCurrentElement();
            } else if (r.name() == QLatin1String("state")) {
                const auto sa = r.attributes();
                d.stateEvent = sa.value(QLatin1String("event")).toString();
                d.stateCode = sa.value(QLatin1String("code")).toInt();
                const QString text = readElementText(r);
                if (!parseState(text, &d.state))
                    return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("dialog state"));
                haveState = true;
            } else if (r.name() == QLatin1String("local")) {
                readParticipant(r, &d.localIdentity, nullptr);
            } else if (r.name() == QLatin1String("remote")) {
                readParticipant(r, &d.remoteIdentity, &d.remoteDisplay);
            } else {
                r.skipCurrentElement();
            }
        }
        if (!haveState)
            return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("state"));
        info.dialogs << d;
    }
    if (r.hasError())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, r.errorString());
    return info;
}

QByteArray DialogInfo::toXml() const {
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDefaultNamespace(kNs);
    w.writeStartElement(kNs, QStringLiteral("dialog-info"));
    w.writeAttribute(QStringLiteral("version"), QString::number(version));
    w.writeAttribute(QStringLiteral("state"), full ? QStringLiteral("full") : QStringLiteral("partial"));
    w.writeAttribute(QStringLiteral("entity"), entity);
    for (const DialogEntry &d : dialogs) {
        w.writeStartElement(kNs, QStringLiteral("dialog"));
        w.writeAttribute(QStringLiteral("id"), d.id);
        if (!d.callId.isEmpty())
            w.writeAttribute(QStringLiteral("call-id"), d.callId);
        if (!d.localTag.isEmpty())
            w.writeAttribute(QStringLiteral("local-tag"), d.localTag);
        if (!d.remoteTag.isEmpty())
            w.writeAttribute(QStringLiteral("remote-tag"), d.remoteTag);
        if (d.direction != Direction::Unspecified)
            w.writeAttribute(QStringLiteral("direction"), d.direction == Direction::Initiator
                                                              ? QStringLiteral("initiator")
                                                              : QStringLiteral("recipient"));
        w.writeStartElement(kNs, QStringLiteral("state"));
        if (!d.stateEvent.isEmpty())
            w.writeAttribute(QStringLiteral("event"), d.stateEvent);
        if (d.stateCode)
            w.writeAttribute(QStringLiteral("code"), QString::number(d.stateCode));
        w.writeCharacters(QLatin1String(kStates[size_t(d.state)]));
        w.writeEndElement();
        if (!d.localIdentity.isEmpty()) {
            w.writeStartElement(kNs, QStringLiteral("local"));
            w.writeTextElement(kNs, QStringLiteral("identity"), d.localIdentity);
            w.writeEndElement();
        }
        if (!d.remoteIdentity.isEmpty()) {
            w.writeStartElement(kNs, QStringLiteral("remote"));
            w.writeStartElement(kNs, QStringLiteral("identity"));
            if (!d.remoteDisplay.isEmpty())
                w.writeAttribute(QStringLiteral("display"), d.remoteDisplay);
            w.writeCharacters(d.remoteIdentity);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement(); // dialog
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace parlo::presence
