#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace parlo::sip {

// The Subscription-State header of a NOTIFY (RFC 6665 §8.2.3): substate, reason, expires and
// retry-after. A value type.
struct SubscriptionState {
    enum class Value { Active, Pending, Terminated, Extension };
    // RFC 6665 §4.1.3 reasons for "terminated"; Other for none or an unknown one.
    enum class Reason {
        None,
        Deactivated,
        Probation,
        Rejected,
        Timeout,
        Giveup,
        NoResource,
        Invariant,
        Other
    };

    Value value = Value::Pending;
    QByteArray valueText; // lower-case, as received
    Reason reason = Reason::None;
    QByteArray reasonText; // lower-case, as received
    std::optional<quint32> expires;
    std::optional<quint32> retryAfter;

    // nullopt when the header is empty or not a token followed by parameters.
    static std::optional<SubscriptionState> parse(QByteArrayView text);
    QByteArray toString() const;

    // RFC 6665 §4.1.3: after these reasons a new subscription may be tried (at once for
    // deactivated and timeout, after retry-after for the others); rejected, noresource and
    // invariant are final.
    bool mayResubscribe() const;
    bool resubscribeAtOnce() const { return reason == Reason::Deactivated || reason == Reason::Timeout; }
};

} // namespace parlo::sip
