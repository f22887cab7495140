#pragma once

#include "DialTarget.h"
#include "call/Call.h"
#include "call/CallMedia.h"

#include <QCoreApplication>
#include <QString>

// Words the typed outcomes of calls for people: why a number cannot be dialled, why a call ended,
// what is wrong with the audio. Core never builds sentences; this is the GUI's own wording.
class CallErrorText {
    Q_DECLARE_TR_FUNCTIONS(CallErrorText)
public:
    static QString dialError(DialTarget::Error error);
    // Empty for calls that simply ended (hung up by either side).
    static QString endReason(parlo::Call::EndReason reason, int status);
    static QString mediaError(parlo::CallMediaError error);
    static QString transferFailed(int status);
};
