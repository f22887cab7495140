#pragma once

#include "sip/transport/Resolver.h"

namespace parlo::sip {

// A resolver backend that knows no names: tests address peers by IP, and a lookup that slipped
// through fails at once instead of reaching the machine's DNS.
class NoDns : public DnsBackend {
public:
    void naptr(const QString &, std::function<void(Status, QList<Naptr>)> done) override {
        done(Status::Error, {});
    }
    void srv(const QString &, std::function<void(Status, QList<Srv>)> done) override {
        done(Status::Error, {});
    }
    void address(const QString &, std::function<void(Status, QList<QHostAddress>)> done) override {
        done(Status::NotFound, {});
    }
};

} // namespace parlo::sip
