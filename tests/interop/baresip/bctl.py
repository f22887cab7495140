#!/usr/bin/env python3
"""Stays connected to baresip's ctrl_tcp (netstring-framed JSON; baresip keeps only one connection),
appends every event and response to EVENTS as one JSON object per line, and sends each line written
to the FIFO as a command ("hold", "sndcode 1", "dial sip:…").

  bctl.py PORT EVENTS FIFO
"""
import json
import os
import select
import socket
import sys
import time

port, events_path, fifo_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
deadline = time.time() + 10
while True:
    try:
        sock = socket.create_connection(('127.0.0.1', port))
        break
    except OSError:
        if time.time() > deadline:
            sys.exit(f"bctl: cannot connect to ctrl_tcp on port {port}")
        time.sleep(0.05)
# O_RDWR keeps the FIFO open when writers come and go, so reads never see EOF.
fifo = os.open(fifo_path, os.O_RDWR | os.O_NONBLOCK)
out = open(events_path, 'a', buffering=1)
out.write(json.dumps({'bctl': 'connected'}) + '\n')
buf = b''
pending = b''
token = 0
MAX_BUF = 1 << 20  # a misbehaving peer must not grow this without bound
while True:
    ready, _, _ = select.select([sock, fifo], [], [])
    if sock in ready:
        data = sock.recv(65536)
        if not data:
            out.write(json.dumps({'bctl': 'closed'}) + '\n')
            break
        buf += data
        if len(buf) > MAX_BUF:
            sys.exit("bctl: oversized netstring")
        while b':' in buf:
            head, rest = buf.split(b':', 1)
            n = int(head)
            if len(rest) < n + 1:
                break
            out.write(rest[:n].decode(errors='replace').replace('\n', '\\n') + '\n')
            buf = rest[n + 1:]
    if fifo in ready:
        pending += os.read(fifo, 4096)
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            line = line.decode().strip()
            if not line:
                continue
            cmd, _, params = line.partition(' ')
            token += 1
            msg = json.dumps({'command': cmd, 'params': params, 'token': str(token)}).encode()
            out.write(json.dumps({'bctl': 'sent', 'command': cmd, 'params': params}) + '\n')
            sock.sendall(b'%d:%s,' % (len(msg), msg))
