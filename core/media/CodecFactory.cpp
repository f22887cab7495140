#include "media/CodecFactory.h"

#include "media/G722Codec.h"
#include "media/OpusCodec.h"
#include "media/PcmaCodec.h"
#include "media/PcmuCodec.h"

namespace parlo::media {

QList<QByteArray> CodecFactory::supportedNames() {
    return {"opus", "G722", "PCMU", "PCMA"};
}

QByteArray CodecFactory::fmtpValue(const QByteArray &fmtp, const QByteArray &key) {
    for (const QByteArray &part : fmtp.split(';')) {
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        if (part.left(eq).trimmed().compare(key, Qt::CaseInsensitive) == 0)
            return part.mid(eq + 1).trimmed();
    }
    return {};
}

std::unique_ptr<AudioCodec> CodecFactory::create(const QByteArray &name, int clockRate, int channels,
                                                 const QByteArray &fmtp, int payloadType,
                                                 const CodecOptions &options) {
    const QByteArray n = name.toLower();
    if (n == "pcmu" && clockRate == 8000 && channels == 1)
        return std::make_unique<PcmuCodec>();
    if (n == "pcma" && clockRate == 8000 && channels == 1)
        return std::make_unique<PcmaCodec>();
    // G.722 is announced as 8000 (RFC 3551); accept 16000 from peers that get it "right".
    if (n == "g722" && (clockRate == 8000 || clockRate == 16000) && channels == 1)
        return std::make_unique<G722Codec>();
    if (n == "opus" && clockRate == 48000) {
        // RFC 7587 §7: the rtpmap always says /48000/2; stereo=1 in fmtp asks for stereo.
        OpusCodec::Options o;
        o.channels = fmtpValue(fmtp, "stereo") == "1" ? 2 : 1;
        o.complexity = options.opusComplexity;
        o.inbandFec = fmtpValue(fmtp, "useinbandfec") != "0";
        bool ok = false;
        const int maxBitrate = fmtpValue(fmtp, "maxaveragebitrate").toInt(&ok);
        if (ok && maxBitrate >= 6000 && maxBitrate <= 510000)
            o.bitrate = qMin(o.bitrate * o.channels, maxBitrate);
        else
            o.bitrate *= o.channels;
        if (payloadType >= 96 && payloadType <= 127)
            o.payloadType = payloadType;
        auto codec = std::make_unique<OpusCodec>(o);
        if (!codec->isValid())
            return nullptr;
        return codec;
    }
    return nullptr;
}

} // namespace parlo::media
