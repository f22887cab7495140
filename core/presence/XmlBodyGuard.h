#pragma once

#include "presence/EventBodyError.h"

#include <QByteArray>
#include <QXmlStreamReader>

namespace parlo::presence {

// Limits for XML bodies received from the network. A NOTIFY body is attacker-controlled: cap the
// size before parsing, refuse any DTD (so no entity can be declared, let alone expanded) and bound
// nesting and element count so a parser walk stays cheap.
struct XmlLimits {
    qsizetype maxBytes = 64 * 1024;
    int maxDepth = 32;
    int maxElements = 4096;
};

// Validates a whole body against the limits and well-formedness in one pass. Run before the
// package parser, which can then walk the document trusting it is small and DTD-free.
EventBodyError checkXmlBody(const QByteArray &body, const XmlLimits &limits = {});

// An error at the reader's current position.
EventBodyError xmlError(const QXmlStreamReader &reader, EventBodyError::Kind kind, const QString &detail);

// Text content of the current element (reader positioned on its start), skipping child elements.
QString readElementText(QXmlStreamReader &reader);

} // namespace parlo::presence
