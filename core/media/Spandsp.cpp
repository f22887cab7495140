#include "media/Spandsp.h"

#include "media/MediaLog.h"
#include "media/SharedLibrary.h"

namespace parlo::media {

const Spandsp *Spandsp::get() {
    static const Spandsp *const api = []() -> const Spandsp * {
        static SharedLibrary library(PARLO_SPANDSP_SONAME);
        static Spandsp s;
        if (library.resolve(s.g722EncodeInit, "g722_encode_init") &&
            library.resolve(s.g722Encode, "g722_encode") &&
            library.resolve(s.g722EncodeFree, "g722_encode_free") &&
            library.resolve(s.g722DecodeInit, "g722_decode_init") &&
            library.resolve(s.g722Decode, "g722_decode") &&
            library.resolve(s.g722DecodeFree, "g722_decode_free") && library.resolve(s.plcInit, "plc_init") &&
            library.resolve(s.plcRx, "plc_rx") && library.resolve(s.plcFillin, "plc_fillin"))
            return &s;
        qCWarning(lcCodec) << "cannot load" << PARLO_SPANDSP_SONAME << ":" << library.errorString();
        return nullptr;
    }();
    return api;
}

} // namespace parlo::media
