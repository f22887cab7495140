<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Main</name>
    <message>
        <location filename="../ui/qml/Main.qml" line="11"/>
        <location filename="../ui/qml/Main.qml" line="19"/>
        <source>Parlo</source>
        <translation>Parlo</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="25"/>
        <source>SIP softphone, version %1</source>
        <translation>SIP-Softphone, Version %1</translation>
    </message>
    <message>
        <location filename="../ui/qml/Main.qml" line="33"/>
        <source>Account setup and calling arrive in the desktop app soon. Until then, parlo-cli registers and answers from the command line.</source>
        <translation>Kontoeinrichtung und Telefonieren kommen bald in die Desktop-App. Bis dahin registriert sich parlo-cli und antwortet auf der Kommandozeile.</translation>
    </message>
</context>
</TS>
