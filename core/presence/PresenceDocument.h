#pragma once

#include "presence/EventBodyError.h"
#include "presence/PresenceState.h"
#include "presence/XmlBodyGuard.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <variant>

namespace parlo::presence {

// A PIDF document (RFC 3863, application/pidf+xml) with the RPID activities of RFC 4480 and the
// data model's person element (RFC 4479). Value type: parse() reads a NOTIFY/PUBLISH body,
// toXml() writes the one we PUBLISH. Unknown extension elements are ignored, as PIDF allows.
struct PresenceDocument {
    struct Tuple {
        QString id;
        bool open = false;
        bool hasBasic = false; // a tuple without <basic> says nothing about reachability
        QString contact;
        QString note;
        QStringList activities; // RPID inside <status> (older publishers put it there)
        bool operator==(const Tuple &) const = default;
    };

    QString entity; // pres:alice@example.com or sip:…
    QList<Tuple> tuples;
    QStringList activities; // from <dm:person><rpid:activities>: "away", "on-the-phone", …
    QString personNote;
    QStringList notes; // <note> children of <presence>

    // Several tuples: any open tuple makes the presentity Available, refined by its activities
    // (on-the-phone > busy-like > away-like); all tuples closed: Offline; nothing: Unknown.
    PresenceState state() const;
    // The note to show: person, then first open tuple, then document note.
    QString note() const;

    // A document for our own presence: one tuple (open unless Offline), an RPID activity for
    // Away/Busy/OnThePhone, the note on the person and the tuple.
    static PresenceDocument fromState(const QString &entity, PresenceState state, const QString &note = {},
                                      const QString &tupleId = QStringLiteral("t1"),
                                      const QString &contact = {});

    static std::variant<PresenceDocument, EventBodyError> parse(const QByteArray &body,
                                                                const XmlLimits &limits = {});
    QByteArray toXml() const;

    // RFC 4480 activity name folded onto the state it implies (Unknown for neutral ones).
    static PresenceState stateForActivity(const QString &activity);

    static constexpr const char *contentType = "application/pidf+xml";
    static constexpr const char *pidfNamespace = "urn:ietf:params:xml:ns:pidf";
    static constexpr const char *dataModelNamespace = "urn:ietf:params:xml:ns:pidf:data-model";
    static constexpr const char *rpidNamespace = "urn:ietf:params:xml:ns:pidf:rpid";

    bool operator==(const PresenceDocument &) const = default;
};

} // namespace parlo::presence
