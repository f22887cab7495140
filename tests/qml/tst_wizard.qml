import QtQuick
import QtTest
import Parlo.Ui

// The setup wizard: inline validation messages, page flow, the connection test's steps, saving
// without a keychain.
Item {
    id: root
    width: 480
    height: 640

    Component {
        id: wizardComponent
        Item {
            anchors.fill: parent
            property alias wizard: wizard
            property alias controller: controller
            property alias accounts: accounts
            AccountListModel {
                id: accounts
                settingsFile: "wizard-" + Date.now() + ".ini"
            }
            AccountSetupController {
                id: controller
                accounts: accounts
            }
            SetupWizard {
                id: wizard
                anchors.fill: parent
                controller: controller
            }
        }
    }

    TestCase {
        name: "Wizard"
        when: windowShown

        function createWizard() {
            const holder = createTemporaryObject(wizardComponent, root)
            verify(holder)
            holder.accounts.start()
            return holder
        }

        function test_addressValidation_data() {
            return [
                { tag: "empty", aor: "", message: "Enter your SIP address, like alice@example.com." },
                { tag: "blank", aor: "   ", message: "Enter your SIP address, like alice@example.com." },
                { tag: "no @", aor: "alice.example.com",
                  message: "The address needs an @ between your user name and the domain, like alice@example.com." },
                { tag: "no user", aor: "@example.com", message: "Enter your user name before the @." },
                { tag: "no domain", aor: "alice@", message: "Enter your provider's domain after the @." },
                { tag: "bad domain", aor: "alice@exa mple.com", message: "“exa mple.com” is not a valid domain name." },
                { tag: "bad label", aor: "sip:alice@-example.com", message: "“-example.com” is not a valid domain name." },
                { tag: "ok", aor: "alice@example.com", message: "" },
                { tag: "ok with sip:", aor: "sip:alice@example.com", message: "" },
                { tag: "ok with port", aor: "alice@192.0.2.1:5070", message: "" },
                { tag: "ok IPv6", aor: "alice@[2001:db8::1]", message: "" },
            ]
        }
        function test_addressValidation(data) {
            const h = createWizard()
            h.controller.aor = data.aor
            compare(h.wizard.next(), data.message === "")
            compare(h.controller.aorError, data.message)
            const label = findChild(h.wizard, "aorError")
            compare(label.text, data.message)
            compare(label.visible, data.message !== "")
            compare(h.wizard.step, data.message === "" ? 1 : 0)
        }

        function test_advancedValidation_data() {
            return [
                { tag: "defaults", proxy: "", interval: 3600, proxyError: "", intervalError: "" },
                { tag: "proxy ok", proxy: "sip:proxy.example.com:5060;transport=tcp", interval: 3600,
                  proxyError: "", intervalError: "" },
                { tag: "proxy without sip:", proxy: "proxy.example.com", interval: 3600, proxyError: "", intervalError: "" },
                { tag: "proxy bad", proxy: "proxy example", interval: 3600,
                  proxyError: "The outbound proxy must be a SIP address like sip:proxy.example.com:5060.", intervalError: "" },
                { tag: "proxy with user", proxy: "sip:bob@proxy.example.com", interval: 3600,
                  proxyError: "The outbound proxy must be a SIP address like sip:proxy.example.com:5060.", intervalError: "" },
                { tag: "interval low", proxy: "", interval: 29, proxyError: "",
                  intervalError: "The registration interval must be between 30 and 86400 seconds." },
                { tag: "interval high", proxy: "", interval: 86401, proxyError: "",
                  intervalError: "The registration interval must be between 30 and 86400 seconds." },
                { tag: "interval edges", proxy: "", interval: 30, proxyError: "", intervalError: "" },
            ]
        }
        function test_advancedValidation(data) {
            const h = createWizard()
            h.controller.aor = "alice@127.0.0.1:1"
            verify(h.wizard.next())
            h.controller.password = "secret"
            h.controller.outboundProxy = data.proxy
            h.controller.interval = data.interval
            h.controller.transport = AccountSetupController.Tcp
            const ok = data.proxyError === "" && data.intervalError === ""
            compare(h.wizard.next(), ok)
            compare(h.controller.proxyError, data.proxyError)
            compare(h.controller.intervalError, data.intervalError)
            // A problem in the collapsed section opens it.
            compare(findChild(h.wizard, "advancedSettings").visible, !ok)
            compare(h.wizard.step, ok ? 2 : 1)
            h.controller.cancelTest()
        }

        function test_passwordRequired() {
            const h = createWizard()
            h.controller.aor = "alice@example.com"
            verify(h.wizard.next())
            verify(!h.wizard.next())
            compare(h.controller.passwordError, "Enter the password of your SIP account.")
            compare(findChild(h.wizard, "advancedSettings").visible, false)
            compare(h.wizard.step, 1)
        }

        function test_keyboardFlow() {
            const h = createWizard()
            const field = findChild(h.wizard, "aorField")
            field.forceActiveFocus()
            verify(field.activeFocus)
            keyClick(Qt.Key_Return)
            compare(h.wizard.step, 0)
            compare(h.controller.aorError, "Enter your SIP address, like alice@example.com.")
            for (const c of "bob@example.org")
                keyClick(c)
            compare(h.controller.aor, "bob@example.org")
            keyClick(Qt.Key_Return)
            compare(h.wizard.step, 1)
            tryVerify(() => findChild(h.wizard, "passwordField").activeFocus)
            // Back keeps what was typed.
            h.wizard.back()
            compare(h.wizard.step, 0)
            compare(findChild(h.wizard, "aorField").text, "bob@example.org")
        }

        function test_connectionRefused() {
            const h = createWizard()
            h.controller.aor = "alice@127.0.0.1:1"
            h.controller.transport = AccountSetupController.Tcp
            h.controller.password = "secret"
            verify(h.wizard.next())
            verify(h.wizard.next())
            compare(h.wizard.step, 2)
            verify(h.controller.testState !== AccountSetupController.Idle)
            tryCompare(h.controller, "testState", AccountSetupController.Failed, 15000)
            compare(h.controller.failedStep, AccountSetupController.Connecting)
            compare(h.controller.testError, "The server 127.0.0.1:1 refused the connection.")
            verify(h.controller.testHint.length > 0)
            compare(findChild(h.wizard, "stepResolve").status, StepRow.Done)
            compare(findChild(h.wizard, "stepConnect").status, StepRow.Failed)
            compare(findChild(h.wizard, "stepRegister").status, StepRow.Pending)
            verify(findChild(h.wizard, "testFailure").visible)
            compare(findChild(h.wizard, "testError").text, h.controller.testError)
        }

        function test_dnsNotFound() {
            const h = createWizard()
            h.controller.aor = "alice@no-such-host.invalid"
            h.controller.password = "secret"
            h.wizard.next()
            h.wizard.next()
            tryCompare(h.controller, "testState", AccountSetupController.Failed, 30000)
            compare(h.controller.failedStep, AccountSetupController.Resolving)
            compare(findChild(h.wizard, "stepResolve").status, StepRow.Failed)
            verify(h.controller.testError.indexOf("no-such-host.invalid") >= 0, h.controller.testError)
        }

        function test_saveWithoutKeychain() {
            const h = createWizard()
            h.controller.aor = "alice@127.0.0.1:1"
            h.controller.transport = AccountSetupController.Tcp
            h.controller.password = "secret"
            h.wizard.next()
            h.wizard.next()
            verify(h.wizard.next()) // skip the test
            compare(h.wizard.step, 3)
            compare(h.controller.testState, AccountSetupController.Idle)
            findChild(h.wizard, "saveButton").clicked()
            tryCompare(h.controller, "saveState", AccountSetupController.NoKeychain)
            compare(h.controller.saveError, "No keychain is available to store your password safely.")
            verify(findChild(h.wizard, "noKeychain").visible)
            // Nothing is saved until the user agrees to keep the password in memory only.
            compare(h.accounts.count, 0)
            findChild(h.wizard, "sessionOnlyButton").clicked()
            compare(h.controller.saveState, AccountSetupController.Saved)
            compare(h.accounts.count, 1)
            verify(h.controller.savedId.length > 0)
            compare(h.accounts.rowOf(h.controller.savedId), 0)
            verify(findChild(h.wizard, "savedMessage").visible)
            compare(findChild(h.wizard, "nextButton").text, "Done")
            let finished = false
            h.wizard.finished.connect(() => finished = true)
            findChild(h.wizard, "nextButton").clicked()
            verify(finished)
            h.accounts.remove(0)
            compare(h.accounts.count, 0)
        }
    }
}
