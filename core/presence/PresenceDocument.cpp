#include "presence/PresenceDocument.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace parlo::presence {

namespace {

const QString kPidf = QString::fromLatin1(PresenceDocument::pidfNamespace);
const QString kDataModel = QString::fromLatin1(PresenceDocument::dataModelNamespace);
const QString kRpid = QString::fromLatin1(PresenceDocument::rpidNamespace);

// Reader on the start of <rpid:activities>: the names of its child elements.
QStringList readActivities(QXmlStreamReader &r) {
    QStringList out;
    while (r.readNextStartElement()) {
        if (r.namespaceUri() == kRpid && r.name() != QLatin1String("note") &&
            r.name() != QLatin1String("other"))
            out << r.name().toString();
        else if (r.namespaceUri() == kRpid && r.name() == QLatin1String("other"))
            out << QStringLiteral("other");
        r.skipCurrentElement();
    }
    return out;
}

int rank(PresenceState s) {
    switch (s) {
    case PresenceState::OnThePhone:
        return 3;
    case PresenceState::Busy:
        return 2;
    case PresenceState::Away:
        return 1;
    default:
        return 0;
    }
}

PresenceState foldActivities(const QStringList &activities) {
    PresenceState best = PresenceState::Unknown;
    for (const QString &a : activities) {
        const PresenceState s = PresenceDocument::stateForActivity(a);
        if (rank(s) > rank(best))
            best = s;
    }
    return best;
}

void readStatus(QXmlStreamReader &r, PresenceDocument::Tuple &t) {
    while (r.readNextStartElement()) {
        if (r.namespaceUri() == kPidf && r.name() == QLatin1String("basic")) {
            const QString basic = readElementText(r);
            t.hasBasic = true;
            t.open = basic == QLatin1String("open");
        } else if (r.namespaceUri() == kRpid && r.name() == QLatin1String("activities")) {
            t.activities << readActivities(r);
        } else {
            r.skipCurrentElement();
        }
    }
}

} // namespace

PresenceState PresenceDocument::stateForActivity(const QString &a) {
    static const QStringList away{QStringLiteral("away"),
                                  QStringLiteral("breakfast"),
                                  QStringLiteral("dinner"),
                                  QStringLiteral("holiday"),
                                  QStringLiteral("meal"),
                                  QStringLiteral("vacation"),
                                  QStringLiteral("sleeping"),
                                  QStringLiteral("in-transit"),
                                  QStringLiteral("travel"),
                                  QStringLiteral("shopping"),
                                  QStringLiteral("permanent-absence")};
    static const QStringList busy{QStringLiteral("busy"),         QStringLiteral("meeting"),
                                  QStringLiteral("appointment"),  QStringLiteral("performance"),
                                  QStringLiteral("presentation"), QStringLiteral("worship"),
                                  QStringLiteral("steering")};
    if (a == QLatin1String("on-the-phone"))
        return PresenceState::OnThePhone;
    if (busy.contains(a))
        return PresenceState::Busy;
    if (away.contains(a))
        return PresenceState::Away;
    return PresenceState::Unknown;
}

PresenceState PresenceDocument::state() const {
    bool anyOpen = false, anyClosed = false;
    QStringList activitiesSeen = activities;
    for (const Tuple &t : tuples) {
        if (!t.hasBasic)
            continue;
        if (t.open) {
            anyOpen = true;
            activitiesSeen << t.activities;
        } else {
            anyClosed = true;
        }
    }
    const PresenceState refined = foldActivities(activitiesSeen);
    if (anyOpen)
        return refined == PresenceState::Unknown ? PresenceState::Available : refined;
    if (anyClosed)
        return PresenceState::Offline;
    return refined; // person-only document (activities without a tuple), else Unknown
}

QString PresenceDocument::note() const {
    if (!personNote.isEmpty())
        return personNote;
    for (const Tuple &t : tuples)
        if (t.open && !t.note.isEmpty())
            return t.note;
    for (const Tuple &t : tuples)
        if (!t.note.isEmpty())
            return t.note;
    return notes.value(0);
}

PresenceDocument PresenceDocument::fromState(const QString &entity, PresenceState state, const QString &note,
                                             const QString &tupleId, const QString &contact) {
    PresenceDocument d;
    d.entity = entity;
    Tuple t;
    t.id = tupleId;
    t.hasBasic = true;
    t.open = state != PresenceState::Offline;
    t.contact = contact;
    t.note = note;
    d.tuples << t;
    switch (state) {
    case PresenceState::Away:
        d.activities << QStringLiteral("away");
        break;
    case PresenceState::Busy:
        d.activities << QStringLiteral("busy");
        break;
    case PresenceState::OnThePhone:
        d.activities << QStringLiteral("on-the-phone");
        break;
    default:
        break;
    }
    d.personNote = note;
    return d;
}

std::variant<PresenceDocument, EventBodyError> PresenceDocument::parse(const QByteArray &body,
                                                                       const XmlLimits &limits) {
    if (EventBodyError e = checkXmlBody(body, limits))
        return e;
    QXmlStreamReader r(body);
    if (!r.readNextStartElement())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, QStringLiteral("no root element"));
    if (r.name() != QLatin1String("presence"))
        return xmlError(r, EventBodyError::Kind::WrongRoot, r.name().toString());
    if (r.namespaceUri() != kPidf)
        return xmlError(r, EventBodyError::Kind::WrongNamespace, r.namespaceUri().toString());
    PresenceDocument d;
    d.entity = r.attributes().value(QLatin1String("entity")).toString();
    if (d.entity.isEmpty())
        return xmlError(r, EventBodyError::Kind::MissingField, QStringLiteral("entity"));
    while (r.readNextStartElement()) {
        if (r.namespaceUri() == kPidf && r.name() == QLatin1String("tuple")) {
            Tuple t;
            t.id = r.attributes().value(QLatin1String("id")).toString();
            while (r.readNextStartElement()) {
                if (r.namespaceUri() == kPidf && r.name() == QLatin1String("status"))
                    readStatus(r, t);
                else if (r.namespaceUri() == kPidf && r.name() == QLatin1String("contact"))
                    t.contact = readElementText(r);
                else if (r.namespaceUri() == kPidf && r.name() == QLatin1String("note"))
                    t.note = readElementText(r);
                else
                    r.skipCurrentElement();
            }
            d.tuples << t;
        } else if (r.namespaceUri() == kDataModel && r.name() == QLatin1String("person")) {
            while (r.readNextStartElement()) {
                if (r.namespaceUri() == kRpid && r.name() == QLatin1String("activities"))
                    d.activities << readActivities(r);
                else if (r.name() == QLatin1String("note") &&
                         (r.namespaceUri() == kDataModel || r.namespaceUri() == kRpid))
                    d.personNote = readElementText(r);
                else
                    r.skipCurrentElement();
            }
        } else if (r.namespaceUri() == kPidf && r.name() == QLatin1String("note")) {
            d.notes << readElementText(r);
        } else {
            r.skipCurrentElement();
        }
    }
    if (r.hasError())
        return xmlError(r, EventBodyError::Kind::NotWellFormed, r.errorString());
    return d;
}

QByteArray PresenceDocument::toXml() const {
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDefaultNamespace(kPidf);
    w.writeNamespace(kDataModel, QStringLiteral("dm"));
    w.writeNamespace(kRpid, QStringLiteral("rpid"));
    w.writeStartElement(kPidf, QStringLiteral("presence"));
    w.writeAttribute(QStringLiteral("entity"), entity);
    for (const Tuple &t : tuples) {
        w.writeStartElement(kPidf, QStringLiteral("tuple"));
        w.writeAttribute(QStringLiteral("id"), t.id);
        w.writeStartElement(kPidf, QStringLiteral("status"));
        if (t.hasBasic)
            w.writeTextElement(kPidf, QStringLiteral("basic"),
                               t.open ? QStringLiteral("open") : QStringLiteral("closed"));
        if (!t.activities.isEmpty()) {
            w.writeStartElement(kRpid, QStringLiteral("activities"));
            for (const QString &a : t.activities)
                w.writeEmptyElement(kRpid, a);
            w.writeEndElement();
        }
        w.writeEndElement(); // status
        if (!t.contact.isEmpty())
            w.writeTextElement(kPidf, QStringLiteral("contact"), t.contact);
        if (!t.note.isEmpty())
            w.writeTextElement(kPidf, QStringLiteral("note"), t.note);
        w.writeEndElement(); // tuple
    }
    if (!activities.isEmpty() || !personNote.isEmpty()) {
        w.writeStartElement(kDataModel, QStringLiteral("person"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("p1"));
        if (!activities.isEmpty()) {
            w.writeStartElement(kRpid, QStringLiteral("activities"));
            for (const QString &a : activities)
                w.writeEmptyElement(kRpid, a);
            w.writeEndElement();
        }
        if (!personNote.isEmpty())
            w.writeTextElement(kDataModel, QStringLiteral("note"), personNote);
        w.writeEndElement(); // person
    }
    for (const QString &n : notes)
        w.writeTextElement(kPidf, QStringLiteral("note"), n);
    w.writeEndElement(); // presence
    w.writeEndDocument();
    return out;
}

} // namespace parlo::presence
