#pragma once

#include "media/AudioCodec.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace parlo::media {

struct CodecOptions {
    int opusComplexity = 9;
};

// Creates codecs from what an SDP rtpmap/fmtp says: encoding name (case-insensitive), clock rate,
// channel count and the fmtp parameters. Returns nullptr for what we do not implement.
class CodecFactory {
public:
    static std::unique_ptr<AudioCodec> create(const QByteArray &name, int clockRate, int channels = 1,
                                              const QByteArray &fmtp = {}, int payloadType = -1,
                                              const CodecOptions &options = CodecOptions());
    // Encoding names we can create, in our order of preference.
    static QList<QByteArray> supportedNames();
    // One fmtp parameter ("stereo=1; useinbandfec=1" -> value of "stereo"), or empty.
    static QByteArray fmtpValue(const QByteArray &fmtp, const QByteArray &key);
};

} // namespace parlo::media
