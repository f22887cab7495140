import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// Account setup: address → password (advanced settings collapsed) → connection test → save.
Page {
    id: wizard
    required property AccountSetupController controller
    property bool canCancel: false
    // 0 address, 1 password and advanced, 2 connection test, 3 save
    property int step: 0
    readonly property int stepCount: 4
    signal finished()
    signal cancelled()

    title: qsTr("Add a SIP account")

    function next() {
        switch (step) {
        case 0:
            if (!controller.validateAddress()) {
                aorField.forceActiveFocus()
                return false
            }
            step = 1
            passwordField.forceActiveFocus()
            return true
        case 1: {
            const passwordOk = controller.validatePassword()
            const advancedOk = controller.validateAdvanced()
            if (!advancedOk)
                advancedSection.expanded = true
            if (!passwordOk || !advancedOk) {
                if (!passwordOk)
                    passwordField.forceActiveFocus()
                return false
            }
            step = 2
            controller.testConnection()
            return true
        }
        case 2:
            controller.cancelTest()
            step = 3
            saveButton.forceActiveFocus()
            return true
        }
        return false
    }
    function back() {
        if (step === 0) {
            if (canCancel)
                cancelled()
            return
        }
        if (step === 2)
            controller.cancelTest()
        step = step - 1
    }

    function stepStatus(which) {
        const s = controller.testState
        if (s === AccountSetupController.Failed)
            return controller.failedStep === which ? StepRow.Failed
                 : controller.failedStep > which ? StepRow.Done : StepRow.Pending
        if (s === AccountSetupController.Succeeded || s > which)
            return StepRow.Done
        return s === which ? StepRow.Running : StepRow.Pending
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                Layout.fillWidth: true
                text: wizard.title
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Label {
                text: qsTr("Step %1 of %2").arg(wizard.step + 1).arg(wizard.stepCount)
                opacity: 0.8
            }
        }
    }

    StackLayout {
        id: pages
        objectName: "wizardPages"
        anchors.fill: parent
        anchors.margins: 24
        currentIndex: wizard.step

        // Step 1: the address
        ColumnLayout {
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Enter the SIP address your provider gave you. It looks like an e-mail address.")
            }
            Label {
                text: qsTr("SIP address")
                font.bold: true
            }
            TextField {
                id: aorField
                objectName: "aorField"
                Layout.fillWidth: true
                placeholderText: qsTr("alice@example.com")
                text: wizard.controller.aor
                inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                focus: wizard.step === 0
                Accessible.name: qsTr("SIP address")
                onTextEdited: wizard.controller.aor = text
                onAccepted: wizard.next()
            }
            FieldMessage {
                objectName: "aorError"
                text: wizard.controller.aorError
            }
            Label {
                text: qsTr("Your name (optional)")
                font.bold: true
            }
            TextField {
                id: nameField
                objectName: "displayNameField"
                Layout.fillWidth: true
                placeholderText: qsTr("Shown to the people you call")
                text: wizard.controller.displayName
                Accessible.name: qsTr("Your name")
                onTextEdited: wizard.controller.displayName = text
                onAccepted: wizard.next()
            }
            Item { Layout.fillHeight: true }
        }

        // Step 2: password and, collapsed, the advanced settings
        ScrollView {
            id: passwordScroll
            clip: true
            contentWidth: availableWidth
            ColumnLayout {
                width: passwordScroll.availableWidth
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: qsTr("Enter the password of %1.").arg(wizard.controller.aor)
                }
                Label {
                    text: qsTr("Password")
                    font.bold: true
                }
                TextField {
                    id: passwordField
                    objectName: "passwordField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    text: wizard.controller.password
                    Accessible.name: qsTr("Password")
                    onTextEdited: wizard.controller.password = text
                    onAccepted: wizard.next()
                }
                FieldMessage {
                    objectName: "passwordError"
                    text: wizard.controller.passwordError
                }
                Button {
                    id: advancedSection
                    objectName: "advancedToggle"
                    property bool expanded: false
                    flat: true
                    text: expanded ? qsTr("▾ Advanced settings") : qsTr("▸ Advanced settings")
                    Accessible.name: qsTr("Advanced settings")
                    Accessible.role: Accessible.CheckBox
                    Accessible.checked: expanded
                    onClicked: expanded = !expanded
                }
                GridLayout {
                    objectName: "advancedSettings"
                    Layout.fillWidth: true
                    visible: advancedSection.expanded
                    columns: 1
                    rowSpacing: 6
                    Label { text: qsTr("Authentication user name"); font.bold: true }
                    TextField {
                        objectName: "authUsernameField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Same as in the address")
                        text: wizard.controller.authUsername
                        Accessible.name: qsTr("Authentication user name")
                        onTextEdited: wizard.controller.authUsername = text
                    }
                    Label { text: qsTr("Outbound proxy"); font.bold: true }
                    TextField {
                        objectName: "proxyField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("None (sip:proxy.example.com:5060)")
                        text: wizard.controller.outboundProxy
                        Accessible.name: qsTr("Outbound proxy")
                        onTextEdited: wizard.controller.outboundProxy = text
                    }
                    FieldMessage {
                        objectName: "proxyError"
                        text: wizard.controller.proxyError
                    }
                    Label { text: qsTr("Transport"); font.bold: true }
                    ComboBox {
                        objectName: "transportBox"
                        Layout.fillWidth: true
                        model: [qsTr("Automatic"), qsTr("UDP"), qsTr("TCP"), qsTr("TLS (encrypted)")]
                        currentIndex: wizard.controller.transport
                        Accessible.name: qsTr("Transport")
                        onActivated: index => wizard.controller.transport = index
                    }
                    Label { text: qsTr("Registration interval (seconds)"); font.bold: true }
                    SpinBox {
                        objectName: "intervalBox"
                        from: 0
                        to: 100000
                        stepSize: 60
                        editable: true
                        value: wizard.controller.interval
                        Accessible.name: qsTr("Registration interval in seconds")
                        onValueModified: wizard.controller.interval = value
                    }
                    FieldMessage {
                        objectName: "intervalError"
                        text: wizard.controller.intervalError
                    }
                }
            }
        }

        // Step 3: the connection test
        ColumnLayout {
            spacing: 10
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Parlo registers once with your provider to check the settings.")
            }
            StepRow {
                objectName: "stepResolve"
                Layout.fillWidth: true
                label: qsTr("Finding the server")
                status: wizard.stepStatus(AccountSetupController.Resolving)
            }
            StepRow {
                objectName: "stepConnect"
                Layout.fillWidth: true
                label: wizard.controller.testServer.length > 0
                       ? qsTr("Connecting to %1").arg(wizard.controller.testServer)
                       : qsTr("Connecting")
                status: wizard.stepStatus(AccountSetupController.Connecting)
            }
            StepRow {
                objectName: "stepRegister"
                Layout.fillWidth: true
                label: qsTr("Signing in")
                status: wizard.stepStatus(AccountSetupController.Registering)
            }
            Label {
                objectName: "testSucceeded"
                Layout.fillWidth: true
                visible: wizard.controller.testState === AccountSetupController.Succeeded
                wrapMode: Text.WordWrap
                color: "#2e7d32"
                font.bold: true
                text: qsTr("Everything works. You can save the account now.")
            }
            Label {
                objectName: "certificateTrustedNote"
                Layout.fillWidth: true
                visible: wizard.controller.certificateTrusted
                         && wizard.controller.testState === AccountSetupController.Succeeded
                wrapMode: Text.WordWrap
                text: qsTr("This account trusts the server certificate you accepted, and only that one.")
            }
            Frame {
                objectName: "testFailure"
                Layout.fillWidth: true
                visible: wizard.controller.testState === AccountSetupController.Failed
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        objectName: "testError"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: "#c62828"
                        font.bold: true
                        text: wizard.controller.testError
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    Label {
                        objectName: "testHint"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: wizard.controller.testHint
                    }
                    // A certificate that does not verify: what it is, so the user can compare it
                    // with what the provider publishes before trusting it.
                    GridLayout {
                        objectName: "certificateDetails"
                        Layout.fillWidth: true
                        visible: wizard.controller.certificateTrustable
                        columns: 2
                        columnSpacing: 12
                        Label { text: qsTr("Issued to") }
                        Label {
                            objectName: "certificateSubject"
                            Layout.fillWidth: true
                            wrapMode: Text.WrapAnywhere
                            text: wizard.controller.certificateSubject
                        }
                        Label { text: qsTr("Issued by") }
                        Label {
                            objectName: "certificateIssuer"
                            Layout.fillWidth: true
                            wrapMode: Text.WrapAnywhere
                            text: wizard.controller.certificateIssuer
                        }
                        Label { text: qsTr("Valid") }
                        Label {
                            objectName: "certificateValidity"
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            text: wizard.controller.certificateValidity
                        }
                        Label { text: qsTr("SHA-256 fingerprint") }
                        Label {
                            objectName: "certificateFingerprint"
                            Layout.fillWidth: true
                            wrapMode: Text.WrapAnywhere
                            font.family: "monospace"
                            text: wizard.controller.certificateFingerprint
                            Accessible.name: qsTr("SHA-256 fingerprint: %1").arg(text)
                        }
                    }
                    RowLayout {
                        Button {
                            objectName: "trustCertificateButton"
                            visible: wizard.controller.certificateTrustable
                            text: qsTr("Trust this certificate for this account")
                            Accessible.name: text
                            onClicked: wizard.controller.trustCertificate()
                        }
                        Button {
                            objectName: "testAgainButton"
                            text: qsTr("Test again")
                            Accessible.name: text
                            onClicked: wizard.controller.testConnection()
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }

        // Step 4: save
        ColumnLayout {
            spacing: 10
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Save the account %1? Your password goes into the system keychain.").arg(wizard.controller.aor)
            }
            Button {
                id: saveButton
                objectName: "saveButton"
                text: qsTr("Save")
                highlighted: true
                visible: wizard.controller.saveState === AccountSetupController.Unsaved
                         || wizard.controller.saveState === AccountSetupController.SaveFailed
                Accessible.name: text
                onClicked: wizard.controller.save()
            }
            BusyIndicator {
                visible: running
                running: wizard.controller.saveState === AccountSetupController.Saving
            }
            Frame {
                objectName: "noKeychain"
                Layout.fillWidth: true
                visible: wizard.controller.saveState === AccountSetupController.NoKeychain
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.bold: true
                        text: wizard.controller.saveError
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: qsTr("Parlo never writes passwords to disk in plain text. It can keep the password in memory until you quit; you will be asked for it at the next start.")
                    }
                    Button {
                        objectName: "sessionOnlyButton"
                        text: qsTr("Keep the password for this session only")
                        Accessible.name: text
                        onClicked: wizard.controller.saveForSessionOnly()
                    }
                }
            }
            FieldMessage {
                text: wizard.controller.saveState === AccountSetupController.SaveFailed ? wizard.controller.saveError : ""
            }
            Label {
                objectName: "savedMessage"
                Layout.fillWidth: true
                visible: wizard.controller.saveState === AccountSetupController.Saved
                wrapMode: Text.WordWrap
                color: "#2e7d32"
                font.bold: true
                text: qsTr("The account is saved.")
            }
            Item { Layout.fillHeight: true }
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Button {
                objectName: "backButton"
                text: wizard.step === 0 ? qsTr("Cancel") : qsTr("Back")
                visible: (wizard.step > 0 || wizard.canCancel)
                         && wizard.controller.saveState !== AccountSetupController.Saved
                Accessible.name: text
                onClicked: wizard.back()
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "nextButton"
                visible: wizard.step < 3 || wizard.controller.saveState === AccountSetupController.Saved
                highlighted: true
                text: wizard.step === 2
                      ? (wizard.controller.testState === AccountSetupController.Succeeded ? qsTr("Next") : qsTr("Skip test"))
                      : wizard.step === 3 ? qsTr("Done") : qsTr("Next")
                Accessible.name: text
                onClicked: wizard.step === 3 ? wizard.finished() : wizard.next()
            }
        }
    }
}
