#pragma once

#include <QLoggingCategory>

namespace parlo::media {
namespace {
// Per translation unit (internal linkage) like the SIP layers' categories; Qt filters by name.
[[maybe_unused]] Q_LOGGING_CATEGORY(lcCodec, "parlo.media.codec")
    [[maybe_unused]] Q_LOGGING_CATEGORY(lcWav, "parlo.media.wav")
        [[maybe_unused]] Q_LOGGING_CATEGORY(lcJitter, "parlo.media.jitter")
} // namespace
} // namespace parlo::media
