#include "account/AccountSettings.h"

namespace parlo {

AccountSettings::Problem AccountSettings::validate() const {
    if (aor.host().isEmpty() && aor.user().isEmpty())
        return Problem::AorMissing;
    if (aor.scheme() == sip::SipUri::Scheme::Tel)
        return Problem::AorInvalid;
    if (aor.user().isEmpty())
        return Problem::AorNoUser;
    if (aor.host().isEmpty())
        return Problem::AorNoHost;
    if (outboundProxy && !outboundProxy->isValid())
        return Problem::ProxyInvalid;
    if (registerExpires < 30 || registerExpires > 86400)
        return Problem::ExpiresOutOfRange;
    return Problem::None;
}

} // namespace parlo
