#pragma once

#include <QLoggingCategory>

namespace parlo::sip {
namespace {
// The transport layer's logging category. Defined per translation unit (internal linkage) so no
// exported symbol can clash with another layer's category; Qt filters by the name.
Q_LOGGING_CATEGORY(lcTransport, "parlo.sip.transport")
} // namespace
} // namespace parlo::sip
