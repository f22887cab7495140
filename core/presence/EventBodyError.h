#pragma once

#include <QObject>
#include <QString>

namespace parlo::presence {

// Why an event package body (PIDF, reginfo, dialog-info, message-summary) was rejected. Line and
// column point into the body (1-based, 0 when not known). Typed so the UAS can pick the response
// (413 for TooLarge, 400 otherwise) and front ends can word it.
struct EventBodyError {
    Q_GADGET
public:
    enum class Kind {
        None,
        TooLarge,        // body above the size cap
        NotWellFormed,   // XML syntax error
        DtdForbidden,    // <!DOCTYPE …>: refused so no entity can expand (XML bombs)
        EntityForbidden, // an entity reference other than the predefined ones
        TooDeep,         // element nesting above the cap
        TooManyElements, // element count above the cap
        WrongRoot,       // root element name is not the one of the package
        WrongNamespace,  // root element in another namespace
        MissingField,    // a required element or attribute is absent
        InvalidValue,    // a value outside the grammar (e.g. state="maybe")
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    qint64 line = 0;
    qint64 column = 0;
    QString detail; // technical detail (element or attribute name), not a user sentence

    explicit operator bool() const { return kind != Kind::None; }
};

} // namespace parlo::presence
