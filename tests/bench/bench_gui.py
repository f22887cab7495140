#!/usr/bin/env python3
"""The desktop app's startup, idle memory and memory over calls, against a bare Qt Quick window
measured in the same run (issue 5's benchmark).

  bench_gui.py [--build DIR] [--launches N] [--calls N] [--idle S] [--kinds floor,controls,app]

DIR is a build with the GUI (default build/; use a Release build for real figures): it needs
app/parlo, app/parlo-cli, tests/e2e/parlo_e2e and tests/bench/quick_floor.

Everything runs on a private X server (Xvfb) with Qt Quick's software renderer, in a private D-Bus
session with an unlocked gnome-keyring (so the account's password is in a real keychain), against
Kamailio started on free loopback ports (tests/interop/kamailio/up.sh):

1. parlo_e2e completes the setup wizard for alice (password saved to the keychain), then makes
   N calls (--calls) to bob — parlo-cli registered at Kamailio with --auto-answer — typing each
   into the dialer, holding it ~1 s and hanging up; it prints its resident memory after the first
   call and every tenth, and the heap the program holds (mallinfo2: a leak grows it, the
   allocator's pools filling up do not).
2. --launches rounds, each starting in turn: quick_floor (a bare QML Window), quick_floor
   --controls (Qt Quick Controls, Fusion, one Button) and the real app/parlo with the account from
   step 1. For each: the time from just before the process starts to its window being mapped
   (xwininfo, polled) and to its first frame rendered (Qt's qt.scenegraph.time.renderloop log
   line, stamped with the same monotonic clock); for parlo also until Kamailio holds alice's
   contact (checked from outside with kamcmd); then VmRSS after --idle seconds of idling.

Prints medians with min–max. Needs Xvfb, xwininfo, dbus-run-session, gnome-keyring-daemon,
kamailio/kamcmd. Standard library only. KEEP=1 keeps the run directory (logs, screenshots).
"""
import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KAMAILIO = os.path.join(ROOT, 'tests', 'interop', 'kamailio')
INNER = 'PARLO_BENCH_GUI_INNER'
FRAME_LINE = re.compile(r'^\s*([0-9]+\.[0-9]+) qt\.scenegraph\.time\.renderloop: Frame rendered')


def free_port(count=1):
    """A port P with P..P+count-1 free for UDP and TCP on 127.0.0.1."""
    for _ in range(200):
        p = random.randint(20000, 32000)  # below the ephemeral ports
        socks = []
        try:
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


def status_kb(pid):
    """VmRSS, RssAnon and RssFile of PID in kB."""
    out = {}
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            key, _, value = line.partition(':')
            if key in ('VmRSS', 'RssAnon', 'RssFile'):
                out[key] = int(value.split()[0])
    return out


def cpu_ms(pid):
    """User + system CPU time PID (all its threads) has used so far, in ms (10 ms steps)."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rpartition(')')[2].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf('SC_CLK_TCK')


def summary(values, unit, scale=1.0, digits=0):
    if not values:
        return 'n/a'
    v = [x * scale for x in values]
    return (f'{statistics.median(v):.{digits}f} {unit} ({min(v):.{digits}f}–{max(v):.{digits}f}, '
            f'n={len(v)})')


class Bench:
    def __init__(self, args, run):
        self.args = args
        self.run = run
        self.build = os.path.abspath(args.build)
        self.procs = []
        self.kam_run = os.path.join(run, 'kamailio')
        self.display = None

    def binary(self, rel):
        path = os.path.join(self.build, rel)
        if not os.access(path, os.X_OK):
            sys.exit(f'missing {path}: build it first (ninja -C {self.build} quick_floor parlo parlo-cli '
                     f'parlo_e2e)')
        return path

    def spawn(self, cmd, log, env=None, **kw):
        out = open(os.path.join(self.run, log), 'w')
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             env=env, **kw)
        self.procs.append(p)
        return p

    def stop(self, p):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def cleanup(self):
        for p in reversed(self.procs):
            self.stop(p)
        subprocess.run(['bash', os.path.join(KAMAILIO, 'down.sh'), self.kam_run],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # --- environment -------------------------------------------------------------------------
    def start_x(self):
        # A display number of our own, far from xvfb-run's 99 and the usual :0/:1.
        for _ in range(50):
            n = random.randint(400, 899)
            if not os.path.exists(f'/tmp/.X{n}-lock') and not os.path.exists(f'/tmp/.X11-unix/X{n}'):
                break
        p = self.spawn(['Xvfb', f':{n}', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'],
                       'xvfb.log')
        self.xvfb = p
        self.display = f':{n}'
        for _ in range(100):
            if p.poll() is not None:
                sys.exit(f'Xvfb :{n} did not start; see {self.run}/xvfb.log')
            if subprocess.run(['xwininfo', '-display', self.display, '-root'], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                return
            time.sleep(0.1)
        sys.exit(f'Xvfb :{n} does not answer')

    def unlock_keyring(self):
        # A login keyring with a known password, unlocked: qtkeychain stores and finds the
        # account's password there without any prompt.
        r = subprocess.run(['gnome-keyring-daemon', '--unlock', '--components=secrets'],
                           input=b'benchpw', stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
        if r.returncode != 0:
            sys.exit(f'gnome-keyring-daemon failed: {r.stderr.decode()}')
        for line in r.stdout.decode().splitlines():
            key, _, value = line.partition('=')
            if key and value:
                os.environ[key] = value

    def start_kamailio(self):
        self.kam_port = free_port(2)
        r = subprocess.run(['bash', os.path.join(KAMAILIO, 'up.sh'), self.kam_run, str(self.kam_port)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            sys.exit(f'kamailio did not start: {r.stdout.decode()}')

    def kamcmd(self, *args):
        return subprocess.run(['kamcmd', '-s', f'unix:{self.kam_run}/kam/run/kamailio_ctl', *args],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode()

    def contacts(self, user):
        return re.findall(r'Address: (\S+)', self.kamcmd('ul.lookup', 'location', user))

    def wait_contact(self, user, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.contacts(user):
                return time.monotonic()
            time.sleep(0.02)
        return None

    def start_bob(self):
        env = dict(os.environ, PARLO_PASSWORD='bobpw')
        self.bob = self.spawn([self.binary('app/parlo-cli'), 'listen', '--aor',
                               f'sip:bob@127.0.0.1:{self.kam_port}', '--auto-answer'],
                              'bob.log', env=env)
        if self.wait_contact('bob', 10) is None:
            sys.exit(f'bob (parlo-cli) did not register; see {self.run}/bob.log')

    def gui_env(self):
        env = dict(os.environ)
        env.update({
            'DISPLAY': self.display,
            'QT_QPA_PLATFORM': 'xcb',
            'QT_QUICK_BACKEND': 'software',
            # parlo_e2e (tests/e2e) does not have the keychain helper and the sound module next to it.
            'PARLO_KEYCHAIN_HELPER': self.binary('app/parlo-keychain'),
            'PARLO_SOUND_MODULE': os.path.join(self.build, 'app', 'parlo-sound.so'),
            'LANG': 'C.UTF-8',
            'LC_ALL': 'C.UTF-8',
            'QT_LOGGING_RULES': 'qt.scenegraph.time.renderloop.debug=true',
            # %{time boot} is CLOCK_MONOTONIC, the clock of time.monotonic().
            'QT_MESSAGE_PATTERN': '%{time boot} %{category}: %{message}',
        })
        return env

    # --- 1. wizard + calls ---------------------------------------------------------------------
    def calls(self):
        cmd = [self.binary('tests/e2e/parlo_e2e'), os.path.join(self.run, 'shots'),
               f'127.0.0.1:{self.kam_port}', 'alice', 'alicepw', 'bob', '--calls', str(self.args.calls)] + (['--trim'] if self.args.trim else [])
        log = os.path.join(self.run, 'e2e.out')
        with open(log, 'w') as out, open(os.path.join(self.run, 'e2e.err'), 'w') as err:
            r = subprocess.run(cmd, stdout=out, stderr=err, env=self.gui_env(),
                               timeout=120 + 10 * self.args.calls)
        text = open(log).read()
        rss = {}
        for m in re.finditer(r'^rss (after call (\d+)|registered, idle): VmRSS: (\d+) kB, '
                             r'RssAnon: (\d+) kB, RssFile: (\d+) kB', text, re.M):
            key = int(m.group(2)) if m.group(2) else 0
            rss[key] = (int(m.group(3)), int(m.group(4)), int(m.group(5)))
        heap = {}
        for m in re.finditer(r'^heap (after call (\d+)|registered, idle): in use (\d+) kB', text, re.M):
            heap[int(m.group(2)) if m.group(2) else 0] = int(m.group(3))
        self.heap = heap
        if 'wizard-no-keychain' in text:
            sys.exit(f'the wizard found no keychain, the password was not stored; see {self.run}')
        if r.returncode != 0:
            print(text)
            sys.exit(f'parlo_e2e failed (rc {r.returncode}); see {self.run}')
        return rss

    # --- 2. launches ---------------------------------------------------------------------------
    def launch(self, kind):
        if kind == 'app':
            cmd = [self.binary('app/parlo')]
            title = 'Parlo'
            self.kamcmd('ul.rm', 'location', 'alice')
            # A socket left by the previous (terminated) launch would cost this one a failed
            # hand-over first; a desktop session starts without it.
            try:
                os.unlink(os.path.join(os.environ['XDG_RUNTIME_DIR'], 'parlo.instance'))
            except FileNotFoundError:
                pass
        else:
            cmd = [self.binary('tests/bench/quick_floor')] + (['--controls'] if kind == 'controls' else [])
            title = 'Quick floor'
        if self.xvfb.poll() is not None:
            sys.exit(f'Xvfb exited (rc {self.xvfb.returncode})')
        log = os.path.join(self.run, f'launch-{kind}.log')
        env = self.gui_env()
        with open(log, 'w') as out:
            t0 = time.monotonic()
            p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        self.procs.append(p)
        result = {}
        deadline = t0 + 20
        while time.monotonic() < deadline and p.poll() is None:
            r = subprocess.run(['xwininfo', '-display', self.display, '-name', title],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if b'Map State: IsViewable' in r.stdout:
                result['mapped'] = (time.monotonic() - t0) * 1000
                result['cpu'] = cpu_ms(p.pid)
                break
            time.sleep(0.002)
        while time.monotonic() < deadline and 'frame' not in result:
            with open(log) as f:
                for line in f:
                    m = FRAME_LINE.match(line)
                    if m:
                        result['frame'] = (float(m.group(1)) - t0) * 1000
                        break
            time.sleep(0.01)
        if kind == 'app':
            registered = self.wait_contact('alice', 20)
            if registered is None:
                self.stop(p)
                sys.exit(f'parlo did not register alice; see {log}')
            result['registered'] = (registered - t0) * 1000
        if p.poll() is not None:
            sys.exit(f'{kind} exited early (rc {p.returncode}); see {log}')
        time.sleep(self.args.idle)
        result.update(status_kb(p.pid))
        if self.args.smaps:
            # What the memory is (per library, heap, stacks): the last launch of each kind.
            shutil.copyfile(f'/proc/{p.pid}/smaps', os.path.join(self.run, f'smaps-{kind}.txt'))
        self.stop(p)
        self.procs.remove(p)
        return result

    def main(self):
        self.start_x()
        self.unlock_keyring()
        self.start_kamailio()
        self.start_bob()
        print(f'Xvfb {self.display}, Kamailio 127.0.0.1:{self.kam_port}, run dir {self.run}', flush=True)

        print(f'1. wizard (keychain) and {self.args.calls} calls to bob ...', flush=True)
        rss = self.calls()
        for k in sorted(rss):
            label = 'registered, idle, before calls' if k == 0 else f'after call {k}'
            v, a, f = rss[k]
            h = f', heap in use {self.heap[k] / 1024:5.1f}' if k in self.heap else ''
            print(f'   {label:32} VmRSS {v / 1024:6.1f} MB (anon {a / 1024:5.1f}, file {f / 1024:5.1f}{h})')
        last = max(rss)
        if 1 in rss and last > 1:
            print(f'   growth from call 1 to call {last}: {(rss[last][0] - rss[1][0]) / 1024:+.1f} MB VmRSS, '
                  f'{(rss[last][1] - rss[1][1]) / 1024:+.1f} MB anon')

        print(f'   load average before the launches: {open("/proc/loadavg").read().split()[:3]}')
        print(f'2. {self.args.launches} launches each (interleaved), {self.args.idle:g} s idle ...', flush=True)
        kinds = self.args.kinds.split(',')
        res = {k: [] for k in kinds}
        for i in range(self.args.launches):
            for k in kinds:
                res[k].append(self.launch(k))
            print(f'   round {i + 1}: ' + ', '.join(
                f"{k} {res[k][-1].get('mapped', float('nan')):.0f} ms/{res[k][-1]['VmRSS'] / 1024:.1f} MB"
                for k in kinds), flush=True)

        print(f'   load average after the launches: {open("/proc/loadavg").read().split()[:3]}')
        names = {'floor': 'bare Qt Quick window', 'controls': 'Qt Quick Controls (Fusion) window',
                 'app': 'parlo, one registered account'}
        print()
        for k in kinds:
            r = res[k]
            print(f'{names[k]}:')
            print(f"   window mapped   {summary([x['mapped'] for x in r if 'mapped' in x], 'ms')}")
            print(f"   first frame     {summary([x['frame'] for x in r if 'frame' in x], 'ms')}")
            print(f"   CPU until shown {summary([x['cpu'] for x in r if 'cpu' in x], 'ms')}")
            if k == 'app':
                print(f"   registered      {summary([x['registered'] for x in r], 'ms')}")
            print(f"   idle VmRSS      {summary([x['VmRSS'] for x in r], 'MB', 1 / 1024, 1)}")
            print(f"        RssAnon    {summary([x['RssAnon'] for x in r], 'MB', 1 / 1024, 1)}")
            print(f"        RssFile    {summary([x['RssFile'] for x in r], 'MB', 1 / 1024, 1)}")
        if 'floor' not in res or 'app' not in res:
            return
        floor = statistics.median(x['VmRSS'] for x in res['floor']) / 1024
        app = statistics.median(x['VmRSS'] for x in res['app']) / 1024
        shown = statistics.median(x['mapped'] for x in res['app'] if 'mapped' in x)
        # The issue puts the floor at 43-46 MB: the Controls window measures that here, a QML
        # Window with nothing in it 7 MB less. Both comparisons are printed.
        if 'controls' in res:
            controls = statistics.median(x['VmRSS'] for x in res['controls']) / 1024
            print(f'\ngoal idle RSS ≤ floor + 15 MB, floor = the Controls window (the issue\'s 43-46 MB): '
                  f"{app:.1f} vs {controls + 15:.1f} MB — {'met' if app <= controls + 15 else 'missed'}")
        print(f'{"" if "controls" in res else chr(10)}idle RSS against the bare QML Window + 15 MB: '
              f"{app:.1f} vs {floor + 15:.1f} MB — {'within' if app <= floor + 15 else f'{app - floor - 15:.1f} MB over'}")
        print(f"goal ≤ 250 ms to a shown window: {shown:.0f} ms — {'met' if shown <= 250 else 'missed'}")
        if 1 in rss and last > 1:
            growth = (rss[last][0] - rss[1][0]) / 1024
            print(f"goal memory after {last} calls within 2 MB of after the first: {growth:+.1f} MB — "
                  f"{'met' if abs(growth) <= 2 else 'missed'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--launches', type=int, default=10)
    ap.add_argument('--calls', type=int, default=100)
    ap.add_argument('--idle', type=float, default=5.0)
    ap.add_argument('--trim', action='store_true',
                    help='parlo_e2e also prints its RSS after malloc_trim() (changes what the next calls find)')
    ap.add_argument('--smaps', action='store_true',
                    help='keep /proc/PID/smaps of the last launch of each kind in the run dir (KEEP=1)')
    ap.add_argument('--kinds', default='floor,controls,app',
                    help='what to launch, comma-separated (floor, controls, app); all by default')
    args = ap.parse_args()

    if os.environ.get(INNER) is None:
        # A private session: scratch configuration, data (the keyring lives there too) and
        # runtime dirs, and a D-Bus session bus of our own for the keychain.
        run = tempfile.mkdtemp(prefix='parlo-bench-gui-')
        for d in ('config', 'data', 'xdg-run', 'home'):
            os.makedirs(os.path.join(run, d), mode=0o700)
        env = dict(os.environ)
        env.update({INNER: run, 'HOME': os.path.join(run, 'home'),
                    'XDG_CONFIG_HOME': os.path.join(run, 'config'),
                    'XDG_DATA_HOME': os.path.join(run, 'data'),
                    'XDG_RUNTIME_DIR': os.path.join(run, 'xdg-run')})
        env.pop('DBUS_SESSION_BUS_ADDRESS', None)
        r = subprocess.run(['dbus-run-session', '--', sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
                           env=env)
        if os.environ.get('KEEP'):
            print(f'kept {run}')
        else:
            shutil.rmtree(run, ignore_errors=True)
        sys.exit(r.returncode)

    bench = Bench(args, os.environ[INNER])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        bench.main()
    finally:
        bench.cleanup()


if __name__ == '__main__':
    main()
