#pragma once

#include "call/CallMedia.h"

#include <QHostAddress>

namespace parlo {

// Call media that offers a fixed address and sends nothing: for signalling-only call tests.
class NullMedia : public CallMedia {
public:
    QHostAddress localAddress() const override { return QHostAddress(QStringLiteral("192.0.2.10")); }
    quint16 localPort() const override { return 40000; }
    void start(const sdp::NegotiatedMedia &) override {}
    void stop() override {}
};

} // namespace parlo
