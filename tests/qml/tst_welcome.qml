import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The welcome page's two ways on. The test call with the real controller and echo service: the
// call becomes current, reaches Active on the normal call screen, and after hanging up the
// welcome is back and the echo stops by itself.
Item {
    id: root
    width: 480
    height: 800

    Component {
        id: holderComponent
        Item {
            anchors.fill: parent
            property alias accounts: accounts
            property alias calls: calls
            property alias echo: echo
            property alias page: page
            AccountListModel {
                id: accounts
                settingsFile: "welcome-" + Date.now() + "-" + Math.random() + ".ini"
            }
            CallController {
                id: calls
                accounts: accounts
            }
            EchoService {
                id: echo
            }
            WelcomePage {
                id: page
                anchors.fill: parent
                calls: calls
                echo: echo
            }
        }
    }
    Component {
        id: bareComponent
        WelcomePage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "Welcome"
        when: windowShown

        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }

        function test_addAccount() {
            const page = createTemporaryObject(bareComponent, root)
            const spy = signalSpy.createObject(page, { target: page, signalName: "addAccount" })
            const add = child(page, "addAccountButton")
            verify(add.activeFocus)
            keyClick(Qt.Key_Return)
            compare(spy.count, 1)
            // Without the call backend the test call is not offered at all.
            verify(!child(page, "testCallButton").visible)
            verify(!child(page, "testCallText").visible)
        }

        function test_testCall() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            compare(h.accounts.count, 0)
            const button = child(h.page, "testCallButton")
            verify(button.visible)
            verify(button.enabled)
            verify(child(h.page, "testCallText").text.length > 0)
            mouseClick(button)
            compare(child(h.page, "testCallError").text, "")
            verify(h.echo.running)
            verify(h.calls.currentCall !== null)
            compare(h.calls.currentCall.remoteUri, h.echo.uri)
            tryCompare(h.calls.currentCall, "state", Call.Active, 5000)
            // The normal call screen, over the welcome.
            const view = child(h.page, "welcomeCallView")
            verify(view.active)
            verify(!button.visible || !button.enabled)
            const hangup = child(view.item, "hangupButton")
            verify(child(view.item, "muteButton").enabled)
            mouseClick(hangup)
            tryCompare(h.calls, "currentCall", null, 5000)
            verify(!view.active)
            verify(button.visible && button.enabled)
            tryCompare(h.echo, "running", false, 6000)
        }
    }
    Component {
        id: signalSpy
        SignalSpy {}
    }
}
