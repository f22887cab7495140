#pragma once

#include "presence/EventBodyError.h"
#include "presence/PresenceState.h"
#include "presence/XmlBodyGuard.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <variant>

namespace parlo::presence {

// A dialog information document (RFC 4235, application/dialog-info+xml): the dialogs of a watched
// extension, folded into a busy lamp. Partial documents merge by version like reginfo.
struct DialogInfo {
    enum class DialogState { Trying, Proceeding, Early, Confirmed, Terminated };
    enum class Direction { Unspecified, Initiator, Recipient };

    struct DialogEntry {
        QString id;
        QString callId, localTag, remoteTag;
        Direction direction = Direction::Unspecified;
        DialogState state = DialogState::Trying;
        QString stateEvent; // cancelled, rejected, replaced, local-bye, remote-bye, error, timeout
        int stateCode = 0;
        QString localIdentity;
        QString remoteIdentity, remoteDisplay;
        bool operator==(const DialogEntry &) const = default;
    };

    quint32 version = 0;
    bool full = true;
    QString entity;
    QList<DialogEntry> dialogs;

    // Confirmed anywhere: InCall; otherwise a trying/proceeding/early dialog: Ringing; else Idle.
    BusyLamp busyLamp() const;
    // An early dialog where the entity is the recipient: a call to it is ringing and can be picked
    // up (RFC 4235 §1 "call pickup"). The entry to pick up, or nullptr.
    const DialogEntry *pickupCandidate() const;

    enum class MergeResult { Applied, Stale, Gap };
    MergeResult merge(const DialogInfo &update); // terminated dialogs are dropped after merging

    static std::variant<DialogInfo, EventBodyError> parse(const QByteArray &body,
                                                          const XmlLimits &limits = {});
    QByteArray toXml() const;

    static constexpr const char *contentType = "application/dialog-info+xml";
    static constexpr const char *xmlNamespace = "urn:ietf:params:xml:ns:dialog-info";

    bool operator==(const DialogInfo &) const = default;
};

} // namespace parlo::presence
