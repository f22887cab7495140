import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The settings page: each control changes the saved setting (tst_appsettings checks they survive a
// restart and that calls follow them), the audio section says plainly when there is no device,
// the meter listens only while the page shows, and the language switches the page at once.
Item {
    id: root
    width: 480
    height: 1400

    Component {
        id: pageComponent
        SettingsPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "Settings"
        when: windowShown

        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function reset() {
            AppSettings.doNotDisturb = false
            AppSettings.autoAnswer = false
            AppSettings.autoAnswerDelay = 0
            AppSettings.startMinimized = false
            AppSettings.language = ""
            AppSettings.codecOrder = ["opus", "G722", "PCMU", "PCMA"]
            AppSettings.srtpPolicy = AppSettings.Optional
            AppSettings.trayAvailable = false
            AppSettings.recordingsFolder = ""
        }
        function init() { reset() }
        function cleanup() { reset() }

        function test_callSwitches() {
            const page = createTemporaryObject(pageComponent, root)
            const dnd = child(page, "dndSwitch")
            verify(!dnd.checked)
            mouseClick(dnd)
            verify(AppSettings.doNotDisturb)
            // …and back from elsewhere (the tray menu).
            AppSettings.doNotDisturb = false
            verify(!dnd.checked)

            const auto = child(page, "autoAnswerSwitch")
            const delay = child(page, "autoAnswerDelay")
            verify(!delay.parent.enabled)
            mouseClick(auto)
            verify(AppSettings.autoAnswer)
            verify(delay.parent.enabled)
            delay.forceActiveFocus()
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Up)
            compare(AppSettings.autoAnswerDelay, 2)
        }

        function test_codecOrder() {
            const page = createTemporaryObject(pageComponent, root)
            waitForRendering(page)
            const pcmu = child(page, "codec_PCMU")
            mouseClick(child(pcmu, "codecUp"))
            // The rows are made anew for the new order.
            waitForRendering(page)
            compare(AppSettings.codecOrder, ["opus", "PCMU", "G722", "PCMA"])
            const opus = child(page, "codec_opus")
            verify(!child(opus, "codecUp").enabled)
            mouseClick(child(opus, "codecDown"))
            waitForRendering(page)
            compare(AppSettings.codecOrder, ["PCMU", "opus", "G722", "PCMA"])
            verify(!child(child(page, "codec_PCMA"), "codecDown").enabled)
        }

        function test_srtpPolicy() {
            const page = createTemporaryObject(pageComponent, root)
            const combo = child(page, "srtpCombo")
            compare(combo.currentIndex, 1)
            combo.forceActiveFocus()
            keyClick(Qt.Key_Down)
            compare(AppSettings.srtpPolicy, AppSettings.Mandatory)
            AppSettings.srtpPolicy = AppSettings.Off
            compare(combo.currentIndex, 0)
        }

        function test_recordingsFolder() {
            const page = createTemporaryObject(pageComponent, root)
            const text = child(page, "recordingsFolderText")
            const reset = child(page, "defaultRecordingsFolderButton")
            compare(text.text, AppSettings.defaultRecordingsFolder)
            verify(!reset.visible)
            // "Choose…" opens the folder dialog.
            const dialog = child(page, "recordingsFolderDialog")
            mouseClick(child(page, "chooseRecordingsFolderButton"))
            tryCompare(dialog, "visible", true)
            dialog.reject()
            tryCompare(dialog, "visible", false)
            // A folder that cannot be used keeps the old one and says why.
            page.chooseRecordingsFolder("file:///nonexistent-parlo-folder")
            compare(child(page, "recordingsFolderError").text, "The folder /nonexistent-parlo-folder does not exist.")
            compare(text.text, AppSettings.defaultRecordingsFolder)
            // One that can be used shows, and "Default" goes back.
            page.chooseRecordingsFolder("file:///tmp")
            compare(child(page, "recordingsFolderError").text, "")
            compare(AppSettings.recordingsFolder, "/tmp")
            compare(text.text, "/tmp")
            verify(reset.visible)
            mouseClick(reset)
            compare(AppSettings.recordingsFolder, "")
            compare(text.text, AppSettings.defaultRecordingsFolder)
        }

        function test_startMinimizedOnlyWithATray() {
            const page = createTemporaryObject(pageComponent, root)
            const sw = child(page, "startMinimizedSwitch")
            verify(!sw.visible)
            AppSettings.trayAvailable = true
            verify(sw.visible)
            mouseClick(sw)
            verify(AppSettings.startMinimized)
        }

        function test_audioDevices() {
            const page = createTemporaryObject(pageComponent, root)
            // Listening only while the page is on screen.
            verify(AudioSettings.monitoring)
            page.visible = false
            verify(!AudioSettings.monitoring)
            page.visible = true
            verify(AudioSettings.monitoring)

            // Without a microphone or speaker (a machine with no sound card) the page says so.
            compare(child(page, "noInputText").visible, !AudioSettings.hasInput)
            compare(child(page, "inputCombo").visible, AudioSettings.hasInput)
            compare(child(page, "levelMeter").visible, AudioSettings.hasInput)
            compare(child(page, "noOutputText").visible, !AudioSettings.hasOutput)
            compare(child(page, "outputCombo").visible, AudioSettings.hasOutput)
            compare(child(page, "ringerCombo").visible, AudioSettings.hasOutput)
            // The system default comes first.
            compare(AudioSettings.inputs[0].id, "")
            compare(AudioSettings.outputs[0].id, "")
            compare(child(page, "inputCombo").currentIndex, 0)
            if (AudioSettings.hasOutput) {
                const combo = child(page, "outputCombo")
                combo.forceActiveFocus()
                keyClick(Qt.Key_Down)
                compare(AudioSettings.outputId, AudioSettings.outputs[1].id)
                compare(AudioSettings.outputIndex, 1)
                AudioSettings.outputId = ""
                compare(combo.currentIndex, 0)
            }
            page.destroy()
            tryCompare(AudioSettings, "monitoring", false)
            compare(AudioSettings.level, 0)
        }

        function test_languageSwitchesAtOnce() {
            const page = createTemporaryObject(pageComponent, root)
            const calls = child(page, "callsSection")
            compare(calls.text, "Calls")
            const combo = child(page, "languageCombo")
            compare(combo.currentIndex, 0)
            combo.forceActiveFocus()
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(AppSettings.language, "de")
            compare(combo.currentIndex, 2)
            compare(calls.text, "Anrufe")
            compare(child(page, "dndSwitch").text, "Nicht stören")
            // Choices shown in rebuilt (translated) lists stay as they were.
            compare(child(page, "srtpCombo").currentIndex, 1)
            compare(child(page, "srtpCombo").displayText, "Wenn möglich: verschlüsseln, sofern die Gegenseite es kann")
            compare(child(page, "codec_opus").label, "Opus (Breitband, 48 kHz)")
            compare(AudioSettings.inputs[0].name, "Systemstandard")
            keyClick(Qt.Key_Up)
            compare(AppSettings.language, "en")
            compare(calls.text, "Calls")
        }
    }
}
