#!/usr/bin/env python3
"""Per-key latency in a real terminal, side by side: spool and mutt on the same mbox.

Each program runs in a pseudo-terminal of 120x40 (TERM=xterm-256color). Once it has drawn
its first screen (its status line: the position in spool's, ` 1/3161 `; mutt's `Msgs:`) and gone quiet, each key is written to the terminal and timed from the
write to the last byte of the frame the program draws in answer (the output is taken as
done after 40 ms without a byte). That is the whole path a person waits for: the terminal
driver, reading the key, the work, drawing and writing the frame. Keys are pressed in
turns (j, k, ...) and each kind is reported as median, 99th percentile and maximum.

    swift build -c release
    Scripts/compare-keys.py /tmp/list-100k.mbox            # spool and mutt
    SPOOL_BIN=/path/to/spool Scripts/compare-keys.py FILE  # another build
    SPOOL_ONLY=1 Scripts/compare-keys.py FILE               # spool's row alone

Needs mutt for its rows (apt-get install -y mutt); spool's state goes to a temporary folder.
"""
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time

QUIET = 0.040
ROUNDS = int(os.environ.get("ROUNDS", "20"))

# Each key as (label, bytes for spool, bytes for mutt or None when mutt has no such key).
KEYS = [
    ("j", b"j", b"j"),
    ("k", b"k", b"k"),
    ("PgDn", b"\x1b[6~", b"\x1b[6~"),
    ("PgUp", b"\x1b[5~", b"\x1b[5~"),
    ("Tab", b"\t", b"\t"),
    ("G/end", b"G", b"*"),
    ("g/home", b"g", b"="),
    ("o", b"o", None),
    ("C", b"C", None),
    ("E", b"E", None),
    ("a", b"a", None),
]


def spawn(argv, home):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "HOME": home, "LANG": "C.UTF-8"})
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def drain(fd, quiet, limit=120.0, settle=False):
    """Reads until `quiet` seconds pass without output; returns the time of the last byte.

    A key's frame is waited for (quiet counts from its first byte); with `settle`, quiet
    counts from now, for a program that may have nothing more to write."""
    last = None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if last is not None or settle:
                return last
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            return last
        if not data:
            return last
        last = time.monotonic()
    return last


def wait_for(fd, marker, limit=300.0):
    """Reads until `marker` (a regular expression over bytes) has been written; returns when."""
    seen = b""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        data = os.read(fd, 65536)
        if not data:
            break
        # What was read last with the end of the read before (a match may straddle two).
        seen = seen[-64:] + data
        if re.search(marker, seen):
            return time.monotonic()
    return None


def measure(name, argv, home, marker):
    pid, fd = spawn(argv, home)
    started = time.monotonic()
    shown = wait_for(fd, marker)
    drain(fd, 0.5, settle=True)
    opened = (shown or started) - started
    timings = {label: [] for label, _, _ in KEYS}
    for _ in range(ROUNDS):
        for label, spool_key, mutt_key in KEYS:
            key = spool_key if name.startswith("spool") else mutt_key
            if key is None:
                continue
            sent = time.monotonic()
            os.write(fd, key)
            done = drain(fd, QUIET, limit=10.0)
            if done is not None:
                timings[label].append((done - sent) * 1000)
    os.write(fd, b"q")
    drain(fd, 0.3, limit=5.0)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    cells = []
    for label, _, _ in KEYS:
        values = sorted(timings[label])
        if not values:
            cells.append(f"{'-':>17}")
            continue
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        cells.append(f"{statistics.median(values):5.1f}/{p99:5.1f}/{values[-1]:5.1f}")
    print(f"{name:<8} {opened:6.2f} s  " + " ".join(cells))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    mbox = os.path.realpath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    spool = os.environ.get("SPOOL_BIN", os.path.join(here, "..", ".build", "release", "spool"))
    work = tempfile.mkdtemp()
    # mutt asks to create ~/Mail when it is missing.
    os.makedirs(os.path.join(work, "Mail"))
    try:
        print(f"{os.path.basename(mbox)}: per key, ms from the key to the last byte of its frame")
        print("median/p99/max over", ROUNDS, "presses; 120x40 pseudo-terminal")
        print(f"{'':<8} {'opened':>8}  " + " ".join(f"{label:>17}" for label, _, _ in KEYS))
        measure("spool", [spool, mbox, "--state-dir", os.path.join(work, "state")], work,
                # The position in the status line (` 1/3161 `): the frame is written whole, and
                # its right end (`?:help`) gives way to an importer's notices.
                rb"\d+/\d+ ")
        if shutil.which("mutt") and os.environ.get("SPOOL_ONLY") != "1":
            measure(
                "mutt",
                ["mutt", "-n", "-F", "/dev/null", "-R", "-f", mbox, "-e", "set sort=threads",
                 "-e", "unset header_cache", "-e", "set quit=yes"],
                work,
                rb"Msgs:",
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
