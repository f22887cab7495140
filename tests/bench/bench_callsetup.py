#!/usr/bin/env python3
"""Call-setup latency: a minimal UAC on loopback times INVITE sent -> 180 and -> 200 against
parlo-cli (`listen --auto-answer=0`, direct IP, no registrar) and baresip (answermode=auto, direct),
then ACKs and BYEs each call. Prints median and p90 for both.

  bench_callsetup.py [--parlo-cli PATH] [--calls N]

PATH defaults to $PARLO_CLI or build/app/parlo-cli (use a Release build for real figures).
Standard library only. Both peers are started on free loopback ports and stopped at the end;
KEEP=1 keeps their logs.
"""
import argparse
import math
import os
import random
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BARESIP_CONFIG = os.path.join(ROOT, 'tests', 'interop', 'baresip', 'config.in')
TIMEOUT = 5.0


def free_port(count=1, proto=socket.SOCK_DGRAM):
    """A port P with P..P+count-1 free for UDP and TCP on 127.0.0.1."""
    for _ in range(200):
        p = random.randint(20000, 50000)
        try:
            socks = []
            for i in range(count):
                for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                    s = socket.socket(socket.AF_INET, kind)
                    socks.append(s)
                    s.bind(('127.0.0.1', p + i))
            return p
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    sys.exit('no free port')


def wait_listening(port, proc, what):
    """Waits until something answers OPTIONS on udp port (the peer's SIP stack is up)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    s.settimeout(0.2)
    me = s.getsockname()[1]
    deadline = time.time() + 10
    n = 0
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f'{what} exited with {proc.returncode} before listening')
        n += 1
        msg = (f'OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n'
               f'Via: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bKopt{n}{random.randint(0, 1 << 30)}\r\n'
               f'Max-Forwards: 70\r\nFrom: <sip:bench@127.0.0.1>;tag=o{n}\r\nTo: <sip:probe@127.0.0.1>\r\n'
               f'Call-ID: opt{n}-{random.randint(0, 1 << 30)}@bench\r\nCSeq: 1 OPTIONS\r\n'
               f'Content-Length: 0\r\n\r\n')
        s.sendto(msg.encode(), ('127.0.0.1', port))
        try:
            s.recvfrom(65536)
            s.close()
            return
        except socket.timeout:
            pass
    sys.exit(f'{what} did not answer OPTIONS on port {port}')


class Uac:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(('127.0.0.1', 0))
        self.port = self.sock.getsockname()[1]
        # The callee sends RTP here once answered; a bound socket keeps ICMP errors away.
        self.rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.rtp.bind(('127.0.0.1', 0))
        self.rtp_port = self.rtp.getsockname()[1]
        self.n = 0

    def via(self):
        return f'SIP/2.0/UDP 127.0.0.1:{self.port};rport;branch=z9hG4bK{self.n}x{random.getrandbits(48):x}'

    def recv(self, until):
        """The next response (status, cseq method, headers dict, raw) before time `until`."""
        while True:
            left = until - time.perf_counter()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                data, _ = self.sock.recvfrom(65536)
            except socket.timeout:
                return None
            t = time.perf_counter()
            text = data.decode(errors='replace')
            first, _, rest = text.partition('\r\n')
            if not first.startswith('SIP/2.0 '):
                # a request from the callee (e.g. its own OPTIONS or BYE retransmission): ignore
                continue
            head = rest.split('\r\n\r\n', 1)[0]
            headers = {}
            for line in head.split('\r\n'):
                name, _, value = line.partition(':')
                headers.setdefault(name.strip().lower(), value.strip())
            status = int(first.split()[1])
            method = headers.get('cseq', '').split()[-1] if headers.get('cseq') else ''
            return t, status, method, headers

    def call(self, target_port, user):
        """One call; returns (ms to 180 or None, ms to 200)."""
        self.n += 1
        call_id = f'bench{self.n}-{random.getrandbits(64):x}@127.0.0.1'
        tag = f'{random.getrandbits(32):x}'
        ruri = f'sip:{user}@127.0.0.1:{target_port}'
        sdp = (f'v=0\r\no=- {self.n} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n'
               f'm=audio {self.rtp_port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n')
        common = (f'Max-Forwards: 70\r\nFrom: <sip:bench@127.0.0.1>;tag={tag}\r\n'
                  f'Call-ID: {call_id}\r\n')
        invite_via = self.via()
        invite = (f'INVITE {ruri} SIP/2.0\r\nVia: {invite_via}\r\n{common}To: <{ruri}>\r\n'
                  f'CSeq: 1 INVITE\r\nContact: <sip:bench@127.0.0.1:{self.port}>\r\n'
                  f'Content-Type: application/sdp\r\nContent-Length: {len(sdp)}\r\n\r\n{sdp}')
        dest = ('127.0.0.1', target_port)
        t0 = time.perf_counter()
        self.sock.sendto(invite.encode(), dest)
        t180 = t200 = None
        to = contact = None
        deadline = t0 + TIMEOUT
        while t200 is None:
            r = self.recv(deadline)
            if r is None:
                raise RuntimeError(f'no 200 for INVITE {self.n} to port {target_port}')
            t, status, method, headers = r
            if method != 'INVITE':
                continue
            if status == 180 and t180 is None:
                t180 = t
            elif status >= 300:
                raise RuntimeError(f'INVITE {self.n} got {status}')
            elif 200 <= status < 300:
                t200 = t
                to = headers.get('to') or headers.get('t')
                contact = headers.get('contact') or headers.get('m')
        m = re.search(r'<([^>]+)>', contact or '')
        remote = m.group(1) if m else ruri
        route = ''  # direct calls: no Record-Route expected
        self.sock.sendto((f'ACK {remote} SIP/2.0\r\nVia: {self.via()}\r\n{common}To: {to}\r\n{route}'
                          f'CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n').encode(), dest)
        self.sock.sendto((f'BYE {remote} SIP/2.0\r\nVia: {self.via()}\r\n{common}To: {to}\r\n'
                          f'CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n').encode(), dest)
        deadline = time.perf_counter() + TIMEOUT
        while True:
            r = self.recv(deadline)
            if r is None:
                raise RuntimeError(f'no answer to BYE {self.n}')
            if r[2] == 'BYE' and r[1] >= 200:
                break
        ms = lambda t: None if t is None else (t - t0) * 1000
        return ms(t180), ms(t200)


def tone_wav(path):
    """A 10 s 440 Hz 8 kHz mono WAV: baresip's ausine is 48 kHz only and cannot feed PCMU."""
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b''.join(struct.pack('<h', int(8000 * math.sin(2 * math.pi * 440 * i / 8000)))
                               for i in range(80000)))
    return path


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def run(uac, port, user, calls, label):
    uac.call(port, user)  # warm-up, not counted (first-call allocations, page faults)
    to180, to200 = [], []
    for _ in range(calls):
        a, b = uac.call(port, user)
        if a is not None:
            to180.append(a)
        to200.append(b)
        time.sleep(0.05)  # let the callee finish tearing the call down
    line = f'{label:8s} calls {calls:3d}  '
    if to180:
        line += f'INVITE->180 median {statistics.median(to180):6.2f} ms p90 {percentile(to180, 90):6.2f} ms  '
    else:
        line += 'INVITE->180 (no 180 sent)                          '
    line += f'INVITE->200 median {statistics.median(to200):6.2f} ms p90 {percentile(to200, 90):6.2f} ms'
    print(line, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    default_cli = os.environ.get('PARLO_CLI', os.path.join(ROOT, 'build', 'app', 'parlo-cli'))
    ap.add_argument('--parlo-cli', default=default_cli)
    ap.add_argument('--calls', type=int, default=20)
    args = ap.parse_args()
    if not os.access(args.parlo_cli, os.X_OK):
        sys.exit(f'parlo-cli not found at {args.parlo_cli} (use --parlo-cli or $PARLO_CLI)')
    if not shutil.which('baresip'):
        sys.exit('baresip is not installed (apt-get install baresip)')

    tmp = tempfile.mkdtemp(prefix='parlo-bench-callsetup-')
    procs = []
    try:
        uac = Uac()

        parlo_port = free_port()
        parlo = subprocess.Popen([args.parlo_cli, 'listen', '--listen', f'127.0.0.1:{parlo_port}',
                                  '--auto-answer=0', '--srtp', 'off', '--codecs', 'pcmu'],
                                 stdout=open(os.path.join(tmp, 'parlo.out'), 'w'), stderr=subprocess.STDOUT)
        procs.append(parlo)
        wait_listening(parlo_port, parlo, 'parlo-cli')

        bs_port = free_port(24)
        bs_dir = os.path.join(tmp, 'baresip')
        os.makedirs(os.path.join(bs_dir, 'snd'))
        cfg = open(BARESIP_CONFIG).read()
        for k, v in {'SIPPORT': bs_port, 'CTRLPORT': bs_port + 3, 'RTPMIN': bs_port + 4, 'RTPMAX': bs_port + 23,
                     'SOURCE': 'aufile,' + tone_wav(os.path.join(bs_dir, 'tone.wav')), 'SNDPATH': os.path.join(bs_dir, 'snd')}.items():
            cfg = cfg.replace(f'@{k}@', str(v))
        # sndfile would write two WAVs per call: leave it out of the measurement
        cfg = cfg.replace('module\t\t\tsndfile.so\n', '')
        open(os.path.join(bs_dir, 'config'), 'w').write(cfg)
        open(os.path.join(bs_dir, 'accounts'), 'w').write(
            f'<sip:bob@127.0.0.1:{bs_port}>;regint=0;answermode=auto;audio_codecs=PCMU/8000/1\n')
        open(os.path.join(bs_dir, 'contacts'), 'w').close()
        baresip = subprocess.Popen(['baresip', '-f', bs_dir], stdin=subprocess.DEVNULL,
                                   stdout=open(os.path.join(bs_dir, 'baresip.log'), 'w'), stderr=subprocess.STDOUT)
        procs.append(baresip)
        wait_listening(bs_port, baresip, 'baresip')

        print(f'call setup on loopback, UDP, PCMU offer, {args.calls} calls each after one warm-up call')
        run(uac, parlo_port, 'alice', args.calls, 'parlo')
        run(uac, bs_port, 'bob', args.calls, 'baresip')
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get('KEEP'):
            print('logs kept in', tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
