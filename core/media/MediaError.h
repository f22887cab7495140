#pragma once

#include <QByteArray>
#include <optional>

namespace parlo::media {

// Why media wire data or a file could not be used. Typed: callers decide what to tell the user.
struct MediaError {
    enum class Kind {
        None,
        TooShort,          // fewer bytes than the fixed header needs
        BadVersion,        // RTP/RTCP version other than 2
        BadLength,         // a length field (CSRC count, extension, padding, RTCP length) beyond the data
        BadPayloadType,    // RTCP packet type unknown where one is required / PT out of range
        BadFormat,         // WAV: not RIFF/WAVE, no fmt/data chunk, unsupported encoding
        UnsupportedFormat, // WAV: PCM but not 16-bit, or channel/rate out of range
        IoError,           // file could not be opened, read or written
    };
    Kind kind = Kind::None;
    QByteArray detail; // for logs, e.g. which field

    explicit operator bool() const { return kind != Kind::None; }
};

// Sets *out (when given) and returns nothing, so parsers can `return fail(error, ...)`.
inline std::nullopt_t fail(MediaError *out, MediaError::Kind kind, const char *detail = "") {
    if (out)
        *out = MediaError{kind, QByteArray(detail)};
    return std::nullopt;
}

} // namespace parlo::media
