#!/usr/bin/env python3
"""Fires malformed and junk SIP at a running parlo-cli listen (UDP and TCP) and checks each answer:
the RFC 3261 4xx/5xx when a Via allows an answer, silence otherwise, and that OPTIONS is still
answered afterwards. Usage: malformed.py HOST PORT. Prints PASS/FAIL lines; exit 1 on a failure."""
import random
import socket
import sys

HOST, PORT = sys.argv[1], int(sys.argv[2])
fails = 0
passes = 0


def result(ok, what):
    global fails, passes
    if ok:
        passes += 1
    else:
        fails += 1
    print(("PASS: " if ok else "FAIL: ") + what, flush=True)


def request(method="OPTIONS", uri=None, version="SIP/2.0", extra="", cseq=None, body="", via=True,
            content_length=None, branch=None):
    uri = uri or f"sip:anyone@{HOST}:{PORT}"
    branch = branch or "z9hG4bK" + "".join(random.choice("abcdef0123456789") for _ in range(12))
    lines = [f"{method} {uri} {version}"]
    if via:
        lines.append(f"Via: SIP/2.0/UDP 127.0.0.1:{LOCAL_PORT};branch={branch}")
    lines += [
        "Max-Forwards: 70",
        f"From: <sip:tester@127.0.0.1>;tag=t{random.randint(0, 10**9)}",
        f"To: <sip:anyone@{HOST}>",
        f"Call-ID: junk-{random.randint(0, 10**12)}@127.0.0.1",
        f"CSeq: {cseq if cseq is not None else '1 ' + method}",
    ]
    if extra:
        lines += extra.split("\n")
    cl = len(body.encode()) if content_length is None else content_length
    lines.append(f"Content-Length: {cl}")
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 0))
LOCAL_PORT = udp.getsockname()[1]
udp.settimeout(1.5)


def exchange(data, expect_answer=True):
    """Sends one datagram; returns the first response line (or None when nothing comes back)."""
    udp.sendto(data, (HOST, PORT))
    try:
        reply, _ = udp.recvfrom(65535)
    except socket.timeout:
        return None
    return reply.split(b"\r\n", 1)[0].decode(errors="replace"), reply


def first_line(data):
    return data.split(b"\r\n", 1)[0].decode(errors="replace")


def status_of(answer):
    if not answer:
        return None
    parts = answer[0].split(" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def expect(data, status, what, reason_contains=None):
    answer = exchange(data)
    got = status_of(answer)
    ok = got == status
    if ok and reason_contains:
        ok = reason_contains.lower() in answer[0].lower()
    result(ok, f"{what}: expected {status}{' ~' + reason_contains if reason_contains else ''}, got "
               f"{answer[0] if answer else 'no answer'}")
    return answer


def expect_silence(data, what):
    answer = exchange(data)
    result(answer is None, f"{what}: expected no answer, got {answer[0] if answer else 'none'}")


# A sane baseline first.
a = expect(request(), 200, "OPTIONS answered")
result(a is not None and b"\r\nAllow:" in a[1] and b"OPTIONS" in a[1], "OPTIONS 200 carries Allow")

# Malformed requests whose Via allows an answer get the RFC's answer with a reason that names it.
expect(request(cseq="abc OPTIONS"), 400, "non-numeric CSeq", "CSeq")
expect(request(cseq="1 INVITE"), 400, "CSeq method differs from the request method", "CSeq")
expect(request(version="SIP/7.0"), 505, "SIP/7.0")
expect(request(uri="mailto:joe@example.com"), 416, "mailto: Request-URI")
expect(request(extra="To: <sip:second@example.com>"), 400, "two To headers")
expect(request(content_length=5000, body="short"), 400, "Content-Length larger than the datagram")
expect(request(body="x" * 62000, extra="Content-Type: text/plain"), 513, "62 kB body")
expect(request(method="FOOBAR", cseq="1 FOOBAR"), 501, "unknown method")
expect(request().replace(b"Max-Forwards: 70", b"Max-Forwards: seventy"), 400, "non-numeric Max-Forwards",
       "Max-Forwards")
expect(request(extra="Expires: soon"), 400, "non-numeric Expires", "Expires")

# Answers are not possible without a Via (or for responses): dropped.
expect_silence(request(via=False), "request without Via")
# A response needs the request's Call-ID (RFC 3261 §8.2.6.2); without one no usable answer exists.
expect_silence(request().replace(b"Call-ID", b"Xall-ID"), "request without Call-ID")
expect_silence(b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\n\r\n", "stray response")
expect_silence(b"\x00\xff\xfe garbage \x00" * 40, "binary junk")
expect_silence(b"INVITE\r\n\r\n", "a lone method")
expect_silence(b"\r\n\r\n", "keep-alive CRLFs")
rnd = random.Random(4475)
base = request()
for i in range(300):
    b = bytearray(base)
    for _ in range(rnd.randint(1, 20)):
        b[rnd.randrange(len(b))] = rnd.randrange(256)
    udp.sendto(bytes(b), (HOST, PORT))
# Drain whatever the mutations provoked.
udp.settimeout(0.3)
try:
    while True:
        udp.recvfrom(65535)
except socket.timeout:
    pass
udp.settimeout(1.5)
for i in range(200):
    udp.sendto(bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 1400))), (HOST, PORT))

# The stack survived it all: still answering, over UDP and TCP.
expect(request(), 200, "OPTIONS still answered over UDP after the junk")

tcp = socket.create_connection((HOST, PORT), timeout=3)
tcp.sendall(b"\r\n\r\n")
pong = tcp.recv(16)
result(pong.startswith(b"\r\n"), f"TCP CRLF keep-alive ping answered ({pong!r})")
tcp.sendall(request(cseq="x OPTIONS").replace(b"SIP/2.0/UDP", b"SIP/2.0/TCP"))
reply = tcp.recv(65535)
result(reply.startswith(b"SIP/2.0 400"), f"TCP malformed CSeq -> {first_line(reply)}")
tcp.sendall(request().replace(b"SIP/2.0/UDP", b"SIP/2.0/TCP"))
reply = tcp.recv(65535)
result(reply.startswith(b"SIP/2.0 200"), f"TCP OPTIONS on the same connection -> {first_line(reply)}")
tcp.close()

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
