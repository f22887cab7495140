#!/usr/bin/env python3
"""Sends one SIP request over UDP and prints the final response's status line.
Usage: sip_request.py HOST PORT METHOD REQUEST-URI [FROM-URI]. Exit 1 when nothing final came back."""
import random
import socket
import sys

host, port, method, ruri = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
from_uri = sys.argv[5] if len(sys.argv) > 5 else "sip:tester@example.org"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
lport = s.getsockname()[1]
n = random.randint(0, 10**9)
msg = (f"{method} {ruri} SIP/2.0\r\n"
       f"Via: SIP/2.0/UDP 127.0.0.1:{lport};branch=z9hG4bK{n};rport\r\n"
       f"Max-Forwards: 70\r\nFrom: <{from_uri}>;tag={n}\r\nTo: <{ruri}>\r\n"
       f"Call-ID: req-{n}\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n").encode()
s.settimeout(0.5)
for attempt in range(8):  # retransmit like Timer E would, briefly
    s.sendto(msg, (host, port))
    try:
        while True:
            data, _ = s.recvfrom(65535)
            line = data.split(b"\r\n", 1)[0].decode(errors="replace")
            code = int(line.split(" ")[1])
            if code >= 200:
                print(line)
                sys.exit(0)
    except socket.timeout:
        continue
print("no final response")
sys.exit(1)
