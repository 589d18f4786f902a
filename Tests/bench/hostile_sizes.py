#!/usr/bin/env python3
"""Hostile sizes (issue 13): a 5 MB web page and a 1 MiB request line must each finish in under 2 s
on a release build, while `ping` on another connection stays under 50 ms.

    python3 Tests/bench/hostile_sizes.py BIN [--work DIR]

Starts BIN (`renewald serve`) on a scratch inbox, state and socket, and for each shape:
- web pages (5 MB each): the time from the rename into the inbox until `get` by file answers (read,
  analysed, stored), or until it is in failed/;
- request lines (just under 1 MiB): the time from the first byte sent until the answer is read.
Meanwhile another connection sends `ping` every 5 ms; the worst of its round trips while the shape
was in hand is reported, beside the worst over 3 s with nothing in hand (the machine's own noise), and
the daemon's CPU seconds for each shape (what it cost, however loaded the machine is). Prints one line per shape and a `N passed, N failed` line; `Tests/bench/bench.py`
calls `measure` and puts the worst figures in its table. Everything is written under --work.
"""
import argparse
import os
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import Client, Daemon  # noqa: E402

LIMIT_S = 2.0
PING_LIMIT_MS = 50.0
PAGE_BYTES = 5 * 1000 * 1000
LINE_BYTES = 1048576 - 64   # under max_request_bytes (1 MiB), newline included


def pages():
    """5 MB web pages of the shapes a reader can choke on, each with enough Chinese to be a report."""
    para = "<p>灯笼巷社区加装电梯<b>进展</b>：居民议事会通过方案，首批4部电梯完工。</p>\n"
    head = "<html><head><meta charset=\"utf-8\"><title>灯笼巷社区加装电梯进展</title></head><body>\n"
    tail = "</body></html>\n"

    def fill(unit, prefix=head, suffix=tail):
        n = (PAGE_BYTES - len((prefix + suffix).encode())) // len(unit.encode())
        return prefix + unit * n + suffix

    yield "paragraphs", fill(para)
    # Every tag left open: a reader that matches closing tags by searching ahead goes quadratic.
    yield "unclosed tags", fill("<div><span><p>灯笼巷社区加装电梯进展，居民议事会通过方案。")
    # One attribute a megabyte long, then a few paragraphs.
    attr = "<div data-x=\"" + "a" * (1 << 20) + "\">"
    yield "1 MB attribute", head + attr + para * ((PAGE_BYTES - (1 << 20)) // len(para.encode())) + "</div>" + tail
    # The whole page on one line, in a table of many cells.
    yield "one line of cells", fill("<td>灯笼巷社区加装电梯</td>", prefix=head + "<table><tr>", suffix="</tr></table>" + tail).replace("\n", "")


def lines():
    """Request lines just under 1 MiB, of the shapes a parser can choke on."""
    def keys(fmt):
        parts, n, size = [], 0, 0
        while True:
            part = fmt(n)
            if size + len(part) + 20 > LINE_BYTES:
                break
            parts.append(part)
            size += len(part)
            n += 1
        return ("{" + "".join(parts) + '"op":"ping"}\n').encode()

    yield "distinct keys", keys(lambda n: f'"k{n}":0,')
    yield "one key repeated", keys(lambda n: '"k":0,')
    text = "社区加装电梯，居民议事会通过方案。" * ((LINE_BYTES - 40) // len("社区加装电梯，居民议事会通过方案。".encode()))
    yield "one long string (classify)", ('{"op":"classify","text":"' + text + '"}\n').encode()
    yield "arrays nested 60 deep, repeated", keys(lambda n: f'"k{n}":' + "[" * 60 + "]" * 60 + ",")


def cpu_seconds(pid):
    """User + system CPU the process has used: the work a shape cost, whatever else the machine runs."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Pinger:
    """Pings on a connection of its own every 5 ms and keeps (time, round trip) for each."""

    def __init__(self, path):
        self.client = Client(path, timeout=30)
        self.samples = []
        self.stopping = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stopping:
            t = time.monotonic()
            try:
                ok = self.client.request({"op": "ping"}).get("ok")
            except (OSError, ValueError):
                ok = False
            self.samples.append((t, (time.monotonic() - t) * 1000 if ok else float("inf")))
            time.sleep(0.005)

    def worst(self, start, end):
        inside = [ms for t, ms in list(self.samples) if start <= t <= end]
        return (max(inside) if inside else float("nan")), len(inside)

    def stop(self):
        self.stopping = True
        self.thread.join(timeout=30)
        self.client.close()


def drop_page(daemon, name, html, timeout=120):
    """Seconds from the rename into the inbox until the page is stored or failed, and which."""
    part = os.path.join(daemon.inbox, "." + name + ".part")
    with open(part, "w", encoding="utf-8") as f:
        f.write(html)
    c = Client(daemon.socket, timeout=timeout)
    try:
        start = time.monotonic()
        os.rename(part, os.path.join(daemon.inbox, name))
        while time.monotonic() - start < timeout:
            if c.request({"op": "get", "file": name}).get("ok"):
                return start, time.monotonic(), "stored"
            if os.path.exists(os.path.join(daemon.state, "failed", name)):
                return start, time.monotonic(), "failed"
            time.sleep(0.002)
        return start, time.monotonic(), "timeout"
    finally:
        c.close()


def send_line(path, line, timeout=60):
    """Seconds from the first byte of `line` until its answer, and the answer's first bytes."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(path)
        start = time.monotonic()
        s.sendall(line)
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return start, time.monotonic(), data[:60].decode("utf-8", "replace")


def measure(binary, work, log=print):
    """Runs every shape against a fresh daemon; returns {"pages": [...], "lines": [...]}, each item
    {"shape", "bytes", "seconds", "outcome", "ping_max_ms", "pings"}."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    daemon = Daemon(binary, work)
    daemon.start()
    results = {"pages": [], "lines": []}
    try:
        daemon.wait_answering()
        pinger = Pinger(daemon.socket)
        # The same pings with nothing in hand: what the machine alone costs them (a loaded machine
        # delays a ping by tens of milliseconds whatever the daemon does).
        start = time.monotonic()
        time.sleep(3)
        worst, n = pinger.worst(start, time.monotonic())
        results["idle_ping_max_ms"] = worst
        log(f"idle: ping max {worst:.1f} ms over {n} pings")
        pid = daemon.proc.pid
        for i, (shape, html) in enumerate(pages()):
            cpu = cpu_seconds(pid)
            start, end, outcome = drop_page(daemon, f"page{i}.html", html)
            worst, n = pinger.worst(start, end)
            item = {"shape": shape, "bytes": len(html.encode()), "seconds": end - start, "outcome": outcome,
                    "cpu_seconds": cpu_seconds(pid) - cpu, "ping_max_ms": worst, "pings": n}
            results["pages"].append(item)
            log(f"web page, {shape}: {item['bytes'] / 1e6:.2f} MB {outcome} in {item['seconds']:.2f} s "
                f"({item['cpu_seconds']:.2f} s CPU); ping max {worst:.1f} ms over {n} pings")
        for shape, line in lines():
            cpu = cpu_seconds(pid)
            start, end, answer = send_line(daemon.socket, line)
            worst, n = pinger.worst(start, end)
            item = {"shape": shape, "bytes": len(line), "seconds": end - start, "outcome": answer,
                    "cpu_seconds": cpu_seconds(pid) - cpu, "ping_max_ms": worst, "pings": n}
            results["lines"].append(item)
            log(f"request line, {shape}: {len(line):,} bytes answered in {item['seconds']:.2f} s "
                f"({item['cpu_seconds']:.2f} s CPU; {answer!r}); ping max {worst:.1f} ms over {n} pings")
        pinger.stop()
    finally:
        daemon.stop()
    return results


def verdicts(results):
    """(what, ok) for each shape: under LIMIT_S, and ping under PING_LIMIT_MS meanwhile."""
    out = []
    for kind in ("pages", "lines"):
        for r in results[kind]:
            done = r["outcome"] == "stored" if kind == "pages" else '"ok":' in r["outcome"]
            ok = done and r["seconds"] < LIMIT_S and r["ping_max_ms"] < PING_LIMIT_MS
            out.append((f"{kind[:-1]} {r['shape']}: {r['seconds']:.2f} s ({r['cpu_seconds']:.2f} s CPU), "
                        f"ping max {r['ping_max_ms']:.1f} ms", ok))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "renewald-hostile-sizes"))
    a = ap.parse_args()
    with open("/proc/loadavg") as f:
        print("load average:", " ".join(f.read().split()[:3]), f"({os.cpu_count()} cores)")
    results = measure(os.path.abspath(a.bin), a.work)
    passed = failed = 0
    for what, ok in verdicts(results):
        print(("PASS " if ok else "FAIL ") + what)
        passed += ok
        failed += not ok
    shutil.rmtree(a.work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
