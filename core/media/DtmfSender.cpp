#include "media/DtmfSender.h"

#include <QtGlobal>
#include <algorithm>

namespace parlo::media {

QList<DtmfSender::Packet> DtmfSender::schedule(char digit, int durationMs, const Options &options) {
    const int event = TelephoneEvent::eventForDigit(digit);
    if (event < 0 || options.clockRate <= 0 || options.intervalMs <= 0)
        return {};
    const int64_t maxMs = int64_t(0xffff) * 1000 / options.clockRate;
    const int total = int(std::clamp<int64_t>(durationMs, 40, qMin<int64_t>(8000, maxMs)));
    auto units = [&](int ms) {
        return uint16_t(qMin<int64_t>(0xffff, int64_t(ms) * options.clockRate / 1000));
    };

    QList<Packet> out;
    for (int t = 0; t < total; t += options.intervalMs) {
        // Each update covers the tone up to the next one (or the end).
        const int covered = qMin(t + options.intervalMs, total);
        out.append(Packet{t, t == 0, TelephoneEvent{uint8_t(event), false, options.volume, units(covered)}});
    }
    for (int i = 0; i < 3; ++i)
        out.append(Packet{total + i * options.endSpacingMs, false,
                          TelephoneEvent{uint8_t(event), true, options.volume, units(total)}});
    return out;
}

} // namespace parlo::media
