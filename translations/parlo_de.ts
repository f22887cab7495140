<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountSetupController</name>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="88"/>
        <source>Enter your SIP address, like alice@example.com.</source>
        <translation>Geben Sie Ihre SIP-Adresse ein, z. B. alice@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="90"/>
        <source>The address needs an @ between your user name and the domain, like alice@example.com.</source>
        <translation>Die Adresse braucht ein @ zwischen Benutzername und Domain, z. B. alice@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="92"/>
        <location filename="../ui/AccountSetupController.cpp" line="107"/>
        <source>Enter your user name before the @.</source>
        <translation>Geben Sie Ihren Benutzernamen vor dem @ ein.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="94"/>
        <location filename="../ui/AccountSetupController.cpp" line="110"/>
        <source>Enter your provider&apos;s domain after the @.</source>
        <translation>Geben Sie die Domain Ihres Anbieters nach dem @ ein.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="96"/>
        <source>“%1” is not a valid domain name.</source>
        <translation>„%1“ ist kein gültiger Domainname.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="98"/>
        <location filename="../ui/AccountSetupController.cpp" line="113"/>
        <source>This is not a valid SIP address.</source>
        <translation>Das ist keine gültige SIP-Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="125"/>
        <source>Enter the password of your SIP account.</source>
        <translation>Geben Sie das Passwort Ihres SIP-Kontos ein.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="140"/>
        <source>The outbound proxy must be a SIP address like sip:proxy.example.com:5060.</source>
        <translation>Der Outbound-Proxy muss eine SIP-Adresse sein, z. B. sip:proxy.example.com:5060.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="143"/>
        <source>The registration interval must be between 30 and 86400 seconds.</source>
        <translation>Das Registrierungsintervall muss zwischen 30 und 86400 Sekunden liegen.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="219"/>
        <source>Parlo cannot open a network port: %1</source>
        <translation>Parlo kann keinen Netzwerkport öffnen: %1</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="220"/>
        <source>Check that your computer is connected to a network.</source>
        <translation>Prüfen Sie, ob Ihr Computer mit einem Netzwerk verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="315"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="359"/>
        <source>No keychain is available to store your password safely.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, um Ihr Passwort sicher zu speichern.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="362"/>
        <source>The keychain refused to store the password.</source>
        <translation>Der Schlüsselbund hat das Speichern des Passworts abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="365"/>
        <source>The password could not be stored in the keychain.</source>
        <translation>Das Passwort konnte nicht im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../ui/AccountSetupController.cpp" line="384"/>
        <source>The account could not be saved.</source>
        <translation>Das Konto konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="11"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="26"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="112"/>
        <source>No keychain is available, so Parlo has no stored password. Enter it to sign in until you quit Parlo.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher hat Parlo kein gespeichertes Passwort. Geben Sie es ein, um sich bis zum Beenden von Parlo anzumelden.</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="121"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="122"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="127"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="139"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="143"/>
        <source>Retry %1 now</source>
        <translation>%1 jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="148"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="149"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="168"/>
        <source>Remove account?</source>
        <translation>Konto entfernen?</translation>
    </message>
    <message>
        <location filename="../ui/qml/AccountsPage.qml" line="173"/>
        <source>Parlo signs %1 off and forgets its settings and password.</source>
        <translation>Parlo meldet %1 ab und vergisst die Einstellungen und das Passwort.</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <location filename="../ui/AppSettings.cpp" line="163"/>
        <source>Recordings can only be saved in a folder on this computer.</source>
        <translation>Aufnahmen können nur in einem Ordner auf diesem Computer gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="166"/>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="170"/>
        <source>Parlo cannot save files in %1. Choose a folder you can write to.</source>
        <translation>Parlo kann in %1 keine Dateien speichern. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="246"/>
        <source>Opus (wideband, 48 kHz)</source>
        <translation>Opus (Breitband, 48 kHz)</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="248"/>
        <source>G.722 (wideband, 16 kHz)</source>
        <translation>G.722 (Breitband, 16 kHz)</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="250"/>
        <source>G.711 µ-law (PCMU, 8 kHz)</source>
        <translation>G.711 µ-law (PCMU, 8 kHz)</translation>
    </message>
    <message>
        <location filename="../ui/AppSettings.cpp" line="252"/>
        <source>G.711 A-law (PCMA, 8 kHz)</source>
        <translation>G.711 A-law (PCMA, 8 kHz)</translation>
    </message>
</context>
<context>
    <name>AppStorage</name>
    <message>
        <location filename="../ui/AppStorage.cpp" line="54"/>
        <source>The contacts and call history were saved by a newer version of Parlo and cannot be opened by this one.</source>
        <translation>Die Kontakte und die Anrufliste wurden von einer neueren Parlo-Version gespeichert und können von dieser nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/AppStorage.cpp" line="57"/>
        <source>The contacts and call history cannot be opened (%1); nothing will be saved.</source>
        <translation>Die Kontakte und die Anrufliste können nicht geöffnet werden (%1); es wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/AppStorage.cpp" line="58"/>
        <source>no writable data folder</source>
        <translation>kein beschreibbarer Datenordner</translation>
    </message>
</context>
<context>
    <name>AudioSettings</name>
    <message>
        <location filename="../ui/AudioSettings.cpp" line="25"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../ui/AudioSettings.cpp" line="231"/>
        <source>The microphone “%1” cannot be opened.</source>
        <translation>Das Mikrofon „%1“ lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/AudioSettings.cpp" line="275"/>
        <source>The speaker “%1” cannot be opened.</source>
        <translation>Der Lautsprecher „%1“ lässt sich nicht öffnen.</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <location filename="../ui/CallController.cpp" line="45"/>
        <source>The call with %1 was transferred.</source>
        <translation>Der Anruf mit %1 wurde vermittelt.</translation>
    </message>
    <message>
        <location filename="../ui/CallController.cpp" line="82"/>
        <source>The call with %1 has ended.</source>
        <translation>Der Anruf mit %1 ist beendet.</translation>
    </message>
    <message>
        <location filename="../ui/CallController.cpp" line="165"/>
        <source>Add an account first, or enter a full address like sip:bob@example.com.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu oder geben Sie eine vollständige Adresse ein, z. B. sip:bob@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/CallController.cpp" line="174"/>
        <source>Parlo could not open a network port for the call&apos;s audio.</source>
        <translation>Parlo konnte keinen Netzwerkport für den Ton des Anrufs öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/CallController.cpp" line="254"/>
        <source>The call cannot be transferred now: it must be connected.</source>
        <translation>Der Anruf kann jetzt nicht vermittelt werden: Er muss verbunden sein.</translation>
    </message>
    <message>
        <location filename="../ui/CallController.cpp" line="266"/>
        <source>The call cannot be transferred now: both calls must be connected.</source>
        <translation>Der Anruf kann jetzt nicht vermittelt werden: Beide Anrufe müssen verbunden sein.</translation>
    </message>
</context>
<context>
    <name>CallErrorText</name>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="15"/>
        <source>Enter a number or a SIP address.</source>
        <translation>Geben Sie eine Nummer oder eine SIP-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="17"/>
        <source>This is not a valid SIP address. Write it like sip:bob@example.com.</source>
        <translation>Das ist keine gültige SIP-Adresse. Schreiben Sie sie z. B. so: sip:bob@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="19"/>
        <source>A phone number can only contain digits, a leading +, * and #.</source>
        <translation>Eine Telefonnummer darf nur Ziffern, ein führendes +, * und # enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="21"/>
        <source>Parlo can call sip:, sips: and tel: addresses only.</source>
        <translation>Parlo kann nur sip:-, sips:- und tel:-Adressen anrufen.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="23"/>
        <source>Add an account first, or enter a full address like sip:bob@example.com.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu oder geben Sie eine vollständige Adresse ein, z. B. sip:bob@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="36"/>
        <source>The caller hung up before the call was answered.</source>
        <translation>Der Anrufer hat aufgelegt, bevor der Anruf angenommen wurde.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="38"/>
        <source>You declined the call.</source>
        <translation>Sie haben den Anruf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="40"/>
        <source>The other side is busy.</source>
        <translation>Die Gegenstelle ist besetzt.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="45"/>
        <source>This number or address does not exist (%1).</source>
        <translation>Diese Nummer oder Adresse gibt es nicht (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="47"/>
        <source>The other side is not available right now (%1).</source>
        <translation>Die Gegenstelle ist gerade nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="49"/>
        <source>The other side declined the call.</source>
        <translation>Die Gegenstelle hat den Anruf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="51"/>
        <source>The call was refused (%1).</source>
        <translation>Der Anruf wurde abgewiesen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="51"/>
        <source>The call was refused.</source>
        <translation>Der Anruf wurde abgewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="53"/>
        <source>The other side cannot be reached: no answer, no connection or an unknown server name.</source>
        <translation>Die Gegenstelle ist nicht erreichbar: keine Antwort, keine Verbindung oder ein unbekannter Servername.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="55"/>
        <source>The other side supports none of Parlo&apos;s audio codecs.</source>
        <translation>Die Gegenstelle unterstützt keinen der Audio-Codecs von Parlo.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="57"/>
        <source>Your provider refused the call: check the account&apos;s password.</source>
        <translation>Ihr Anbieter hat den Anruf abgewiesen: Prüfen Sie das Passwort des Kontos.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="59"/>
        <source>The connection to the other side was lost.</source>
        <translation>Die Verbindung zur Gegenstelle ist abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="68"/>
        <source>No microphone found: the other side hears silence.</source>
        <translation>Kein Mikrofon gefunden: Die Gegenstelle hört nur Stille.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="70"/>
        <source>No speaker or headset found: you cannot hear the other side.</source>
        <translation>Kein Lautsprecher oder Headset gefunden: Sie können die Gegenstelle nicht hören.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="72"/>
        <source>The audio device stopped working.</source>
        <translation>Das Audiogerät funktioniert nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="75"/>
        <source>An audio file could not be opened.</source>
        <translation>Eine Audiodatei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="77"/>
        <source>The call&apos;s encryption could not be set up, so it carries no audio.</source>
        <translation>Die Verschlüsselung des Anrufs ließ sich nicht einrichten, daher wird kein Ton übertragen.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="88"/>
        <source>The other side cannot transfer calls.</source>
        <translation>Die Gegenstelle kann keine Anrufe vermitteln.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="90"/>
        <source>The other side refused the transfer.</source>
        <translation>Die Gegenstelle hat die Vermittlung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="93"/>
        <source>The transfer target is busy.</source>
        <translation>Das Vermittlungsziel ist besetzt.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="95"/>
        <source>The transfer got no answer.</source>
        <translation>Die Vermittlung blieb ohne Antwort.</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="97"/>
        <source>The transfer failed (%1).</source>
        <translation>Die Vermittlung ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallErrorText.cpp" line="97"/>
        <source>The transfer failed.</source>
        <translation>Die Vermittlung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>CallHistoryModel</name>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="247"/>
        <source>The call could not be deleted from the history.</source>
        <translation>Der Anruf konnte nicht aus der Anrufliste gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="259"/>
        <source>The call history could not be cleared.</source>
        <translation>Die Anrufliste konnte nicht geleert werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="317"/>
        <source>The call is still going on.</source>
        <translation>Der Anruf läuft noch.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="320"/>
        <source>You hung up.</source>
        <translation>Sie haben aufgelegt.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="321"/>
        <source>You did not answer.</source>
        <translation>Sie haben nicht abgenommen.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="321"/>
        <source>You hung up before the call was answered.</source>
        <translation>Sie haben aufgelegt, bevor der Anruf angenommen wurde.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="324"/>
        <source>The other side hung up.</source>
        <translation>Die Gegenstelle hat aufgelegt.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="325"/>
        <source>The other side hung up before the call was answered.</source>
        <translation>Die Gegenstelle hat aufgelegt, bevor der Anruf angenommen wurde.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="327"/>
        <source>The caller hung up before you answered.</source>
        <translation>Der Anrufer hat aufgelegt, bevor Sie abgenommen haben.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="329"/>
        <source>You declined the call.</source>
        <translation>Sie haben den Anruf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="331"/>
        <source>The other side was busy.</source>
        <translation>Die Gegenstelle war besetzt.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="336"/>
        <source>This number or address does not exist (%1).</source>
        <translation>Diese Nummer oder Adresse gibt es nicht (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="338"/>
        <source>The other side was not available (%1).</source>
        <translation>Die Gegenstelle war nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="340"/>
        <source>The other side declined the call.</source>
        <translation>Die Gegenstelle hat den Anruf abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="342"/>
        <source>The call was refused (%1).</source>
        <translation>Der Anruf wurde abgewiesen (%1).</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="343"/>
        <source>The call was refused.</source>
        <translation>Der Anruf wurde abgewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="346"/>
        <source>The other side could not be reached.</source>
        <translation>Die Gegenstelle konnte nicht erreicht werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="348"/>
        <source>The other side supports none of Parlo&apos;s audio codecs.</source>
        <translation>Die Gegenstelle unterstützt keinen der Audio-Codecs von Parlo.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="350"/>
        <source>Your provider refused the call: check the account&apos;s password.</source>
        <translation>Ihr Anbieter hat den Anruf abgewiesen: Prüfen Sie das Passwort des Kontos.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="352"/>
        <source>The connection was lost during the call.</source>
        <translation>Die Verbindung ist während des Anrufs abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="354"/>
        <source>Turned away: do not disturb was on.</source>
        <translation>Abgewiesen: „Nicht stören“ war eingeschaltet.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="356"/>
        <source>Turned away: you were in another call and call waiting is off.</source>
        <translation>Abgewiesen: Sie waren in einem anderen Gespräch, und Anklopfen ist ausgeschaltet.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="358"/>
        <source>Turned away: Parlo could not open a network port for the audio.</source>
        <translation>Abgewiesen: Parlo konnte keinen Netzwerkport für den Ton öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="360"/>
        <source>Parlo was closed during the call.</source>
        <translation>Parlo wurde während des Anrufs beendet.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="361"/>
        <source>The call has ended.</source>
        <translation>Der Anruf ist beendet.</translation>
    </message>
    <message>
        <location filename="../ui/CallHistoryModel.cpp" line="361"/>
        <source>The call was not connected.</source>
        <translation>Der Anruf kam nicht zustande.</translation>
    </message>
</context>
<context>
    <name>CallItem</name>
    <message>
        <location filename="../ui/CallItem.cpp" line="59"/>
        <source>The recording stopped: %1 could not be written.</source>
        <translation>Die Aufnahme wurde beendet: %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallItem.cpp" line="205"/>
        <source>The call cannot be recorded: the folder %1 cannot be created.</source>
        <translation>Das Gespräch kann nicht aufgenommen werden: Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallItem.cpp" line="220"/>
        <source>The call cannot be recorded to %1.</source>
        <translation>Das Gespräch kann nicht in %1 aufgenommen werden.</translation>
    </message>
    <message>
        <location filename="../ui/CallItem.cpp" line="239"/>
        <source>The recording could not be saved to %1.</source>
        <translation>Die Aufnahme konnte nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ContactController</name>
    <message>
        <location filename="../ui/ContactController.cpp" line="75"/>
        <source>The contact could not be saved to the database.</source>
        <translation>Der Kontakt konnte nicht in der Datenbank gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="101"/>
        <location filename="../ui/ContactController.cpp" line="204"/>
        <source>This contact has been deleted in the meantime.</source>
        <translation>Dieser Kontakt wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="110"/>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="112"/>
        <source>The name is too long (at most %1 characters).</source>
        <translation>Der Name ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="124"/>
        <source>Enter the full address, for example sip:bob@example.com.</source>
        <translation>Geben Sie die vollständige Adresse ein, zum Beispiel sip:bob@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="127"/>
        <source>This is not a SIP address. Enter one like sip:bob@example.com.</source>
        <translation>Das ist keine SIP-Adresse. Geben Sie eine wie sip:bob@example.com ein.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="130"/>
        <source>This number contains characters a phone number cannot have.</source>
        <translation>Diese Nummer enthält Zeichen, die in einer Telefonnummer nicht vorkommen können.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="133"/>
        <source>This is not a valid SIP address. Enter one like sip:bob@example.com.</source>
        <translation>Das ist keine gültige SIP-Adresse. Geben Sie eine wie sip:bob@example.com ein.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="150"/>
        <source>&quot;%1&quot; is not a phone number. Separate several numbers with commas.</source>
        <translation>„%1“ ist keine Telefonnummer. Trennen Sie mehrere Nummern durch Kommas.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="160"/>
        <source>A contact can have at most %1 phone numbers.</source>
        <translation>Ein Kontakt kann höchstens %1 Telefonnummern haben.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="164"/>
        <source>Enter a SIP address or a phone number.</source>
        <translation>Geben Sie eine SIP-Adresse oder eine Telefonnummer ein.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="168"/>
        <source>%1 already has this address.</source>
        <translation>%1 hat bereits diese Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="205"/>
        <source>The contact could not be deleted.</source>
        <translation>Der Kontakt konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="245"/>
        <source>The file %1 could not be opened.</source>
        <translation>Die Datei %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="249"/>
        <source>The file %1 is too large for an address book (over %2 MB).</source>
        <translation>Die Datei %1 ist zu groß für ein Adressbuch (über %2 MB).</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="257"/>
        <source>%1 contains no contacts in vCard format.</source>
        <translation>%1 enthält keine Kontakte im vCard-Format.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="311"/>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="317"/>
        <source>No new contacts in %1.</source>
        <translation>Keine neuen Kontakte in %1.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="318"/>
        <source>Imported from %1: %2 contacts.</source>
        <translation>Aus %1 importiert: %2 Kontakte.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="320"/>
        <source>Already in your contacts, left out: %1.</source>
        <translation>Schon in Ihren Kontakten, ausgelassen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="322"/>
        <source>Without a SIP address or phone number, left out: %1.</source>
        <translation>Ohne SIP-Adresse oder Telefonnummer, ausgelassen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="329"/>
        <source>Lines that could not be read, skipped: %1 (line %2).</source>
        <translation>Nicht lesbare Zeilen, übersprungen: %1 (Zeile %2).</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="340"/>
        <source>There are no contacts to export.</source>
        <translation>Es gibt keine Kontakte zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="353"/>
        <source>The contacts could not be written to %1: %2</source>
        <translation>Die Kontakte konnten nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="359"/>
        <source>Exported to %1: %2 contacts.</source>
        <translation>Nach %1 exportiert: %2 Kontakte.</translation>
    </message>
    <message>
        <location filename="../ui/ContactController.cpp" line="368"/>
        <source>Parlo contacts</source>
        <translation>Parlo-Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactEditPage</name>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="13"/>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="13"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="55"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="68"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="88"/>
        <location filename="../ui/qml/ContactEditPage.qml" line="93"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="98"/>
        <location filename="../ui/qml/ContactEditPage.qml" line="105"/>
        <source>SIP address</source>
        <translation>SIP-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="103"/>
        <source>sip:bob@example.com</source>
        <translation>sip:bob@example.com</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="110"/>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="115"/>
        <source>+49 30 1234567, 0171 2345678</source>
        <translation>+49 30 1234567, 0171 2345678</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="117"/>
        <source>Phone numbers, separated by commas</source>
        <translation>Telefonnummern, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="125"/>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="132"/>
        <source>Show for this contact (needs a SIP address and a provider that supports it):</source>
        <translation>Für diesen Kontakt anzeigen (braucht eine SIP-Adresse und einen Anbieter, der das unterstützt):</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="137"/>
        <source>Presence (available, away, busy)</source>
        <translation>Präsenz (erreichbar, abwesend, beschäftigt)</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="143"/>
        <source>Whether a phone is registered</source>
        <translation>Ob ein Telefon angemeldet ist</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactEditPage.qml" line="149"/>
        <source>Busy lamp (ringing, in a call)</source>
        <translation>Besetztlampe (klingelt, im Gespräch)</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="88"/>
        <source>Available</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="90"/>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="92"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="94"/>
        <source>On the phone</source>
        <translation>Am Telefon</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="96"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="106"/>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="108"/>
        <source>Not registered</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="118"/>
        <source>Idle</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="120"/>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <location filename="../ui/ContactListModel.cpp" line="122"/>
        <source>In a call</source>
        <translation>Im Gespräch</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="22"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="84"/>
        <source>Delete contact</source>
        <translation>Kontakt löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="90"/>
        <source>Delete %1 from your contacts?</source>
        <translation>%1 aus Ihren Kontakten löschen?</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="100"/>
        <location filename="../ui/qml/ContactsPage.qml" line="211"/>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="118"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="124"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="135"/>
        <source>sip:bob@example.com</source>
        <translation>sip:bob@example.com</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="136"/>
        <source>Address to write to</source>
        <translation>Adresse, an die geschrieben wird</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="147"/>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="149"/>
        <location filename="../ui/qml/ContactsPage.qml" line="158"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>vCard-Dateien (*.vcf *.vcard)</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="149"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="155"/>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="167"/>
        <location filename="../ui/qml/ContactsPage.qml" line="184"/>
        <source>Voicemail number</source>
        <translation>Mailbox-Nummer</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="177"/>
        <source>The number that calls your mailbox. Leave it empty to call your own address, which most providers connect to the mailbox.</source>
        <translation>Die Nummer, die Ihre Mailbox anruft. Lassen Sie sie leer, um Ihre eigene Adresse anzurufen – die meisten Anbieter verbinden dann mit der Mailbox.</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="183"/>
        <source>For example *98</source>
        <translation>Zum Beispiel *98</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="212"/>
        <source>Write a message to any address</source>
        <translation>Eine Nachricht an eine beliebige Adresse schreiben</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="217"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="225"/>
        <source>More: import and export contacts</source>
        <translation>Mehr: Kontakte importieren und exportieren</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="234"/>
        <source>Import contacts (vCard)…</source>
        <translation>Kontakte importieren (vCard) …</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="243"/>
        <source>Export contacts (vCard)…</source>
        <translation>Kontakte exportieren (vCard) …</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="271"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="283"/>
        <source>Call voicemail: %1</source>
        <translation>Mailbox anrufen: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="290"/>
        <source>Number…</source>
        <translation>Nummer …</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="291"/>
        <source>Set the voicemail number</source>
        <translation>Mailbox-Nummer festlegen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="305"/>
        <source>New messages from %1 (%2)</source>
        <translation>Neue Nachrichten von %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="321"/>
        <source>Search name, address or number</source>
        <translation>Name, Adresse oder Nummer suchen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="322"/>
        <source>Search contacts</source>
        <translation>Kontakte durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="342"/>
        <source>No contacts yet. Add the people you call often with &quot;Add contact&quot;, or import an address book (a vCard file) from the &quot;⋮&quot; menu.</source>
        <translation>Noch keine Kontakte. Fügen Sie die Menschen, die Sie oft anrufen, mit „Kontakt hinzufügen“ hinzu oder importieren Sie ein Adressbuch (eine vCard-Datei) über das Menü „⋮“.</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="343"/>
        <source>No contact matches &quot;%1&quot;.</source>
        <translation>Kein Kontakt passt zu „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="388"/>
        <source>Remove %1 from favourites</source>
        <translation>%1 aus den Favoriten entfernen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="389"/>
        <source>Add %1 to favourites</source>
        <translation>%1 zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="443"/>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="445"/>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="451"/>
        <source>Message (%1 new)</source>
        <translation>Nachricht (%1 neu)</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="451"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="453"/>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="458"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="459"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="464"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/ContactsPage.qml" line="465"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
</context>
<context>
    <name>ConversationPage</name>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="34"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="35"/>
        <source>Back to contacts</source>
        <translation>Zurück zu den Kontakten</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="71"/>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="101"/>
        <source>Received %1: %2</source>
        <translation>Empfangen %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="101"/>
        <source>Sent %1: %2</source>
        <translation>Gesendet %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="154"/>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="155"/>
        <source>Message to %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/ConversationPage.qml" line="160"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>DialerPage</name>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="13"/>
        <source>Dialer</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="78"/>
        <source>Number or SIP address</source>
        <translation>Nummer oder SIP-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="81"/>
        <source>Number or SIP address to call</source>
        <translation>Anzurufende Nummer oder SIP-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="126"/>
        <source>Recent calls matching what you typed</source>
        <translation>Letzte Anrufe, die zur Eingabe passen</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="146"/>
        <source>Delete last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="156"/>
        <source>Calls %1</source>
        <translation>Ruft %1 an</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="178"/>
        <location filename="../ui/qml/DialerPage.qml" line="182"/>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <location filename="../ui/qml/DialerPage.qml" line="181"/>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
</context>
<context>
    <name>EchoService</name>
    <message>
        <location filename="../ui/EchoService.cpp" line="37"/>
        <source>The test call cannot start: Parlo could not open a local network port (%1).</source>
        <translation>Der Testanruf kann nicht starten: Parlo konnte keinen lokalen Netzwerk-Port öffnen (%1).</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="12"/>
        <source>History</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="70"/>
        <source>Clear all</source>
        <translation>Alle löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="72"/>
        <source>Clear the whole call history</source>
        <translation>Die ganze Anrufliste löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="99"/>
        <source>Call history</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="124"/>
        <location filename="../ui/qml/HistoryPage.qml" line="157"/>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="125"/>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="125"/>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="126"/>
        <source>%1 call, %2, %3</source>
        <translation>Anruf (%1), %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="184"/>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="186"/>
        <source>Call %1 back</source>
        <translation>%1 zurückrufen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="192"/>
        <source>Delete the call with %1 from the history</source>
        <translation>Den Anruf mit %1 aus der Anrufliste löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="194"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="207"/>
        <source>No calls yet. The calls you make and receive will be listed here.</source>
        <translation>Noch keine Anrufe. Ihre ein- und ausgehenden Anrufe werden hier aufgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="221"/>
        <source>Clear the call history?</source>
        <translation>Anrufliste leeren?</translation>
    </message>
    <message>
        <location filename="../ui/qml/HistoryPage.qml" line="225"/>
        <source>All calls will be deleted from the history. This cannot be undone.</source>
        <translation>Alle Anrufe werden aus der Anrufliste gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="21"/>
        <source>History (%1)</source>
        <translation>Anrufliste (%1)</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="22"/>
        <source>History</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Contacts (%1)</source>
        <translation>Kontakte (%1)</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Dialer</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../ui/qml/HomePage.qml" line="148"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>InCallPage</name>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="30"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="44"/>
        <source>Calling…</source>
        <translation>Wird angerufen …</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="46"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="46"/>
        <location filename="../ui/qml/InCallPage.qml" line="48"/>
        <source>Ringing…</source>
        <translation>Es klingelt …</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="50"/>
        <source>Connecting…</source>
        <translation>Wird verbunden …</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="53"/>
        <source>On hold · %1</source>
        <translation>Gehalten · %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="55"/>
        <source>Held by the other side · %1</source>
        <translation>Von der Gegenstelle gehalten · %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="58"/>
        <source>Hanging up…</source>
        <translation>Wird aufgelegt …</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="60"/>
        <source>Call ended</source>
        <translation>Anruf beendet</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="68"/>
        <source>packets sent %1, received %2</source>
        <translation>Pakete gesendet %1, empfangen %2</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="72"/>
        <source>jitter %1 ms</source>
        <translation>Jitter %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="73"/>
        <source>loss %1 %</source>
        <translation>Verlust %1 %</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="74"/>
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="74"/>
        <source>RTT not measured yet</source>
        <translation>RTT noch nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="112"/>
        <source>Add call</source>
        <translation>Weiterer Anruf</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="114"/>
        <source>Call someone else; this call is put on hold</source>
        <translation>Jemand anderen anrufen; dieser Anruf wird gehalten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="176"/>
        <source>No audio is arriving from the other side. A firewall or router may be blocking it.</source>
        <translation>Von der Gegenstelle kommt kein Ton an. Möglicherweise blockiert eine Firewall oder der Router ihn.</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="202"/>
        <source>Unmute</source>
        <translation>Mikrofon an</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="202"/>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="204"/>
        <source>Unmute the microphone</source>
        <translation>Mikrofon wieder einschalten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="205"/>
        <source>Mute the microphone</source>
        <translation>Mikrofon stummschalten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="214"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="214"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="216"/>
        <source>Resume the call</source>
        <translation>Anruf fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="216"/>
        <source>Put the call on hold</source>
        <translation>Anruf halten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="225"/>
        <source>Keypad</source>
        <translation>Tastenfeld</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="227"/>
        <source>Hide the keypad</source>
        <translation>Tastenfeld ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="227"/>
        <source>Show the keypad to send tones</source>
        <translation>Tastenfeld zum Senden von Tönen einblenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="264"/>
        <source>Stop recording</source>
        <translation>Aufnahme beenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="264"/>
        <source>Record</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="266"/>
        <source>Stop recording the call and save it</source>
        <translation>Aufnahme des Gesprächs beenden und speichern</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="267"/>
        <source>Record the call, both sides</source>
        <translation>Das Gespräch aufnehmen, beide Seiten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="276"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="278"/>
        <source>Hide the audio devices</source>
        <translation>Audiogeräte ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="279"/>
        <source>Choose the microphone and speaker for this call</source>
        <translation>Mikrofon und Lautsprecher für dieses Gespräch wählen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="302"/>
        <source>Recording %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="315"/>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="321"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="322"/>
        <source>Open the folder with the recording</source>
        <translation>Den Ordner mit der Aufnahme öffnen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="340"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="352"/>
        <source>Microphone for this call</source>
        <translation>Mikrofon für dieses Gespräch</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="356"/>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="368"/>
        <source>Speaker for this call</source>
        <translation>Lautsprecher für dieses Gespräch</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="379"/>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="379"/>
        <source>Cancel call</source>
        <translation>Anruf abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="381"/>
        <source>Hang up the call with %1</source>
        <translation>Anruf mit %1 beenden</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="382"/>
        <source>Cancel the call to %1</source>
        <translation>Anruf an %1 abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="399"/>
        <source>Transfer to number or address</source>
        <translation>An Nummer oder Adresse vermitteln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="403"/>
        <source>Number or address to transfer the call to</source>
        <translation>Nummer oder Adresse, an die der Anruf vermittelt wird</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="409"/>
        <source>Transfer</source>
        <translation>Vermitteln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="411"/>
        <source>Transfer the call to %1</source>
        <translation>Anruf an %1 vermitteln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="422"/>
        <source>Transferring…</source>
        <translation>Wird vermittelt …</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="445"/>
        <source>on hold</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="445"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="453"/>
        <source>Transfer to %1</source>
        <translation>An %1 vermitteln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="454"/>
        <source>Connect %1 with %2 and leave both calls</source>
        <translation>%1 mit %2 verbinden und beide Anrufe verlassen</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="462"/>
        <source>Switch</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="463"/>
        <source>Switch to the call with %1</source>
        <translation>Zum Anruf mit %1 wechseln</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="480"/>
        <source>Encrypted (SRTP)</source>
        <translation>Verschlüsselt (SRTP)</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="480"/>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="496"/>
        <source>SRTP</source>
        <translation>SRTP</translation>
    </message>
    <message>
        <location filename="../ui/qml/InCallPage.qml" line="496"/>
        <source>no SRTP</source>
        <translation>kein SRTP</translation>
    </message>
</context>
<context>
    <name>IncomingCallNotification</name>
    <message>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="74"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="81"/>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="87"/>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="100"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="83"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="83"/>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/IncomingCallNotification.cpp" line="84"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>IncomingCallView</name>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="17"/>
        <source>Incoming call from %1</source>
        <translation>Eingehender Anruf von %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="26"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="55"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="59"/>
        <source>Reject the call from %1</source>
        <translation>Anruf von %1 ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="65"/>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/qml/IncomingCallView.qml" line="70"/>
        <source>Answer the call from %1</source>
        <translation>Anruf von %1 annehmen</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../ui/qml/Keypad.qml" line="29"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location filename="../ui/qml/Keypad.qml" line="30"/>
        <source>Hash</source>
        <translation>Raute</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/qml/Main.qml" line="12"/>
        <source>Parlo</source>
        <translation>Parlo</translation>
    </message>
</context>
<context>
    <name>MessageController</name>
    <message>
        <location filename="../ui/MessageController.cpp" line="104"/>
        <source>This is not a valid address for a message. Write it like sip:bob@example.com.</source>
        <translation>Das ist keine gültige Adresse für eine Nachricht. Schreiben Sie sie wie sip:bob@example.com.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="114"/>
        <source>Type a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="118"/>
        <source>The message is too long (at most %1 bytes).</source>
        <translation>Die Nachricht ist zu lang (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="122"/>
        <source>Add an account first: messages are sent from your SIP account.</source>
        <translation>Richten Sie zuerst ein Konto ein: Nachrichten werden über Ihr SIP-Konto gesendet.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="136"/>
        <source>The message could not be saved, so it was not sent.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden und wurde daher nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="189"/>
        <source>The recipient&apos;s server name was not found.</source>
        <translation>Der Servername des Empfängers wurde nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="191"/>
        <source>No answer from the recipient&apos;s server.</source>
        <translation>Keine Antwort vom Server des Empfängers.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="193"/>
        <source>No connection to the recipient&apos;s server.</source>
        <translation>Keine Verbindung zum Server des Empfängers.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="197"/>
        <source>Your provider refused the message: check the account&apos;s password.</source>
        <translation>Ihr Anbieter hat die Nachricht abgelehnt: Prüfen Sie das Passwort des Kontos.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="199"/>
        <source>Your provider does not allow this message.</source>
        <translation>Ihr Anbieter erlaubt diese Nachricht nicht.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="201"/>
        <source>The recipient does not exist or is offline.</source>
        <translation>Den Empfänger gibt es nicht, oder er ist offline.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="203"/>
        <source>The message is too large for the recipient.</source>
        <translation>Die Nachricht ist für den Empfänger zu groß.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="205"/>
        <source>The server had a temporary problem; try again later.</source>
        <translation>Der Server hatte ein vorübergehendes Problem; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="210"/>
        <source>The message was refused (%1 %2).</source>
        <translation>Die Nachricht wurde abgelehnt (%1 %2).</translation>
    </message>
    <message>
        <location filename="../ui/MessageController.cpp" line="211"/>
        <source>The message was refused.</source>
        <translation>Die Nachricht wurde abgelehnt.</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <location filename="../ui/MessageModel.cpp" line="117"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location filename="../ui/MessageModel.cpp" line="118"/>
        <source>Not delivered</source>
        <translation>Nicht zugestellt</translation>
    </message>
    <message>
        <location filename="../ui/MessageModel.cpp" line="119"/>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
</context>
<context>
    <name>RegistrationErrorText</name>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="38"/>
        <source>The server name %1 was not found.</source>
        <translation>Der Servername %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="40"/>
        <source>The name server did not answer when looking up %1.</source>
        <translation>Der Nameserver hat bei der Suche nach %1 nicht geantwortet.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="44"/>
        <source>The server %1 refused the connection.</source>
        <translation>Der Server %1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="46"/>
        <source>The server %1 cannot be reached.</source>
        <translation>Der Server %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="48"/>
        <source>No connection to the server %1.</source>
        <translation>Keine Verbindung zum Server %1.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="51"/>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="53"/>
        <source>The secure connection to %1 failed.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="55"/>
        <source>No answer from the server %1.</source>
        <translation>Keine Antwort vom Server %1.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="57"/>
        <source>The server asks for a password.</source>
        <translation>Der Server verlangt ein Passwort.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="60"/>
        <source>The server rejected the user name or password.</source>
        <translation>Der Server hat Benutzername oder Passwort abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="62"/>
        <source>The server asks for a login method Parlo does not support.</source>
        <translation>Der Server verlangt ein Anmeldeverfahren, das Parlo nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="64"/>
        <source>The server does not know this account.</source>
        <translation>Der Server kennt dieses Konto nicht.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="66"/>
        <source>The server refused every registration interval.</source>
        <translation>Der Server hat jedes Registrierungsintervall abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="68"/>
        <source>The server has a temporary problem (%1 %2).</source>
        <translation>Der Server hat ein vorübergehendes Problem (%1 %2).</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="72"/>
        <source>The server refused the registration (%1 %2).</source>
        <translation>Der Server hat die Registrierung abgelehnt (%1 %2).</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="76"/>
        <source>Sending to %1 failed.</source>
        <translation>Senden an %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="78"/>
        <source>Registration failed.</source>
        <translation>Die Registrierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="87"/>
        <source>Check the domain after the @ in your address for typing errors.</source>
        <translation>Prüfen Sie die Domain nach dem @ in Ihrer Adresse auf Tippfehler.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="89"/>
        <source>Check your internet connection and try again.</source>
        <translation>Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="93"/>
        <source>Check the server address and the transport (UDP, TCP or TLS) your provider asks for, and that no firewall blocks it.</source>
        <translation>Prüfen Sie die Serveradresse und das Transportprotokoll (UDP, TCP oder TLS), das Ihr Anbieter vorgibt, und ob eine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="96"/>
        <source>The server may not be the one you expect. Ask your provider which certificate it uses.</source>
        <translation>Der Server ist möglicherweise nicht der, den Sie erwarten. Fragen Sie Ihren Anbieter, welches Zertifikat er verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="98"/>
        <source>Ask your provider whether the server supports TLS.</source>
        <translation>Fragen Sie Ihren Anbieter, ob der Server TLS unterstützt.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="100"/>
        <source>Enter the password of your SIP account.</source>
        <translation>Geben Sie das Passwort Ihres SIP-Kontos ein.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="103"/>
        <source>Check the password, and the authentication user name under Advanced.</source>
        <translation>Prüfen Sie das Passwort und den Authentifizierungs-Benutzernamen unter „Erweitert“.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="107"/>
        <source>Contact your provider with this message.</source>
        <translation>Wenden Sie sich mit dieser Meldung an Ihren Anbieter.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="109"/>
        <source>Check the user name before the @ in your address.</source>
        <translation>Prüfen Sie den Benutzernamen vor dem @ in Ihrer Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/RegistrationErrorText.cpp" line="111"/>
        <source>Try again in a few minutes.</source>
        <translation>Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="12"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="65"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="70"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="76"/>
        <source>Incoming calls are turned away as busy.</source>
        <translation>Eingehende Anrufe werden als besetzt abgewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="82"/>
        <source>Answer calls automatically</source>
        <translation>Anrufe automatisch annehmen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="91"/>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="100"/>
        <source>Seconds before answering automatically</source>
        <translation>Sekunden bis zur automatischen Annahme</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="104"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="155"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="158"/>
        <location filename="../ui/qml/SettingsPage.qml" line="176"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="165"/>
        <source>No microphone found. Plug one in: it shows up here at once.</source>
        <translation>Kein Mikrofon gefunden. Schließen Sie eines an: Es erscheint hier sofort.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="182"/>
        <source>Level</source>
        <translation>Pegel</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="190"/>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="194"/>
        <location filename="../ui/qml/SettingsPage.qml" line="214"/>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="201"/>
        <source>No speaker or headset found. Plug one in: it shows up here at once.</source>
        <translation>Kein Lautsprecher oder Headset gefunden. Schließen Sie eines an: Es erscheint hier sofort.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="218"/>
        <location filename="../ui/qml/SettingsPage.qml" line="243"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="220"/>
        <source>Play a test tone on the speaker</source>
        <translation>Testton auf dem Lautsprecher abspielen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="226"/>
        <source>Ringtone</source>
        <translation>Klingelton</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="239"/>
        <source>Ringtone device</source>
        <translation>Gerät für den Klingelton</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="245"/>
        <source>Play a test tone on the ringtone device</source>
        <translation>Testton auf dem Gerät für den Klingelton abspielen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="109"/>
        <source>Call recordings are saved in</source>
        <translation>Gesprächsaufnahmen werden gespeichert in</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="122"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="123"/>
        <source>Choose the folder for call recordings</source>
        <translation>Ordner für Gesprächsaufnahmen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="129"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="130"/>
        <source>Save call recordings in the default folder</source>
        <translation>Gesprächsaufnahmen im Standardordner speichern</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="148"/>
        <source>Folder for call recordings</source>
        <translation>Ordner für Gesprächsaufnahmen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="261"/>
        <source>Codecs and security</source>
        <translation>Codecs und Sicherheit</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="264"/>
        <source>Codecs are offered in this order; the first one both sides know is used.</source>
        <translation>Die Codecs werden in dieser Reihenfolge angeboten; verwendet wird der erste, den beide Seiten kennen.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="283"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="285"/>
        <source>Move %1 up</source>
        <translation>%1 nach oben schieben</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="290"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="292"/>
        <source>Move %1 down</source>
        <translation>%1 nach unten schieben</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="298"/>
        <source>Call encryption (SRTP)</source>
        <translation>Verschlüsselung der Gespräche (SRTP)</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="306"/>
        <source>Off: never encrypt the audio</source>
        <translation>Aus: Audio nie verschlüsseln</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="307"/>
        <source>When possible: encrypt if the other side can</source>
        <translation>Wenn möglich: verschlüsseln, sofern die Gegenseite es kann</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="308"/>
        <source>Required: calls without encryption fail</source>
        <translation>Erforderlich: Anrufe ohne Verschlüsselung scheitern</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="316"/>
        <source>Call encryption</source>
        <translation>Verschlüsselung der Gespräche</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="322"/>
        <source>Language and start</source>
        <translation>Sprache und Start</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="325"/>
        <location filename="../ui/qml/SettingsPage.qml" line="343"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="334"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../ui/qml/SettingsPage.qml" line="350"/>
        <source>Start minimised to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="17"/>
        <source>Add a SIP account</source>
        <translation>SIP-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="85"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="104"/>
        <source>Enter the SIP address your provider gave you. It looks like an e-mail address.</source>
        <translation>Geben Sie die SIP-Adresse ein, die Sie von Ihrem Anbieter erhalten haben. Sie sieht aus wie eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="107"/>
        <location filename="../ui/qml/SetupWizard.qml" line="118"/>
        <source>SIP address</source>
        <translation>SIP-Adresse</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="114"/>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="127"/>
        <source>Your name (optional)</source>
        <translation>Ihr Name (optional)</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="134"/>
        <source>Shown to the people you call</source>
        <translation>Wird den Angerufenen angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="136"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="154"/>
        <source>Enter the password of %1.</source>
        <translation>Geben Sie das Passwort für %1 ein.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="157"/>
        <location filename="../ui/qml/SetupWizard.qml" line="166"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="179"/>
        <source>▾ Advanced settings</source>
        <translation>▾ Erweiterte Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="179"/>
        <source>▸ Advanced settings</source>
        <translation>▸ Erweiterte Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="180"/>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="191"/>
        <location filename="../ui/qml/SetupWizard.qml" line="197"/>
        <source>Authentication user name</source>
        <translation>Authentifizierungs-Benutzername</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="195"/>
        <source>Same as in the address</source>
        <translation>Wie in der Adresse</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="200"/>
        <location filename="../ui/qml/SetupWizard.qml" line="206"/>
        <source>Outbound proxy</source>
        <translation>Outbound-Proxy</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="204"/>
        <source>None (sip:proxy.example.com:5060)</source>
        <translation>Keiner (sip:proxy.example.com:5060)</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="213"/>
        <location filename="../ui/qml/SetupWizard.qml" line="219"/>
        <source>Transport</source>
        <translation>Transportprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="217"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="217"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="217"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="217"/>
        <source>TLS (encrypted)</source>
        <translation>TLS (verschlüsselt)</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="222"/>
        <source>Registration interval (seconds)</source>
        <translation>Registrierungsintervall (Sekunden)</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="230"/>
        <source>Registration interval in seconds</source>
        <translation>Registrierungsintervall in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="247"/>
        <source>Parlo registers once with your provider to check the settings.</source>
        <translation>Parlo registriert sich einmal bei Ihrem Anbieter, um die Einstellungen zu prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="252"/>
        <source>Finding the server</source>
        <translation>Server wird gesucht</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="259"/>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="260"/>
        <source>Connecting</source>
        <translation>Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="266"/>
        <source>Signing in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="276"/>
        <source>Everything works. You can save the account now.</source>
        <translation>Alles funktioniert. Sie können das Konto jetzt speichern.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="284"/>
        <source>This account trusts the server certificate you accepted, and only that one.</source>
        <translation>Dieses Konto vertraut dem Serverzertifikat, das Sie akzeptiert haben, und nur diesem.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="316"/>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="323"/>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="330"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="337"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="344"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="351"/>
        <source>Trust this certificate for this account</source>
        <translation>Diesem Zertifikat für dieses Konto vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="357"/>
        <source>Test again</source>
        <translation>Erneut testen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="373"/>
        <source>Save the account %1? Your password goes into the system keychain.</source>
        <translation>Konto %1 speichern? Ihr Passwort wird im Schlüsselbund des Systems abgelegt.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="378"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="404"/>
        <source>Parlo never writes passwords to disk in plain text. It can keep the password in memory until you quit; you will be asked for it at the next start.</source>
        <translation>Parlo schreibt Passwörter nie im Klartext auf die Festplatte. Es kann das Passwort bis zum Beenden im Arbeitsspeicher behalten; beim nächsten Start werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="408"/>
        <source>Keep the password for this session only</source>
        <translation>Passwort nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="424"/>
        <source>The account is saved.</source>
        <translation>Das Konto ist gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="437"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="437"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="449"/>
        <location filename="../ui/qml/SetupWizard.qml" line="450"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="449"/>
        <source>Skip test</source>
        <translation>Test überspringen</translation>
    </message>
    <message>
        <location filename="../ui/qml/SetupWizard.qml" line="450"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="13"/>
        <source>Password needed</source>
        <translation>Passwort benötigt</translation>
    </message>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="17"/>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="19"/>
        <source>Registering…</source>
        <translation>Registrierung läuft …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/qml/StateBadge.qml" line="21"/>
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="23"/>
        <source>Signing off…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="25"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/qml/StateBadge.qml" line="27"/>
        <source>Not registered</source>
        <translation>Nicht registriert</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../ui/qml/StepRow.qml" line="17"/>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/qml/StepRow.qml" line="18"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../ui/qml/StepRow.qml" line="19"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/qml/StepRow.qml" line="21"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="29"/>
        <source>online</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="31"/>
        <source>signing in…</source>
        <translation>meldet sich an …</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="33"/>
        <source>cannot sign in, retrying</source>
        <translation>Anmeldung gescheitert, neuer Versuch folgt</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="35"/>
        <source>cannot sign in</source>
        <translation>Anmeldung gescheitert</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="40"/>
        <source>offline</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="100"/>
        <location filename="../app/gui/TrayIcon.cpp" line="155"/>
        <source>Show window</source>
        <translation>Fenster zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="102"/>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="109"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="114"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="122"/>
        <source>Quit Parlo</source>
        <translation>Parlo beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="155"/>
        <source>Hide window</source>
        <translation>Fenster verbergen</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="219"/>
        <source>Parlo</source>
        <translation>Parlo</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="225"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="229"/>
        <source>No account set up</source>
        <translation>Kein Konto eingerichtet</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="232"/>
        <source>Do not disturb: calls are turned away</source>
        <translation>Nicht stören: Anrufe werden abgewiesen</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="235"/>
        <source>1 missed call</source>
        <translation>1 verpasster Anruf</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="235"/>
        <source>%1 missed calls</source>
        <translation>%1 verpasste Anrufe</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="258"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="259"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="293"/>
        <source>Parlo is still running</source>
        <translation>Parlo läuft weiter</translation>
    </message>
    <message>
        <location filename="../app/gui/TrayIcon.cpp" line="294"/>
        <source>Parlo stays in the tray to take your calls. To quit, use Quit Parlo in its menu.</source>
        <translation>Parlo bleibt im Infobereich, um Ihre Anrufe anzunehmen. Zum Beenden wählen Sie „Parlo beenden“ in seinem Menü.</translation>
    </message>
</context>
<context>
    <name>VoicemailIndicator</name>
    <message>
        <location filename="../ui/VoicemailIndicator.cpp" line="110"/>
        <source>1 new voice message</source>
        <translation>1 neue Sprachnachricht</translation>
    </message>
    <message>
        <location filename="../ui/VoicemailIndicator.cpp" line="112"/>
        <source>%1 new voice messages</source>
        <translation>%1 neue Sprachnachrichten</translation>
    </message>
    <message>
        <location filename="../ui/VoicemailIndicator.cpp" line="114"/>
        <source>Voice messages waiting</source>
        <translation>Sprachnachrichten liegen vor</translation>
    </message>
    <message>
        <location filename="../ui/VoicemailIndicator.cpp" line="115"/>
        <source>No new voice messages</source>
        <translation>Keine neuen Sprachnachrichten</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="19"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="42"/>
        <source>Welcome to Parlo</source>
        <translation>Willkommen bei Parlo</translation>
    </message>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="51"/>
        <source>To make and receive calls, add the SIP account you got from your provider or your company&apos;s phone system.</source>
        <translation>Um Anrufe zu tätigen und zu empfangen, fügen Sie das SIP-Konto hinzu, das Sie von Ihrem Anbieter oder der Telefonanlage Ihrer Firma erhalten haben.</translation>
    </message>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="60"/>
        <source>Add a SIP account</source>
        <translation>SIP-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="72"/>
        <source>Make a test call</source>
        <translation>Testanruf starten</translation>
    </message>
    <message>
        <location filename="../ui/qml/WelcomePage.qml" line="88"/>
        <source>No account yet? The test call goes to an echo inside Parlo: you will hear yourself with a short delay, so you know your microphone and speakers work. Nothing leaves your computer.</source>
        <translation>Noch kein Konto? Der Testanruf geht an ein Echo in Parlo: Sie hören sich selbst mit kurzer Verzögerung und wissen so, dass Mikrofon und Lautsprecher funktionieren. Dabei verlässt nichts Ihren Computer.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="52"/>
        <source>Parlo, a SIP softphone.</source>
        <translation>Parlo, ein SIP-Softphone.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="57"/>
        <source>A sip:, sips:, tel: or callto: address to call.</source>
        <translation>Eine anzurufende sip:-, sips:-, tel:- oder callto:-Adresse.</translation>
    </message>
</context>
</TS>
