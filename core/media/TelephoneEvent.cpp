#include "media/TelephoneEvent.h"

namespace parlo::media {

namespace {
constexpr char kDigits[] = "0123456789*#ABCD";
} // namespace

std::optional<TelephoneEvent> TelephoneEvent::parse(QByteArrayView data, MediaError *error) {
    if (data.size() < kSize)
        return fail(error, MediaError::Kind::TooShort, "telephone-event");
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    TelephoneEvent e;
    e.event = p[0];
    e.end = p[1] & 0x80;
    e.volume = p[1] & 0x3f; // the R bit is ignored on receipt
    e.duration = uint16_t((p[2] << 8) | p[3]);
    return e;
}

QByteArray TelephoneEvent::toBytes() const {
    QByteArray out(kSize, '\0');
    out[0] = char(event);
    out[1] = char((end ? 0x80 : 0) | (volume & 0x3f));
    out[2] = char(duration >> 8);
    out[3] = char(duration & 0xff);
    return out;
}

int TelephoneEvent::eventForDigit(char digit) {
    const char d = (digit >= 'a' && digit <= 'd') ? char(digit - 'a' + 'A') : digit;
    for (int i = 0; i < 16; ++i)
        if (kDigits[i] == d)
            return i;
    return -1;
}

char TelephoneEvent::digitForEvent(int event) {
    return (event >= 0 && event < 16) ? kDigits[event] : '\0';
}

} // namespace parlo::media
