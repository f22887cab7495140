#pragma once

#include <QLoggingCategory>

namespace parlo::sip {

// "parlo.sip.transaction"
Q_DECLARE_LOGGING_CATEGORY(lcTransaction)

} // namespace parlo::sip
