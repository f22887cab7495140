#!/usr/bin/env python3
"""Added audio latency on loopback: parlo-cli calls parlo-cli (direct IP, plain RTP), the caller
plays a WAV with a short 1 kHz click every second (`--play`), the callee records (`--record`),
and the delay of each click in the recording is measured. Recordings start with the callee's media
session (silence until the first packet), the caller's playback with its own; both start within
the 200 OK's loopback trip (well under 1 ms), so the figure is what the path adds: framing
(ptime), encode, RTP, jitter buffer, decode.

  bench_latency.py [--parlo-cli PATH] [--codecs opus,pcmu] [--clicks N]

PATH defaults to $PARLO_CLI or build/app/parlo-cli (use a Release build for real figures).
Standard library only. KEEP=1 keeps the WAVs and logs.
"""
import argparse
import math
import os
import random
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
RATE = 48000
CLICK_S = 0.010


def free_port():
    for _ in range(200):
        p = random.randint(20000, 50000)
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u, \
                    socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
                u.bind(('127.0.0.1', p))
                t.bind(('127.0.0.1', p))
            return p
        except OSError:
            continue
    sys.exit('no free port')


def write_clicks(path, clicks):
    """Silence with a 10 ms 1 kHz burst at 1.0, 2.0 … s; returns the burst start times."""
    total = clicks + 1.5
    samples = [0] * int(total * RATE)
    starts = []
    for i in range(1, clicks + 1):
        starts.append(float(i))
        s0 = i * RATE
        for n in range(int(CLICK_S * RATE)):
            samples[s0 + n] = int(20000 * math.sin(2 * math.pi * 1000 * n / RATE))
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(struct.pack(f'<{len(samples)}h', *samples))
    return starts


def onsets(path):
    """Start times of the bursts in a recording: the first sample above a quarter of the peak,
    then 0.5 s of dead time."""
    with wave.open(path, 'rb') as w:
        rate = w.getframerate()
        data = w.readframes(w.getnframes())
    x = struct.unpack(f'<{len(data) // 2}h', data)
    peak = max((abs(v) for v in x), default=0)
    if peak < 1000:
        return rate, []
    out, n = [], 0
    while n < len(x):
        if abs(x[n]) > peak / 4:
            # back up to where the burst really begins (its first cycle is smaller)
            m = n
            while m > 0 and n - m < rate // 500 and abs(x[m - 1]) > peak / 50:
                m -= 1
            out.append(m / rate)
            n += rate // 2
        else:
            n += 1
    return rate, out


def measure(cli, codec, clicks, tmp):
    play = os.path.join(tmp, 'clicks.wav')
    starts = write_clicks(play, clicks)
    rec = os.path.join(tmp, f'rec-{codec}.wav')
    port = free_port()
    common = ['--codecs', codec, '--srtp', 'off', '--json']
    callee = subprocess.Popen([cli, 'listen', '--listen', f'127.0.0.1:{port}', '--auto-answer',
                               '--max-calls', '1', '--record', rec] + common,
                              stdout=open(os.path.join(tmp, f'callee-{codec}.out'), 'w'),
                              stderr=subprocess.STDOUT)
    out = os.path.join(tmp, f'callee-{codec}.out')
    deadline = time.time() + 10
    while '"listening"' not in open(out).read():
        if time.time() > deadline or callee.poll() is not None:
            callee.kill()
            sys.exit(f'callee did not start (see {out})')
        time.sleep(0.05)
    caller = subprocess.run([cli, 'call', f'sip:bench@127.0.0.1:{port}', '--listen', '127.0.0.1:0',
                             '--play', play, '--hangup-after', str(clicks + 1.2)] + common,
                            stdout=open(os.path.join(tmp, f'caller-{codec}.out'), 'w'),
                            stderr=subprocess.STDOUT, timeout=clicks + 30)
    try:
        callee.wait(timeout=10)
    except subprocess.TimeoutExpired:
        callee.kill()
    if caller.returncode != 0:
        sys.exit(f'{codec}: the call failed (see {tmp})')
    rate, found = onsets(rec)
    delays = []
    for s in starts:
        near = [t - s for t in found if 0 <= t - s < 0.5]
        if near:
            delays.append(near[0] * 1000)
    return delays


def main():
    ap = argparse.ArgumentParser()
    default_cli = os.environ.get('PARLO_CLI', os.path.join(ROOT, 'build', 'app', 'parlo-cli'))
    ap.add_argument('--parlo-cli', default=default_cli)
    ap.add_argument('--codecs', default='opus,pcmu')
    ap.add_argument('--clicks', type=int, default=8)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='parlo-latency-')
    ok = True
    try:
        for codec in args.codecs.split(','):
            d = measure(args.parlo_cli, codec, args.clicks, tmp)
            if len(d) < args.clicks // 2:
                print(f'{codec}: only {len(d)} of {args.clicks} clicks found in the recording')
                ok = False
                continue
            print(f'{codec}: added latency median {statistics.median(d):.1f} ms '
                  f'(min {min(d):.1f}, max {max(d):.1f}, {len(d)}/{args.clicks} clicks)')
    finally:
        if os.environ.get('KEEP'):
            print(f'kept {tmp}')
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
