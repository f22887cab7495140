#pragma once

#include "EventPrinter.h"
#include "call/Call.h"
#include "sip/message/SipUri.h"

#include <optional>

#include <QObject>
#include <QPointer>
#include <QTimer>

// Follows one call for parlo-cli: prints its events (answered, dtmf, held, stats, ended …) and runs
// the scripted actions of the command line (DTMF after the answer, hang up after S seconds).
// A child of the CLI, not of the call, so it can still report the call's end.
namespace parlo {
class CallManager;
}

class CallReporter : public QObject {
    Q_OBJECT
public:
    struct Actions {
        double hangupAfterS = -1; // of connected time; < 0: never
        QString dtmf;             // sent once, dtmfDelayMs after the answer
        int dtmfDelayMs = 500;
        int statsIntervalMs = 5000;
        double holdAfterS = -1;                       // put on hold S s after the answer; < 0: never
        double resumeAfterS = -1;                     // resume S s after the answer
        std::optional<parlo::sip::SipUri> transferTo; // blind transfer (REFER) …
        double transferAfterS = 2;                    // … S s after the answer
    };

    // calls: needed for --transfer-to (the transfer runs in the CallManager).
    CallReporter(parlo::Call *call, int id, EventPrinter *out, const Actions &actions,
                 parlo::CallManager *calls = nullptr, QObject *parent = nullptr);

    int id() const { return m_id; }
    parlo::Call *call() const { return m_call; }
    bool wasAnswered() const { return m_answered; }

Q_SIGNALS:
    // After the ended event was printed; the call object is deleted soon after.
    void finished(parlo::Call *call);

private:
    void onState();
    void onEnded();
    void printStats(bool final);
    void startTransfer();
    QJsonObject base() const;
    QString prefix() const;

    QPointer<parlo::Call> m_call;
    int m_id;
    EventPrinter *m_out;
    Actions m_actions;
    QTimer m_statsTimer;
    QTimer m_hangupTimer;
    QTimer m_dtmfTimer;
    QTimer m_holdTimer;
    QTimer m_resumeTimer;
    QTimer m_transferTimer;
    QPointer<parlo::CallManager> m_calls;
    bool m_answered = false;
    bool m_ended = false;
};
