#include "sdp/MediaCapabilities.h"

namespace parlo::sdp {

QList<Codec> MediaCapabilities::defaultCodecs() {
    return {
        {111, "opus", 48000, 2, "useinbandfec=1"},
        {9, "G722", 8000, 1, {}},
        {0, "PCMU", 8000, 1, {}},
        {8, "PCMA", 8000, 1, {}},
        {101, "telephone-event", 48000, 1, "0-16"},
        {100, "telephone-event", 8000, 1, "0-16"},
    };
}

} // namespace parlo::sdp
