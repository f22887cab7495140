#!/usr/bin/env python3
"""WAV helpers for the interop tests (standard library only).

  tone.py gen OUT.wav FREQ SECONDS [RATE]   write a mono 16-bit sine at -6 dBFS
  tone.py check IN.wav FREQ [MIN_RMS]        exit 0 when FREQ dominates (200-4000 Hz) 0.2 s in the middle of the file
  tone.py gaps IN.wav FREQ [MAX]             exit 0 when a FREQ sine runs without more than MAX (0)
                                             breaks (dropped or repeated audio) from 0.3 s to the end
  tone.py rms IN.wav MIN_RMS                 exit 0 when the RMS of the file exceeds MIN_RMS
Every check prints what it measured, so a failing test says why.
"""
import array
import math
import struct
import sys
import wave


def read(path):
    with wave.open(path) as w:
        n, ch, rate = w.getnframes(), w.getnchannels(), w.getframerate()
        if w.getsampwidth() != 2:
            sys.exit(f"{path}: not 16-bit PCM")
        data = struct.unpack('<%dh' % (n * ch), w.readframes(n))[::ch]
    return list(data), rate


def rms(samples):
    return (sum(x * x for x in samples) / max(1, len(samples))) ** 0.5


def goertzel(samples, rate, freq):
    k = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + k * s1 - s2, s1
    return (s1 * s1 + s2 * s2 - k * s1 * s2) / max(1, len(samples)) ** 2


def main(argv):
    if len(argv) >= 5 and argv[1] == 'gen':
        out, freq, seconds = argv[2], float(argv[3]), float(argv[4])
        rate = int(argv[5]) if len(argv) > 5 else 8000
        n = int(seconds * rate)
        # An integer frequency repeats exactly every second: compute one second, repeat it (fast).
        period = rate if freq == int(freq) else n
        one = array.array('h', (int(16384 * math.sin(2 * math.pi * freq * i / rate))
                                for i in range(min(n, period))))
        if sys.byteorder == 'big':
            one.byteswap()
        frames = (one.tobytes() * (n // len(one) + 1))[:2 * n]
        with wave.open(out, 'wb') as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(frames)
        return 0
    if len(argv) >= 4 and argv[1] == 'rms':
        samples, rate = read(argv[2])
        value = rms(samples)
        print(f"{argv[2]}: {len(samples) / rate:.2f} s at {rate} Hz, rms {value:.0f} (need > {argv[3]})")
        return 0 if value > float(argv[3]) else 1
    if len(argv) >= 4 and argv[1] == 'gaps':
        samples, rate = read(argv[2])
        freq = float(argv[3])
        allowed = int(argv[4]) if len(argv) > 4 else 0
        # A sine obeys x[n] = k·x[n-1] - x[n-2]: a large residual is a break in the waveform. The
        # silence before the first packet (recordings start with the call), the first 0.3 s of
        # sound (jitter buffer filling, codec start) and the fade at the end are left out.
        k = 2 * math.cos(2 * math.pi * freq / rate)
        peak = max((abs(x) for x in samples), default=0)
        onset = next((n for n, x in enumerate(samples) if abs(x) > peak / 10), 0)
        start = onset + int(0.3 * rate)
        body = samples[start: len(samples) - rate // 20]
        limit = 0.3 * rms(body) * math.sqrt(2)
        breaks, last = [], -rate
        for n in range(2, len(body)):
            if abs(body[n] - k * body[n - 1] + body[n - 2]) > limit and n - last > rate // 100:
                breaks.append(round((start + n) / rate, 3))
                last = n
        print(f"{argv[2]}: {len(samples) / rate:.2f} s at {rate} Hz, {len(breaks)} breaks in the {freq:.0f} Hz "
              f"sine (allowed {allowed}){': at ' + ', '.join(f'{t:.3f}' for t in breaks[:10]) + ' s' if breaks else ''}")
        return 0 if len(breaks) <= allowed else 1
    if len(argv) >= 4 and argv[1] == 'check':
        samples, rate = read(argv[2])
        freq = float(argv[3])
        min_rms = float(argv[4]) if len(argv) > 4 else 300
        mid = samples[len(samples) // 4: 3 * len(samples) // 4]
        # 0.2 s: fast, and 5 Hz wide bins forgive a slightly off clock
        win = rate // 5
        mid = mid[len(mid) // 2 - win // 2: len(mid) // 2 + win // 2] if len(mid) > win else mid
        value = rms(mid)
        target = goertzel(mid, rate, freq)
        # Compare with other frequencies across the speech band: the tone must stand out clearly.
        others = [goertzel(mid, rate, f) for f in range(200, min(4000, int(rate / 2) - 100), 150)
                  if abs(f - freq) > 150]
        strongest = max(others) if others else 0
        # A clean sine puts half its mean square into its Goertzel bin (A²/4 of A²/2); gaps and
        # phase jumps spread it out, so ask for at least 30 % of the power at FREQ.
        share = target / max(1.0, value * value)
        ok = value > min_rms and target > 10 * strongest and share > 0.15
        print(f"{argv[2]}: {len(samples) / rate:.2f} s at {rate} Hz, rms {value:.0f}, "
              f"power at {freq:.0f} Hz {target:.1f} ({200 * share:.0f} % of the signal) vs strongest other {strongest:.1f}: "
              f"{'tone found' if ok else 'NO tone'}")
        return 0 if ok else 1
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
