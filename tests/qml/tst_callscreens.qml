import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The call screens, one layer deep: a FakeCall set to each state drives the in-call page and the
// incoming-call view; the tests check what shows, and which requests the controls emit.
Item {
    id: root
    width: 480
    height: 800

    Component {
        id: fakeComponent
        FakeCall {}
    }
    Component {
        id: pageComponent
        InCallPage {
            anchors.fill: parent
        }
    }
    Component {
        id: incomingComponent
        IncomingCallView {
            anchors.fill: parent
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    TestCase {
        name: "CallScreens"
        when: windowShown

        function makePage(props) {
            const call = createTemporaryObject(fakeComponent, root, props || {})
            const page = createTemporaryObject(pageComponent, root, { call: call })
            return { call: call, page: page }
        }
        function spy(target, signalName) {
            return createTemporaryObject(spyComponent, root, { target: target, signalName: signalName })
        }
        function child(page, name) {
            const item = findChild(page, name)
            verify(item !== null, name)
            return item
        }
        // Visible controls (buttons and fields) all have an accessible name.
        function checkAccessible(item) {
            for (let i = 0; i < item.children.length; ++i) {
                const c = item.children[i]
                if (!c.visible)
                    continue
                if (c instanceof AbstractButton || c instanceof TextField)
                    verify(c.Accessible.name.length > 0, "no Accessible.name on " + c + " " + c.objectName)
                checkAccessible(c)
            }
        }

        function test_dialing() {
            const t = makePage({ state: Call.Dialing })
            compare(child(t.page, "remoteName").text, "Bob Example")
            compare(child(t.page, "remoteUri").text, "sip:bob@example.com")
            compare(child(t.page, "statusLabel").text, "Calling…")
            const hangup = child(t.page, "hangupButton")
            verify(hangup.visible)
            compare(hangup.text, "Cancel call")
            // Nothing that needs a connected call is offered yet.
            verify(!child(t.page, "muteButton").visible)
            verify(!child(t.page, "holdButton").visible)
            verify(!child(t.page, "transferField").visible)
            verify(!child(t.page, "qualityLine").visible)
            verify(!child(t.page, "addCallButton").visible)
            const s = spy(t.page, "hangupRequested")
            mouseClick(hangup)
            compare(s.count, 1)

            t.call.state = Call.Ringing
            compare(child(t.page, "statusLabel").text, "Ringing…")
            t.call.state = Call.EarlyMedia
            compare(child(t.page, "statusLabel").text, "Ringing…")
            checkAccessible(t.page)
        }

        function test_activeTimerMuteHold() {
            const t = makePage({ state: Call.Active, duration: 65 })
            compare(child(t.page, "statusLabel").text, "01:05")
            t.call.duration = 3600 + 2 * 60 + 3
            compare(child(t.page, "statusLabel").text, "1:02:03")
            t.call.duration = 5
            compare(child(t.page, "hangupButton").text, "Hang up")
            verify(child(t.page, "addCallButton").visible)

            const mute = child(t.page, "muteButton")
            verify(mute.visible)
            compare(mute.text, "Mute")
            const muteSpy = spy(t.page, "muteRequested")
            mouseClick(mute)
            compare(muteSpy.count, 1)
            compare(muteSpy.signalArguments[0][0], true)
            t.call.muted = true
            compare(mute.text, "Unmute")
            verify(mute.checked)
            compare(mute.Accessible.name, "Unmute the microphone")

            const hold = child(t.page, "holdButton")
            const holdSpy = spy(t.page, "holdRequested")
            mouseClick(hold)
            compare(holdSpy.signalArguments[0][0], true)
            t.call.onHold = true
            compare(hold.text, "Resume")
            compare(child(t.page, "statusLabel").text, "On hold · 00:05")
            mouseClick(hold)
            compare(holdSpy.signalArguments[1][0], false)
            t.call.onHold = false
            t.call.remoteHold = true
            compare(child(t.page, "statusLabel").text, "Held by the other side · 00:05")
            checkAccessible(t.page)
        }

        function test_keyboard() {
            const t = makePage({ state: Call.Active })
            const mute = child(t.page, "muteButton")
            mute.forceActiveFocus()
            const muteSpy = spy(t.page, "muteRequested")
            keyClick(Qt.Key_Return)
            compare(muteSpy.count, 1)
            // Tab walks on to hold, then to the keypad toggle, which Space opens.
            keyClick(Qt.Key_Tab)
            verify(child(t.page, "holdButton").activeFocus)
            keyClick(Qt.Key_Tab)
            const keypadButton = child(t.page, "keypadButton")
            verify(keypadButton.activeFocus)
            keyClick(Qt.Key_Space)
            verify(child(t.page, "dtmfPad").visible)
            keyClick(Qt.Key_Tab)
            verify(child(t.page, "key_1").activeFocus)
            const dtmfSpy = spy(t.page, "dtmfRequested")
            keyClick(Qt.Key_Return)
            compare(dtmfSpy.signalArguments[0][0], "1")
        }

        function test_dtmf() {
            const t = makePage({ state: Call.Active })
            const pad = child(t.page, "dtmfPad")
            verify(!pad.visible)
            mouseClick(child(t.page, "keypadButton"))
            verify(pad.visible)
            // The keys' positions are only known once the layout has run.
            waitForItemPolished(child(t.page, "callColumn"))
            compare(child(t.page, "sentDigits").text.trim(), "")
            const s = spy(t.page, "dtmfRequested")
            mouseClick(child(pad, "key_5"))
            mouseClick(child(pad, "key_#"))
            compare(s.count, 2)
            compare(s.signalArguments[0][0], "5")
            compare(s.signalArguments[1][0], "#")
            compare(child(t.page, "sentDigits").text, "5#")
            compare(child(pad, "key_#").Accessible.name, "Hash")
            // Hidden again once the call is not connected.
            t.call.state = Call.Ending
            verify(!pad.visible)
        }

        function test_quality() {
            const t = makePage({ state: Call.Active })
            const line = child(t.page, "qualityLine")
            verify(!line.visible)
            t.call.hasMedia = true
            t.call.codec = "opus/48000"
            t.call.secure = true
            t.call.packetsSent = 150
            t.call.packetsReceived = 148
            t.call.jitterMs = 2.5
            t.call.lossPercent = 1.5
            verify(line.visible)
            // Figure and unit are held together by no-break spaces.
            compare(child(t.page, "qualityText").text.replace(/\u00a0/g, " "),
                    "SRTP · opus/48000 · packets sent 150, received 148 · jitter 2.5 ms · loss 1.5 % · RTT not measured yet")
            verify(child(t.page, "srtpLock").locked)
            t.call.rttMs = 41.6
            verify(child(t.page, "qualityText").text.endsWith("RTT\u00a042\u00a0ms"))
            t.call.secure = false
            verify(!child(t.page, "srtpLock").locked)
            verify(child(t.page, "qualityText").text.startsWith("no SRTP · "))
            verify(line.Accessible.name.startsWith("Not encrypted, "))
        }

        function test_oneWayAudioAndMediaWarning() {
            const t = makePage({ state: Call.Active })
            const warning = child(t.page, "oneWayWarning")
            verify(!warning.visible)
            t.call.oneWayAudio = true
            verify(warning.visible)
            compare(warning.Accessible.role, Accessible.AlertMessage)
            // On hold nothing is expected to arrive: no warning.
            t.call.onHold = true
            verify(!warning.visible)
            t.call.mediaWarning = "No microphone found: the other side hears silence."
            verify(child(t.page, "mediaWarning").visible)
        }

        function test_transfer() {
            const t = makePage({ state: Call.Active })
            const field = child(t.page, "transferField")
            const button = child(t.page, "transferButton")
            verify(field.visible)
            verify(!button.enabled)
            field.text = "200"
            verify(button.enabled)
            const s = spy(t.page, "transferRequested")
            mouseClick(button)
            compare(s.count, 1)
            compare(s.signalArguments[0][0], "200")
            t.call.transferring = true
            verify(!button.enabled)
            compare(child(t.page, "transferStatus").text, "Transferring…")
            t.call.transferring = false
            t.call.transferError = "The transfer target is busy."
            verify(child(t.page, "transferError").visible)
            compare(child(t.page, "transferStatus").text, "")
            // Enter in the field transfers too.
            field.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(s.count, 2)
        }

        // Attended transfer: each other connected call offers "Transfer to <it>".
        function test_attendedTransfer() {
            const bob = createTemporaryObject(fakeComponent, root, { state: Call.Active, onHold: true })
            const carol = createTemporaryObject(fakeComponent, root,
                                                { state: Call.Active, remoteName: "Carol", remoteUri: "sip:carol@example.com" })
            // CallListModel's roles: call, remoteName, remoteUri.
            const rows = createTemporaryQmlObject("import QtQml.Models; ListModel {}", root)
            for (const c of [bob, carol])
                rows.append({ call: c, remoteName: c.remoteName, remoteUri: c.remoteUri })
            const page = createTemporaryObject(pageComponent, root, { call: carol, calls: rows })
            const button = child(page, "attendedTransferButton")
            verify(button.visible)
            compare(button.text, "Transfer to Bob Example")
            verify(button.Accessible.name.indexOf("Carol") >= 0)
            const s = spy(page, "attendedTransferRequested")
            mouseClick(button)
            compare(s.count, 1)
            verify(s.signalArguments[0][0] === bob)
            carol.transferring = true
            verify(!button.enabled)
            carol.transferring = false
            bob.state = Call.Ringing // a call still waiting cannot take the transfer
            verify(!button.visible)
            page.calls = null // rows go before the calls they show
        }

        function test_recording() {
            const t = makePage({ state: Call.Dialing })
            const button = child(t.page, "recordButton")
            verify(!button.visible) // nothing to record before the answer
            t.call.state = Call.Active
            waitForItemPolished(child(t.page, "callColumn"))
            verify(button.visible)
            compare(button.text, "Record")
            verify(!button.checked)
            verify(!child(t.page, "recordingIndicator").visible)
            verify(!child(t.page, "recordingSaved").visible)
            mouseClick(button)
            compare(t.call.recordingToggles, 1)
            t.call.recordingFile = "/home/alice/Music/Parlo/2024-05-01 10-00-00 Bob Example.wav"
            compare(button.text, "Stop recording")
            verify(button.checked)
            compare(button.Accessible.name, "Stop recording the call and save it")
            // A red dot and the running time.
            verify(child(t.page, "recordingIndicator").visible)
            compare(String(child(t.page, "recordingDot").color), "#c62828")
            compare(child(t.page, "recordingLabel").text, "Recording 00:00")
            t.call.recordingDuration = 12
            compare(child(t.page, "recordingLabel").text, "Recording 00:12")
            compare(child(t.page, "recordingIndicator").Accessible.name, "Recording 00:12")
            verify(!child(t.page, "recordingSaved").visible) // not saved while it runs
            checkAccessible(t.page)

            // Stopped: where it went, and a way to the folder.
            mouseClick(button)
            compare(t.call.recordingToggles, 2)
            compare(button.text, "Record")
            verify(!child(t.page, "recordingIndicator").visible)
            verify(child(t.page, "recordingSaved").visible)
            compare(child(t.page, "recordingSavedText").text,
                    "Saved to /home/alice/Music/Parlo/2024-05-01 10-00-00 Bob Example.wav")
            verify(child(t.page, "openRecordingFolder").visible)
            checkAccessible(t.page)

            // A failure shows as a sentence instead.
            t.call.recordingError = "The call cannot be recorded to /nonexistent."
            verify(!child(t.page, "recordingSaved").visible)
            verify(child(t.page, "recordingError").visible)
            compare(child(t.page, "recordingError").text, "The call cannot be recorded to /nonexistent.")

            // Keyboard: Enter toggles, Tab goes on to the audio devices, Space opens them.
            button.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(t.call.recordingToggles, 3)
            keyClick(Qt.Key_Tab)
            const audio = child(t.page, "audioButton")
            verify(audio.activeFocus)
            keyClick(Qt.Key_Space)
            verify(child(t.page, "audioSection").visible)
        }

        function test_audioDevices() {
            const t = makePage({ state: Call.Active })
            const section = child(t.page, "audioSection")
            const audio = child(t.page, "audioButton")
            verify(!section.visible)
            compare(audio.Accessible.name, "Choose the microphone and speaker for this call")
            waitForItemPolished(child(t.page, "callColumn"))
            mouseClick(audio)
            verify(section.visible)
            verify(audio.checked)
            const input = child(t.page, "callInputDevice")
            const output = child(t.page, "callOutputDevice")
            // The devices the settings know, the system default first; the call starts on the
            // settings' choice.
            verify(input.count >= 1 && input.count === AudioSettings.inputs.length)
            verify(output.count >= 1 && output.count === AudioSettings.outputs.length)
            compare(input.currentIndex, AudioSettings.inputIndex)
            compare(output.currentIndex, AudioSettings.outputIndex)
            compare(input.Accessible.name, "Microphone for this call")
            compare(output.Accessible.name, "Speaker for this call")
            // Choosing moves the call (both ids go, the other one as it shows).
            input.activated(0)
            compare(t.call.audioDeviceRequests.length, 1)
            compare(t.call.audioDeviceRequests[0][0], AudioSettings.inputs[0].id)
            compare(t.call.audioDeviceRequests[0][1], AudioSettings.outputs[output.currentIndex].id)
            output.activated(0)
            compare(t.call.audioDeviceRequests.length, 2)
            compare(t.call.audioDeviceRequests[1][1], AudioSettings.outputs[0].id)
            compare(output.currentIndex, 0)
            // A device the call was moved to that has gone shows as the default row.
            t.call.inputDeviceId = "unplugged-usb-headset"
            compare(input.currentIndex, 0)
            // Keyboard: the microphone box takes focus from the Tab chain.
            audio.forceActiveFocus()
            keyClick(Qt.Key_Tab)
            verify(input.activeFocus)
            // Gone with the connection.
            t.call.state = Call.Ended
            verify(!section.visible)
            verify(!child(t.page, "recordButton").visible)
        }

        function test_ended() {
            const t = makePage({ state: Call.Active, oneWayAudio: true })
            t.call.state = Call.Ended
            t.call.endText = "The other side is busy."
            compare(child(t.page, "statusLabel").text, "Call ended")
            verify(!child(t.page, "hangupButton").visible)
            verify(!child(t.page, "muteButton").visible)
            verify(!child(t.page, "oneWayWarning").visible)
            verify(child(t.page, "endText").visible)
            compare(child(t.page, "endText").text, "The other side is busy.")
        }

        function test_incoming() {
            const call = createTemporaryObject(fakeComponent, root,
                                               { state: Call.Ringing, direction: Call.Incoming })
            const view = createTemporaryObject(incomingComponent, root, { call: call })
            compare(child(view, "callerName").text, "Bob Example")
            compare(child(view, "callerUri").text, "sip:bob@example.com")
            compare(view.Accessible.name, "Incoming call from Bob Example")
            const answered = spy(view, "answerRequested")
            const rejected = spy(view, "rejectRequested")
            mouseClick(child(view, "rejectButton"))
            compare(rejected.count, 1)
            // Answer has the focus: Enter answers, Escape rejects.
            view.focusAnswer()
            verify(child(view, "answerButton").activeFocus)
            keyClick(Qt.Key_Return)
            compare(answered.count, 1)
            keyClick(Qt.Key_Escape)
            compare(rejected.count, 2)
            checkAccessible(view)
            // Without a display name the address is the name.
            call.remoteName = ""
            compare(child(view, "callerName").text, "sip:bob@example.com")
            verify(!child(view, "callerUri").visible)
        }
    }
}
