#pragma once

#include "media/G711Codec.h"

namespace parlo::media {

// G.711 A-law, static payload type 8.
class PcmaCodec : public G711Codec {
public:
    PcmaCodec()
        : G711Codec(Law::Alaw) {}
};

} // namespace parlo::media
