import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Parlo.Ui

// The app's preferences: how calls are taken and where their recordings go, the sound devices,
// codecs and encryption, language and start-up. Every change is saved at once (AppSettings,
// AudioSettings).
Page {
    id: page
    title: qsTr("Settings")

    // The microphone is only opened for the meter while this page is on screen.
    readonly property bool metering: visible && Window.window !== null && Window.window.visible
    onMeteringChanged: AudioSettings.monitoring = metering
    Component.onCompleted: AudioSettings.monitoring = metering
    Component.onDestruction: AudioSettings.monitoring = false

    header: ToolBar {
        Label {
            anchors.fill: parent
            anchors.leftMargin: 12
            verticalAlignment: Text.AlignVCenter
            text: page.title
            font.bold: true
            Accessible.role: Accessible.Heading
        }
    }

    // A folder picked for the recordings: taken when recordings can be saved there, else the reason.
    function chooseRecordingsFolder(folder) {
        recordingsError.text = AppSettings.chooseRecordingsFolder(folder)
    }

    component SectionTitle: Label {
        Layout.fillWidth: true
        Layout.topMargin: 8
        font.bold: true
        font.pointSize: Qt.application.font.pointSize * 1.1
        Accessible.role: Accessible.Heading
    }
    component Hint: Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        opacity: 0.75
        visible: text.length > 0
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        // Sized by the window; left to itself its width would depend on its content's, in a loop.
        implicitWidth: 360

        ColumnLayout {
            width: scroll.availableWidth - 24
            x: 12
            spacing: 6

            // ---- Calls
            SectionTitle {
                objectName: "callsSection"
                text: qsTr("Calls")
            }
            Switch {
                objectName: "dndSwitch"
                Layout.fillWidth: true
                text: qsTr("Do not disturb")
                Accessible.name: text
                checked: AppSettings.doNotDisturb
                onToggled: AppSettings.doNotDisturb = checked
            }
            Hint {
                text: AppSettings.doNotDisturb ? qsTr("Incoming calls are turned away as busy.") : ""
            }
            Switch {
                id: autoAnswer
                objectName: "autoAnswerSwitch"
                Layout.fillWidth: true
                text: qsTr("Answer calls automatically")
                Accessible.name: text
                checked: AppSettings.autoAnswer
                onToggled: AppSettings.autoAnswer = checked
            }
            RowLayout {
                Layout.fillWidth: true
                enabled: AppSettings.autoAnswer
                Label {
                    text: qsTr("after")
                }
                SpinBox {
                    objectName: "autoAnswerDelay"
                    from: 0
                    to: 60
                    editable: true
                    value: AppSettings.autoAnswerDelay
                    onValueModified: AppSettings.autoAnswerDelay = value
                    Accessible.name: qsTr("Seconds before answering automatically")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("seconds")
                }
            }

            Label {
                text: qsTr("Call recordings are saved in")
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "recordingsFolderText"
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    text: AppSettings.recordingsFolder.length > 0 ? AppSettings.recordingsFolder
                                                                  : AppSettings.defaultRecordingsFolder
                }
                Button {
                    objectName: "chooseRecordingsFolderButton"
                    text: qsTr("Choose…")
                    Accessible.name: qsTr("Choose the folder for call recordings")
                    onClicked: recordingsDialog.open()
                }
                Button {
                    objectName: "defaultRecordingsFolderButton"
                    visible: AppSettings.recordingsFolder.length > 0
                    text: qsTr("Default")
                    Accessible.name: qsTr("Save call recordings in the default folder")
                    onClicked: {
                        recordingsError.text = ""
                        AppSettings.recordingsFolder = ""
                    }
                }
            }
            Label {
                id: recordingsError
                objectName: "recordingsFolderError"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.WordWrap
                color: "#c62828"
            }
            FolderDialog {
                id: recordingsDialog
                objectName: "recordingsFolderDialog"
                title: qsTr("Folder for call recordings")
                onAccepted: page.chooseRecordingsFolder(selectedFolder)
            }

            // ---- Audio
            SectionTitle {
                objectName: "audioSection"
                text: qsTr("Audio")
            }
            Label {
                text: qsTr("Microphone")
            }
            Label {
                objectName: "noInputText"
                Layout.fillWidth: true
                visible: !AudioSettings.hasInput
                wrapMode: Text.WordWrap
                text: qsTr("No microphone found. Plug one in: it shows up here at once.")
            }
            ComboBox {
                objectName: "inputCombo"
                Layout.fillWidth: true
                visible: AudioSettings.hasInput
                model: AudioSettings.inputs
                textRole: "name"
                valueRole: "id"
                currentIndex: AudioSettings.inputIndex
                onActivated: index => AudioSettings.inputId = AudioSettings.inputs[index].id
                Accessible.name: qsTr("Microphone")
            }
            RowLayout {
                Layout.fillWidth: true
                visible: AudioSettings.hasInput
                Label {
                    text: qsTr("Level")
                }
                ProgressBar {
                    objectName: "levelMeter"
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: AudioSettings.level
                    Accessible.name: qsTr("Microphone level")
                }
            }
            Label {
                text: qsTr("Speaker")
            }
            Label {
                objectName: "noOutputText"
                Layout.fillWidth: true
                visible: !AudioSettings.hasOutput
                wrapMode: Text.WordWrap
                text: qsTr("No speaker or headset found. Plug one in: it shows up here at once.")
            }
            RowLayout {
                Layout.fillWidth: true
                visible: AudioSettings.hasOutput
                ComboBox {
                    objectName: "outputCombo"
                    Layout.fillWidth: true
                    model: AudioSettings.outputs
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: AudioSettings.outputIndex
                    onActivated: index => AudioSettings.outputId = AudioSettings.outputs[index].id
                    Accessible.name: qsTr("Speaker")
                }
                Button {
                    objectName: "testToneButton"
                    text: qsTr("Test")
                    enabled: !AudioSettings.testTonePlaying
                    Accessible.name: qsTr("Play a test tone on the speaker")
                    onClicked: AudioSettings.playTestTone(false)
                }
            }
            Label {
                visible: AudioSettings.hasOutput
                text: qsTr("Ringtone")
            }
            RowLayout {
                Layout.fillWidth: true
                visible: AudioSettings.hasOutput
                ComboBox {
                    objectName: "ringerCombo"
                    Layout.fillWidth: true
                    model: AudioSettings.outputs
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: AudioSettings.ringerIndex
                    onActivated: index => AudioSettings.ringerId = AudioSettings.outputs[index].id
                    Accessible.name: qsTr("Ringtone device")
                }
                Button {
                    objectName: "testRingerButton"
                    text: qsTr("Test")
                    enabled: !AudioSettings.testTonePlaying
                    Accessible.name: qsTr("Play a test tone on the ringtone device")
                    onClicked: AudioSettings.playTestTone(true)
                }
            }
            Label {
                objectName: "audioErrorText"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.WordWrap
                color: "#c62828"
                text: AudioSettings.errorText
            }

            // ---- Codecs and security
            SectionTitle {
                objectName: "codecsSection"
                text: qsTr("Codecs and security")
            }
            Hint {
                text: qsTr("Codecs are offered in this order; the first one both sides know is used.")
            }
            Repeater {
                objectName: "codecList"
                model: AppSettings.codecOrder
                delegate: RowLayout {
                    id: codecRow
                    required property int index
                    required property string modelData
                    objectName: "codec_" + modelData
                    readonly property string label: AppSettings.codecLabels[index] ?? modelData
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: (codecRow.index + 1) + ". " + codecRow.label
                        elide: Text.ElideRight
                    }
                    ToolButton {
                        objectName: "codecUp"
                        text: qsTr("Up")
                        enabled: codecRow.index > 0
                        Accessible.name: qsTr("Move %1 up").arg(codecRow.label)
                        onClicked: AppSettings.moveCodec(codecRow.index, codecRow.index - 1)
                    }
                    ToolButton {
                        objectName: "codecDown"
                        text: qsTr("Down")
                        enabled: codecRow.index < AppSettings.codecOrder.length - 1
                        Accessible.name: qsTr("Move %1 down").arg(codecRow.label)
                        onClicked: AppSettings.moveCodec(codecRow.index, codecRow.index + 1)
                    }
                }
            }
            Label {
                text: qsTr("Call encryption (SRTP)")
            }
            ComboBox {
                objectName: "srtpCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { text: qsTr("Off: never encrypt the audio"), value: AppSettings.Off },
                    { text: qsTr("When possible: encrypt if the other side can"), value: AppSettings.Optional },
                    { text: qsTr("Required: calls without encryption fail"), value: AppSettings.Mandatory }
                ]
                // Through the model too: a language switch rebuilds it and must keep the choice.
                currentIndex: indexIn(model, AppSettings.srtpPolicy)
                function indexIn(items, value) {
                    return items.findIndex(i => i.value === value)
                }
                onActivated: AppSettings.srtpPolicy = currentValue
                Accessible.name: qsTr("Call encryption")
            }

            // ---- Appearance and start
            SectionTitle {
                objectName: "appearanceSection"
                text: qsTr("Language and start")
            }
            Label {
                text: qsTr("Language")
            }
            ComboBox {
                objectName: "languageCombo"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                // Each language is named in itself, so it can be found whatever is shown now.
                model: [
                    { text: qsTr("System language"), value: "" },
                    { text: "English", value: "en" },
                    { text: "Deutsch", value: "de" }
                ]
                currentIndex: indexIn(model, AppSettings.language)
                function indexIn(items, value) {
                    return items.findIndex(i => i.value === value)
                }
                onActivated: AppSettings.language = currentValue
                Accessible.name: qsTr("Language")
            }
            // Only where there is a tray to start in.
            Switch {
                objectName: "startMinimizedSwitch"
                Layout.fillWidth: true
                visible: AppSettings.trayAvailable
                text: qsTr("Start minimised to the tray")
                Accessible.name: text
                checked: AppSettings.startMinimized
                onToggled: AppSettings.startMinimized = checked
            }
            Item {
                Layout.preferredHeight: 12
            }
        }
    }
}
