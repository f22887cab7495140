#pragma once

#include "media/G711Codec.h"

namespace parlo::media {

// G.711 μ-law, static payload type 0.
class PcmuCodec : public G711Codec {
public:
    PcmuCodec()
        : G711Codec(Law::Ulaw) {}
};

} // namespace parlo::media
