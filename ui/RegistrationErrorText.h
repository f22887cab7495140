#pragma once

#include "sip/dialog/RegistrationError.h"

#include <QCoreApplication>
#include <QString>

// Words a typed RegistrationError for people: what went wrong, and a plain-language hint.
// Core never builds sentences; this is the GUI's own wording (the CLI has its own).
class RegistrationErrorText {
    Q_DECLARE_TR_FUNCTIONS(RegistrationErrorText)
public:
    static QString endpoint(const parlo::sip::Peer &peer);
    static QString problem(const parlo::sip::RegistrationError &error); // one line
    static QString hint(const parlo::sip::RegistrationError &error);    // what the user can do
};
