#pragma once

// spandsp's headers use the fixed-width types without including them, and redefine math functions
// that <cmath> must have declared first.
#include <cmath>
#include <cstdint>
#include <spandsp/telephony.h>
// after telephony.h, which defines SPAN_DECLARE
#include <spandsp/g722.h>
#include <spandsp/plc.h>

namespace parlo::media {

// The spandsp functions the G.711 (concealment) and G.722 codecs use, loaded with the first
// call that needs them (see SharedLibrary: spandsp brings libtiff and its image codecs).
struct Spandsp {
    decltype(&::g722_encode_init) g722EncodeInit = nullptr;
    decltype(&::g722_encode) g722Encode = nullptr;
    decltype(&::g722_encode_free) g722EncodeFree = nullptr;
    decltype(&::g722_decode_init) g722DecodeInit = nullptr;
    decltype(&::g722_decode) g722Decode = nullptr;
    decltype(&::g722_decode_free) g722DecodeFree = nullptr;
    decltype(&::plc_init) plcInit = nullptr;
    decltype(&::plc_rx) plcRx = nullptr;
    decltype(&::plc_fillin) plcFillin = nullptr;

    // Null when the library cannot be loaded (said once in the log): G.711 then conceals losses
    // with silence and G.722 sends and plays silence.
    static const Spandsp *get();
};

} // namespace parlo::media
