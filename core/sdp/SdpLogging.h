#pragma once

#include <QLoggingCategory>

namespace parlo::sdp {
Q_DECLARE_LOGGING_CATEGORY(lcSdp)
} // namespace parlo::sdp
