#include "presence/RegInfo.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace parlo::presence {

namespace {

const QString kNs = QString::fromLatin1(RegInfo::xmlNamespace);

bool oneOf(const QString &v, std::initializer_list<const char *> allowed) {
    for (const char *a : allowed)
        if (v == QLatin1String(a))
            return true;
    return false;
}

} // namespace

bool RegInfo::Registration::registered() const {
    if (state == QLatin1String("terminated"))
        return false;
    for (const Contact &c : contacts)
        if (c.active())
            return true;
    return false;
}

QList<RegInfo::Contact> RegInfo::Registration::activeContacts() const {
    QList<Contact> out;
    for (const Contact &c : contacts)
        if (c.active())
            out << c;
    return out;
}

const RegInfo::Registration *RegInfo::registration(const QString &aor) const {
    for (const Registration &r : registrations)
        if (r.aor == aor)
            return &r;
    return nullptr;
}

bool RegInfo::isRegistered(const QString &aor) const {
    const Registration *r = registration(aor);
    return r && r->registered();
}

RegInfo::MergeResult RegInfo::merge(const RegInfo &update) {
    if (update.full) {
        // A full state resets versioning too (a new subscription starts again at 0).
        *this = update;
        return MergeResult::Applied;
    }
    if (update.version <= version)
        return MergeResult::Stale;
    if (update.version != version + 1)
        return MergeResult::Gap;
    for (const Registration &u : update.registrations) {
        auto it = std::find_if(registrations.begin(), registrations.end(), [&](const Registration &r) {
            return (!u.id.isEmpty() && r.id == u.id) || r.aor == u.aor;
        });
        if (it == registrations.end()) {
            registrations << u;
            continue;
        }
        it->state = u.state;
        if (!u.id.isEmpty())
            it->id = u.id;
        for (const Contact &c : u.contacts) {
            auto ct = std::find_if(it->contacts.begin(), it->contacts.end(), [&](const Contact &x) {
                return (!c.id.isEmpty() && x.id == c.id) || (!c.uri.isEmpty() && x.uri == c.uri);
            });
            if (ct == it->contacts.end())
                it->contacts << c;
            else
                *ct = c;
        }
        // Terminated contacts carry their last event for one document only; keep the list bounded.
        it->contacts.erase(std::remove_if(it->contacts.begin(), it->contacts.end(),
                                          [](const Contact &x) { return !x.active(); }),
                           it->contacts.end());
    }
    version = update.version;
    return MergeResult::Applied;
}

std::variant<RegInfo, EventBodyError> RegInfo::parse(const QByteArray &body, const XmlLimits &limits) {
    if (EventBodyError e = checkXmlBody(body, limits))
        return e;
    QXmlStreamReader r(body);
    if (!r.readNextStartElement())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, QStringLiteral("no root element"));
    if (r.name() != QLatin1String("reginfo"))
        return xmlError(r, EventBodyError::Kind::WrongRoot, r.name().toString());
    if (r.namespaceUri() != kNs)
        return xmlError(r, EventBodyError::Kind::WrongNamespace, r.namespaceUri().toString());
    RegInfo info;
    bool ok = false;
    info.version = r.attributes().value(QLatin1String("version")).toUInt(&ok);
    if (!ok)
        return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("version"));
    const QString state = r.attributes().value(QLatin1String("state")).toString();
    if (!oneOf(state, {"full", "partial"}))
        return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("state"));
    info.full = state == QLatin1String("full");
    while (r.readNextStartElement()) {
        if (r.namespaceUri() != kNs || r.name() != QLatin1String("registration")) {
            r.skipCurrentElement();
            continue;
        }
        Registration reg;
        const auto attrs = r.attributes();
        reg.aor = attrs.value(QLatin1String("aor")).toString();
        reg.id = attrs.value(QLatin1String("id")).toString();
        reg.state = attrs.value(QLatin1String("state")).toString();
        if (reg.aor.isEmpty())
            return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("aor"));
        if (!oneOf(reg.state, {"init", "active", "terminated"}))
            return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("registration state"));
        while (r.readNextStartElement()) {
            if (r.namespaceUri() != kNs || r.name() != QLatin1String("contact")) {
                r.skipCurrentElement();
                continue;
            }
            Contact c;
            const auto ca = r.attributes();
            c.id = ca.value(QLatin1String("id")).toString();
            c.state = ca.value(QLatin1String("state")).toString();
            c.event = ca.value(QLatin1String("event")).toString();
            if (!oneOf(c.state, {"active", "terminated"}))
                return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("contact state"));
            if (ca.hasAttribute(QLatin1String("expires"))) {
                const quint32 e = ca.value(QLatin1String("expires")).toUInt(&ok);
                if (!ok)
                    return xmlError(r, EventBodyError::Kind::InvalidValue, QStringLiteral("expires"));
                c.expires = e;
            }
            while (r.readNextStartElement()) {
                if (r.namespaceUri() == kNs && r.name() == QLatin1String("uri"))
                    c.uri = readElementText(r);
                else if (r.namespaceUri() == kNs && r.name() == QLatin1String("display-name"))
                    c.displayName = readElementText(r);
                else
                    r.skipCurrentElement();
            }
            if (c.uri.isEmpty())
                return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("uri"));
            reg.contacts << c;
        }
        info.registrations << reg;
    }
    if (r.hasError())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, r.errorString());
    return info;
}

QByteArray RegInfo::toXml() const {
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDefaultNamespace(kNs);
    w.writeStartElement(kNs, QStringLiteral("reginfo"));
    w.writeAttribute(QStringLiteral("version"), QString::number(version));
    w.writeAttribute(QStringLiteral("state"), full ? QStringLiteral("full") : QStringLiteral("partial"));
    for (const Registration &reg : registrations) {
        w.writeStartElement(kNs, QStringLiteral("registration"));
        w.writeAttribute(QStringLiteral("aor"), reg.aor);
        w.writeAttribute(QStringLiteral("id"), reg.id);
        w.writeAttribute(QStringLiteral("state"), reg.state);
        for (const Contact &c : reg.contacts) {
            w.writeStartElement(kNs, QStringLiteral("contact"));
            w.writeAttribute(QStringLiteral("id"), c.id);
            w.writeAttribute(QStringLiteral("state"), c.state);
            w.writeAttribute(QStringLiteral("event"), c.event);
            if (c.expires)
                w.writeAttribute(QStringLiteral("expires"), QString::number(*c.expires));
            w.writeTextElement(kNs, QStringLiteral("uri"), c.uri);
            if (!c.displayName.isEmpty())
                w.writeTextElement(kNs, QStringLiteral("display-name"), c.displayName);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace parlo::presence
