#!/usr/bin/env python3
"""Sends one NOTIFY announcing a body of SIZE bytes over a new TCP connection to a parlo-cli and
streams the body, then reports how the peer dealt with it: "closed" when it closed the connection
without an answer, "answered STATUS" when a response came, "accepted" when all was sent and the
connection stayed silent for 3 s. Usage: notify_flood.py HOST PORT SIZE"""
import random
import socket
import sys
import time

host, port, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
n = random.randint(0, 10**9)
head = (f"NOTIFY sip:alice@{host}:{port};transport=tcp SIP/2.0\r\n"
        f"Via: SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bKflood{n}\r\n"
        f"Max-Forwards: 70\r\nFrom: <sip:bob@{host}>;tag=f{n}\r\nTo: <sip:alice@{host}>;tag=t{n}\r\n"
        f"Call-ID: flood-{n}\r\nCSeq: 1 NOTIFY\r\nEvent: presence\r\n"
        f"Subscription-State: active;expires=60\r\nContent-Type: application/pidf+xml\r\n"
        f"Content-Length: {size}\r\n\r\n").encode()
s = socket.create_connection((host, port), timeout=5)
s.settimeout(0.2)
sent = 0
chunk = b"<" + b"x" * 16383
data = head
answer = b""
closed = False
try:
    s.sendall(head)
    while sent < size:
        part = chunk[: min(len(chunk), size - sent)]
        s.sendall(part)
        sent += len(part)
        try:
            got = s.recv(4096)
            if not got:
                closed = True
                break
            answer += got
        except socket.timeout:
            pass
except (BrokenPipeError, ConnectionResetError):
    closed = True
deadline = time.time() + 3
while not closed and time.time() < deadline:
    try:
        got = s.recv(4096)
        if not got:
            closed = True
            break
        answer += got
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = True
if answer.startswith(b"SIP/2.0 "):
    print("answered " + answer.split(b"\r\n", 1)[0].decode(errors="replace")[8:] + f" after {sent} body bytes")
elif closed:
    print(f"closed after {sent} of {size} body bytes")
else:
    print(f"accepted {sent} body bytes without an answer")
