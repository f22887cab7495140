#pragma once

#include <QByteArray>
#include <QHashFunctions>

namespace parlo::sip {

// RFC 3261 §12: a dialog is identified by Call-ID, local tag and remote tag, seen from our side.
struct DialogId {
    QByteArray callId;
    QByteArray localTag;
    QByteArray remoteTag;

    bool isValid() const { return !callId.isEmpty() && !localTag.isEmpty(); }
    bool operator==(const DialogId &) const = default;
};

inline size_t qHash(const DialogId &id, size_t seed = 0) {
    return qHashMulti(seed, id.callId, id.localTag, id.remoteTag);
}

} // namespace parlo::sip
