#!/usr/bin/env python3
"""The renewald benchmark: measures the whole daemon against its peers in one run and prints one
table with every figure of issue 7, the target, the peers' figures and MET/MISSED.

Run through Tests/bench/run.sh, which builds the release binary and the load generator, installs
the peers and makes the corpora; this script only measures. Everything it writes goes under
--work (outside the repository). Every request loop is bounded in count and time, and every
server it talks to is one it started itself, on a Unix socket under --work.
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def log(*parts):
    print("bench:", *parts, file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                pass
    return total


def corpus_files(directory):
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".txt"))


def proc_status(pid, field):
    """A `kB` field of /proc/PID/status (VmRSS, VmHWM) in MB, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


def percentile(values, q):
    """Nearest-rank quantile, the same rule loadgen uses."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(q * len(ordered) + 0.999999)))
    return ordered[rank - 1]


class Client:
    """One NDJSON connection: a request dict in, the response dict out."""

    def __init__(self, path, timeout=30):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.reader = self.sock.makefile("rb")

    def request(self, obj):
        self.sock.sendall(json.dumps(obj, ensure_ascii=False).encode() + b"\n")
        line = self.reader.readline()
        if not line:
            raise ConnectionError("the server closed the connection")
        return json.loads(line)

    def close(self):
        self.reader.close()
        self.sock.close()


class Daemon:
    """A renewald serve process on its own inbox, state and socket."""

    def __init__(self, binary, root, store=None):
        self.binary = binary
        self.store = store
        self.inbox = os.path.join(root, "inbox")
        self.state = os.path.join(root, "state")
        self.socket = os.path.join(root, "rd.sock")
        self.logfile = os.path.join(root, "daemon.log")
        os.makedirs(self.inbox, exist_ok=True)
        self.proc = None

    def start(self, notify_socket=None):
        env = dict(os.environ)
        env.pop("NOTIFY_SOCKET", None)
        env.pop("LISTEN_FDS", None)
        env.pop("LISTEN_PID", None)
        if notify_socket:
            env["NOTIFY_SOCKET"] = notify_socket
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--inbox", self.inbox, "--state", self.state,
             "--socket", self.socket, "--log-level", "warning"] + (["--store", self.store] if self.store else []),
            stdout=subprocess.DEVNULL, stderr=open(self.logfile, "ab"), env=env)
        return self.proc

    def wait_answering(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"renewald exited with {self.proc.returncode}; see {self.logfile}")
            try:
                c = Client(self.socket, timeout=5)
                ok = c.request({"op": "ping"}).get("ok")
                c.close()
                if ok:
                    return time.monotonic()
            except (FileNotFoundError, ConnectionRefusedError, ConnectionResetError, OSError):
                pass
            time.sleep(0.002)
        raise RuntimeError("renewald did not answer ping in time")

    def stats(self):
        c = Client(self.socket)
        try:
            return c.request({"op": "stats"})["result"]
        finally:
            c.close()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def db_bytes(state):
    return sum(os.path.getsize(os.path.join(state, n)) for n in os.listdir(state)
               if n.startswith("renewald.sqlite") and os.path.isfile(os.path.join(state, n)))


# ---------------------------------------------------------------------------------------------
# Query terms by frequency class


def pick_terms(files, rng, per_band=4):
    """Terms of 1, 2 and 4 Han characters from the corpus, chosen by document frequency:
    `common` (in ≥ 30% of documents), `mid` (3–30%), `rare` (0.2–3%), a few at random from each
    band, so the latencies cover cheap and expensive terms alike. 2- and 4-character terms are
    words found by jieba's segmentation when jieba is installed, else any n-gram. Two-term queries pair 2-character
    terms across bands. Returns {class: [(query, band, df_fraction)]}."""
    sample = files[:: max(1, len(files) // 3000)]
    df = {1: {}, 2: {}, 4: {}}
    for path in sample:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        seen = {1: set(), 2: set(), 4: set()}
        for run in HAN.findall(text):
            for n in (1, 2, 4):
                for i in range(len(run) - n + 1):
                    seen[n].add(run[i:i + n])
        for n in (1, 2, 4):
            d = df[n]
            for g in seen[n]:
                d[g] = d.get(g, 0) + 1
    docs = len(sample)
    # Real words where jieba is there to find them (people search words, not random n-grams).
    words = None
    try:
        import jieba
        import logging
        jieba.setLogLevel(logging.WARNING)
        words = set()
        for path in sample[:600]:
            with open(path, encoding="utf-8") as f:
                words.update(w for w in jieba.lcut(f.read()) if len(w) in (2, 4) and HAN.fullmatch(w))
    except ImportError:
        pass
    bands = [("common", 0.30, 1.01), ("mid", 0.03, 0.30), ("rare", 0.002, 0.03)]
    chosen = {}
    for n, name in ((1, "1-char"), (2, "2-char"), (4, "4-char")):
        picks = []
        for band, lo, hi in bands:
            candidates = sorted(g for g, c in df[n].items()
                                if lo <= c / docs < hi and (n == 1 or words is None or g in words))
            for g in rng.sample(candidates, min(per_band, len(candidates))):
                picks.append((g, band, df[n][g] / docs))
        chosen[name] = picks
    two = [p for p in chosen["2-char"]]
    pairs = []
    for a_band, b_band in (("common", "mid"), ("mid", "mid"), ("mid", "rare"), ("common", "rare")):
        a = [p for p in two if p[1] == a_band]
        b = [p for p in two if p[1] == b_band]
        for _ in range(2):
            if a and b:
                x, y = rng.choice(a), rng.choice(b)
                if x[0] != y[0]:
                    pairs.append((f"{x[0]} {y[0]}", f"{a_band}+{b_band}", min(x[2], y[2])))
    chosen["two-term"] = pairs
    return chosen


# ---------------------------------------------------------------------------------------------
# Measurements


class Bench:
    def __init__(self, args):
        self.args = args
        self.results = {}
        self.detail = []
        self.work = args.work
        self.rng = random.Random(1)

    def note(self, text):
        self.detail.append(text)
        log(text)

    def loadgen(self, socket_path, conns, requests, request=None, requests_file=None, warmup=1000,
                expect=None, max_seconds=120):
        cmd = [self.args.loadgen, "--socket", socket_path, "--conns", str(conns), "--requests", str(requests),
               "--warmup", str(warmup), "--max-seconds", str(max_seconds)]
        cmd += ["--request", request] if request else ["--requests-file", requests_file]
        if expect:
            cmd += ["--expect", expect]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.stderr.strip():
            self.note("loadgen: " + out.stderr.strip().replace("\n", " | ")[:400])
        return json.loads(out.stdout)

    # -- ingest through the inbox ---------------------------------------------------------------
    def ingest(self, count):
        corpus = os.path.join(self.args.cache, f"corpus-{count}")
        files = corpus_files(corpus)
        input_bytes = sum(os.path.getsize(p) for p in files)
        root = os.path.join(self.work, f"serve-{count}")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        daemon = Daemon(self.args.bin, root)
        stage = os.path.join(root, "stage")
        os.makedirs(stage)
        # Hard links: staging costs nothing, and a rename into the inbox is what rsync/mv do.
        for p in files:
            os.link(p, os.path.join(stage, os.path.basename(p)))
        daemon.start()
        daemon.wait_answering()
        log(f"ingest {count}: dropping {len(files)} files ({input_bytes / 1e6:.0f} MB) into the inbox; load {load_average()}")
        t0 = time.monotonic()
        for p in files:
            name = os.path.basename(p)
            os.rename(os.path.join(stage, name), os.path.join(daemon.inbox, name))
        dropped = time.monotonic() - t0
        peak_rss = 0.0
        last, last_change = -1, time.monotonic()
        last_log = time.monotonic()
        timeout = max(600, count / 50)
        while True:
            s = daemon.stats()
            done = s["reports"] + s["failed"]
            rss = proc_status(daemon.proc.pid, "VmRSS") or 0
            peak_rss = max(peak_rss, rss)
            if done >= len(files) and s.get("pending", 0) == 0:
                break
            if done != last:
                last, last_change = done, time.monotonic()
            if time.monotonic() - last_change > 120 or time.monotonic() - t0 > timeout:
                self.note(f"ingest {count}: stalled at {done}/{len(files)}")
                break
            if time.monotonic() - last_log >= 20:
                last_log = time.monotonic()
                log(f"  {done}/{len(files)} after {last_log - t0:.0f} s, RSS {rss:.0f} MB, load {load_average()}")
            time.sleep(0.25)
        seconds = time.monotonic() - t0
        hwm = proc_status(daemon.proc.pid, "VmHWM") or peak_rss
        size = db_bytes(daemon.state)
        self.results[f"ingest_{count}"] = {
            "reports": s["reports"], "failed": s["failed"], "articles": s["articles"], "seconds": seconds,
            "rate": s["reports"] / seconds, "drop_seconds": dropped, "input_bytes": input_bytes,
            "db_bytes": size, "size_ratio": size / input_bytes, "rss_peak_mb": hwm}
        self.note(f"ingest {count}: {s['reports']} reports, {s['failed']} failed, {s['articles']} articles in "
                  f"{seconds:.1f} s = {s['reports'] / seconds:.0f}/s; db {size / 1e6:.0f} MB = {size / input_bytes:.2f}× "
                  f"input; peak RSS {hwm:.0f} MB; load {load_average()}")
        daemon.stop()
        shutil.rmtree(stage, ignore_errors=True)
        return daemon

    # -- renewald import --------------------------------------------------------------------------
    def import_rate(self, count):
        corpus = os.path.join(self.args.cache, f"corpus-{count}")
        state = os.path.join(self.work, f"import-{count}")
        shutil.rmtree(state, ignore_errors=True)
        t0 = time.monotonic()
        out = subprocess.run([self.args.bin, "import", corpus, "--state", state], capture_output=True, text=True)
        seconds = time.monotonic() - t0
        m = re.search(r"imported (\d+) of (\d+)", out.stdout)
        imported = int(m.group(1)) if m else 0
        self.results[f"import_{count}"] = {"imported": imported, "seconds": seconds, "rate": imported / seconds,
                                           "progress_lines": out.stderr.count("\n")}
        self.note(f"import {count}: {imported} in {seconds:.1f} s = {imported / seconds:.0f}/s "
                  f"(exit {out.returncode}); summary: {out.stdout.strip().splitlines()[:3]}")
        shutil.rmtree(state, ignore_errors=True)

    # -- start-up --------------------------------------------------------------------------------
    def start_time(self, daemon, count, runs):
        """Time from exec to READY=1 on NOTIFY_SOCKET and to the first answered ping."""
        times = []
        notify_path = os.path.join(self.work, "notify.sock")
        for _ in range(runs):
            if os.path.exists(notify_path):
                os.unlink(notify_path)
            ns = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            ns.bind(notify_path)
            ns.settimeout(30)
            t0 = time.monotonic()
            daemon.start(notify_socket=notify_path)
            ready = None
            try:
                while ready is None:
                    msg = ns.recv(4096).decode(errors="replace")
                    if "READY=1" in msg.split("\n"):
                        ready = time.monotonic() - t0
            except socket.timeout:
                pass
            answering = daemon.wait_answering() - t0
            ns.close()
            rss = proc_status(daemon.proc.pid, "VmRSS")
            times.append((ready if ready is not None else float("inf"), answering, rss))
            daemon.stop()
            time.sleep(0.5)
        worst = [max(r if r is not None else 0, a) for r, a, _ in times]
        median = statistics.median(worst)
        self.results[f"start_{count}"] = {"runs": times, "seconds": median}
        self.note(f"start {count}: READY/answering after " + ", ".join(f"{r:.3f}/{a:.3f} s (RSS {m:.0f} MB)" for r, a, m in times))

    # -- protocol ping ---------------------------------------------------------------------------
    def ping(self, socket_path, label, request, expect=None):
        n1 = self.args.ping_requests
        one = self.loadgen(socket_path, 1, n1, request=request, expect=expect)
        fifty = self.loadgen(socket_path, 50, n1 * 2, request=request, expect=expect)
        self.results[f"ping_{label}"] = {"one": one, "fifty": fifty}
        self.note(f"ping {label}: 1 conn {one['rps']:.0f}/s p50 {one['p50_ms']:.3f} p99 {one['p99_ms']:.3f} ms "
                  f"({one['errors']} errors); 50 conns {fifty['rps']:.0f}/s p99 {fifty['p99_ms']:.3f} ms "
                  f"({fifty['errors']} errors); load {load_average()}")

    # -- search ----------------------------------------------------------------------------------
    def search(self, socket_path, count, terms):
        out = self.search_classes(socket_path, terms, f"search {count}")
        self.results[f"search_{count}"] = out

    def search_classes(self, socket_path, terms, label):
        """Top-20 p50/p99 per query class through loadgen (one connection), with totals in the log."""
        out = {}
        for cls, picks in terms.items():
            path = os.path.join(self.work, f"queries-{cls}.ndjson")
            with open(path, "w") as f:
                for q, _, _ in picks:
                    f.write(json.dumps({"op": "search", "q": q, "limit": 20}, ensure_ascii=False) + "\n")
            r = self.loadgen(socket_path, 1, self.args.search_requests, requests_file=path,
                             warmup=len(picks) * 2, max_seconds=60)
            out[cls] = r
            # Per band, a shorter run each, for the detail log.
            bands = {}
            for q, band, _ in picks:
                bands.setdefault(band, []).append(q)
            parts = []
            for band, qs in bands.items():
                bp = os.path.join(self.work, f"queries-{cls}-{band}.ndjson")
                with open(bp, "w") as f:
                    for q in qs:
                        f.write(json.dumps({"op": "search", "q": q, "limit": 20}, ensure_ascii=False) + "\n")
                b = self.loadgen(socket_path, 1, max(50, self.args.search_requests // 4), requests_file=bp,
                                 warmup=len(qs), max_seconds=20)
                parts.append(f"{band} p50 {b['p50_ms']:.2f}/p99 {b['p99_ms']:.2f}")
            self.note(f"{label} {cls}: p50 {r['p50_ms']:.2f} ms p99 {r['p99_ms']:.2f} ms max {r['max_ms']:.1f} "
                      f"({r['requests']} requests, {r['errors']} errors); " + "; ".join(parts))
        # Totals, so a reader can see the terms are not trivial.
        c = Client(socket_path)
        for cls, picks in terms.items():
            shown = []
            for q, band, frac in picks:
                res = c.request({"op": "search", "q": q, "limit": 20})
                total = res.get("result", {}).get("total", "?") if res.get("ok") else res.get("error", {}).get("code")
                shown.append(f"{q}({band},{frac:.0%},total {total})")
            self.note(f"{label} terms {cls}: " + " ".join(shown))
        c.close()
        return out

    # -- freshness -------------------------------------------------------------------------------
    def freshness(self, daemon, count):
        fresh_src = corpus_files(os.path.join(self.args.cache, "fresh"))
        nonce = "%06x" % random.Random().randrange(16 ** 6)
        stage = os.path.join(self.work, "fresh-stage")
        shutil.rmtree(stage, ignore_errors=True)
        os.makedirs(stage)

        def marked(i, path, extra=""):
            # A unique Latin word in the first long paragraph: searchable, and found nowhere else.
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for k, line in enumerate(lines):
                if len(line) >= 40:
                    lines[k] = line + f"（编号rdf{nonce}n{i:04d}{extra}）"
                    break
            name = f"fresh-{nonce}-{i:04d}.txt"
            with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            return name

        singles = self.args.fresh_singles
        c = Client(daemon.socket)
        lat = []
        for i in range(singles):
            name = marked(i, fresh_src[i % len(fresh_src)])
            q = {"op": "search", "q": f"rdf{nonce}n{i:04d}", "limit": 5}
            t0 = time.monotonic()
            os.rename(os.path.join(stage, name), os.path.join(daemon.inbox, name))
            while time.monotonic() - t0 < 10:
                r = c.request(q)
                if r.get("ok") and r["result"]["total"] >= 1:
                    lat.append(time.monotonic() - t0)
                    break
                time.sleep(0.001)
            else:
                lat.append(float("inf"))
            time.sleep(0.05)
        # The burst: 100 reports renamed in at once, all carrying one more shared word.
        burst_word = f"rdfburst{nonce}"
        names = [marked(1000 + i, fresh_src[(singles + i) % len(fresh_src)], extra=f" {burst_word}") for i in range(100)]
        t0 = time.monotonic()
        for name in names:
            os.rename(os.path.join(stage, name), os.path.join(daemon.inbox, name))
        dropped = time.monotonic() - t0
        burst = float("inf")
        seen = 0
        while time.monotonic() - t0 < 30:
            r = c.request({"op": "search", "q": burst_word, "limit": 500})
            if r.get("ok"):
                seen = len({h["report"] for h in r["result"]["hits"]})
                if seen >= 100:
                    burst = time.monotonic() - t0
                    break
            time.sleep(0.002)
        c.close()
        self.results[f"fresh_{count}"] = {"p50_ms": percentile(lat, 0.5) * 1e3, "max_ms": max(lat) * 1e3,
                                          "burst_s": burst, "burst_seen": seen}
        self.note(f"freshness {count}: one report p50 {percentile(lat, 0.5) * 1e3:.0f} ms, max {max(lat) * 1e3:.0f} ms "
                  f"({singles} drops); burst of 100 searchable after {burst:.2f} s (dropping took {dropped * 1e3:.0f} ms, "
                  f"{seen} seen)")
        shutil.rmtree(stage, ignore_errors=True)

    # -- pipeline stages -------------------------------------------------------------------------
    def stages(self):
        dev = self.args.dev
        variants = os.path.join(os.path.dirname(dev), "dev-variants")
        paths = [os.path.join(dev, d, "clean.txt") for d in sorted(os.listdir(dev))
                 if os.path.isfile(os.path.join(dev, d, "clean.txt"))]
        if os.path.isdir(variants):
            paths += [os.path.join(variants, n) for n in sorted(os.listdir(variants)) if n.endswith(".txt")]
        out = subprocess.run(["taskset", "-c", "0", self.args.bin, "benchmark-stages", "--repeats",
                              str(self.args.stage_repeats)] + paths, capture_output=True, text=True)
        if out.returncode != 0:
            self.note("benchmark-stages failed: " + out.stderr.strip()[:300])
            return
        dev_r = json.loads(out.stdout)
        bulk = corpus_files(os.path.join(self.args.cache, "corpus-10000"))[:1000]
        out = subprocess.run(["taskset", "-c", "0", self.args.bin, "benchmark-stages", "--repeats", "2"] + bulk,
                             capture_output=True, text=True)
        bulk_r = json.loads(out.stdout) if out.returncode == 0 else None
        self.results["stages"] = {"dev": dev_r, "bulk": bulk_r}
        self.note(f"stages (dev corpus, {dev_r['files']} files, {dev_r['bytes'] / 1e6:.2f} MB, one core): "
                  f"normalise+segment {dev_r['normalize_segment_mb_s']:.1f} MB/s, classify {dev_r['classify_mb_s']:.2f} MB/s")
        if bulk_r:
            self.note(f"stages (1000 bulk reports, {bulk_r['bytes'] / 1e6:.1f} MB): normalise+segment "
                      f"{bulk_r['normalize_segment_mb_s']:.1f} MB/s, classify {bulk_r['classify_mb_s']:.2f} MB/s")

    # -- hostile sizes (issue 13) ---------------------------------------------------------------
    def hostile_sizes(self):
        import hostile_sizes
        r = hostile_sizes.measure(self.args.bin, os.path.join(self.work, "hostile-sizes"), log=self.note)
        self.results["hostile_sizes"] = r

    # -- peers -----------------------------------------------------------------------------------
    def redis(self):
        if not shutil.which("redis-server") or not shutil.which("redis-benchmark"):
            self.note("redis: not installed; skipped")
            return
        root = os.path.join(self.work, "redis")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        sock = os.path.join(root, "redis.sock")
        proc = subprocess.Popen(["redis-server", "--port", "0", "--unixsocket", sock, "--save", "",
                                 "--appendonly", "no", "--dir", root, "--daemonize", "no"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(500):
                if os.path.exists(sock):
                    break
                time.sleep(0.01)
            res = {}
            for conns in (1, 50):
                out = subprocess.run(["redis-benchmark", "-s", sock, "-t", "ping", "-n", str(self.args.ping_requests * (1 if conns == 1 else 2)),
                                      "-c", str(conns), "-P", "1", "--csv"], capture_output=True, text=True)
                for line in out.stdout.splitlines():
                    cells = [x.strip('"') for x in line.split(",")]
                    if cells[0] == "PING_MBULK":
                        res[f"benchmark_{conns}"] = float(cells[1])
                        if len(cells) > 6:
                            res[f"benchmark_{conns}_p99_ms"] = float(cells[6])
            # The same client as renewald's figures: redis's inline protocol is line-based too.
            res["loadgen_1"] = self.loadgen(sock, 1, self.args.ping_requests, request="PING", expect="+PONG")
            res["loadgen_50"] = self.loadgen(sock, 50, self.args.ping_requests * 2, request="PING", expect="+PONG")
            self.results["redis"] = res
            self.note(f"redis PING: redis-benchmark 1 conn {res.get('benchmark_1', 0):.0f}/s, 50 conns "
                      f"{res.get('benchmark_50', 0):.0f}/s; loadgen 1 conn {res['loadgen_1']['rps']:.0f}/s, 50 conns "
                      f"{res['loadgen_50']['rps']:.0f}/s p99 {res['loadgen_50']['p99_ms']:.3f} ms")
        finally:
            proc.terminate()
            proc.wait()

    def asyncio_server(self):
        """The naive server people write first: asyncio, json.loads/dumps per line."""
        sock = os.path.join(self.work, "asyncio.sock")
        code = (
            "import asyncio, json, sys\n"
            "async def handle(r, w):\n"
            "    while line := await r.readline():\n"
            "        req = json.loads(line)\n"
            "        w.write((json.dumps({'id': req.get('id'), 'ok': True, 'result': {'pong': True}}, separators=(',', ':')) + '\\n').encode())\n"
            "        await w.drain()\n"
            "async def main():\n"
            "    s = await asyncio.start_unix_server(handle, sys.argv[1])\n"
            "    async with s: await s.serve_forever()\n"
            "asyncio.run(main())\n")
        if os.path.exists(sock):
            os.unlink(sock)
        proc = subprocess.Popen([sys.executable, "-c", code, sock])
        try:
            for _ in range(500):
                if os.path.exists(sock):
                    break
                time.sleep(0.01)
            n = max(2000, self.args.ping_requests // 10)
            one = self.loadgen(sock, 1, n, request='{"op":"ping"}', warmup=200)
            fifty = self.loadgen(sock, 50, n * 2, request='{"op":"ping"}', warmup=200)
            self.results["asyncio"] = {"one": one, "fifty": fifty}
            self.note(f"asyncio NDJSON ping: 1 conn {one['rps']:.0f}/s, 50 conns {fifty['rps']:.0f}/s")
        finally:
            proc.terminate()
            proc.wait()

    def fts5(self, count, terms):
        """SQLite FTS5 as people would use it: bm25 top-20, one row per report. Two tables: the
        bigram scheme (any term length, like renewald's first index) and the trigram tokenizer
        (terms of 3+ characters only)."""
        path = os.path.join(self.args.cache, f"fts5-{count}.sqlite")
        files = corpus_files(os.path.join(self.args.cache, f"corpus-{count}"))
        if not os.path.exists(path):
            log(f"fts5 {count}: building the baseline index (cached at {path})")
            tmp = path + ".tmp"
            if os.path.exists(tmp):
                os.unlink(tmp)
            db = sqlite3.connect(tmp)
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("CREATE VIRTUAL TABLE bi USING fts5(body, tokenize='unicode61')")
            db.execute("CREATE VIRTUAL TABLE tri USING fts5(body, tokenize='trigram')")
            t0 = time.monotonic()
            batch_bi, batch_tri = [], []
            for i, p in enumerate(files):
                with open(p, encoding="utf-8") as f:
                    text = f.read()
                batch_bi.append((i + 1, bigram_text(text)))
                batch_tri.append((i + 1, text))
                if len(batch_bi) >= 1000:
                    db.executemany("INSERT INTO bi(rowid, body) VALUES (?, ?)", batch_bi)
                    db.executemany("INSERT INTO tri(rowid, body) VALUES (?, ?)", batch_tri)
                    db.commit()
                    batch_bi, batch_tri = [], []
            db.executemany("INSERT INTO bi(rowid, body) VALUES (?, ?)", batch_bi)
            db.executemany("INSERT INTO tri(rowid, body) VALUES (?, ?)", batch_tri)
            db.commit()
            db.close()
            os.rename(tmp, path)
            log(f"fts5 {count}: built in {time.monotonic() - t0:.0f} s")
        db = sqlite3.connect(path)
        res = {}
        reps = self.args.fts5_repeats
        for cls, picks in terms.items():
            for table in ("bi", "tri"):
                queries = []
                for q, _, _ in picks:
                    if table == "tri":
                        if any(len(t) < 3 for t in q.split()):
                            continue
                        queries.append(" AND ".join('"' + t + '"' for t in q.split()))
                    else:
                        queries.append(bigram_query(q))
                if not queries:
                    continue
                lat = []
                for q in queries:  # warm the page cache
                    db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY bm25({table}) LIMIT 20", (q,)).fetchall()
                for _ in range(reps):
                    for q in queries:
                        t0 = time.perf_counter()
                        db.execute(f"SELECT rowid, snippet({table}, 0, '【', '】', '…', 12) FROM {table} "
                                   f"WHERE {table} MATCH ? ORDER BY bm25({table}) LIMIT 20", (q,)).fetchall()
                        lat.append(time.perf_counter() - t0)
                res[f"{table}_{cls}"] = {"p50_ms": percentile(lat, 0.5) * 1e3, "p99_ms": percentile(lat, 0.99) * 1e3}
                self.note(f"fts5 {count} {table} {cls}: p50 {percentile(lat, 0.5) * 1e3:.1f} ms p99 "
                          f"{percentile(lat, 0.99) * 1e3:.1f} ms ({len(lat)} queries, in process)")
        db.close()
        self.results[f"fts5_{count}"] = res

    # -- PostgreSQL store (issue 14) ---------------------------------------------------------------
    def postgres(self, count, terms):
        """The same corpus into a shared PostgreSQL database: one host, then three hosts (three daemons,
        three inboxes, a third of the files each, one database), then search on the full collection.
        The cluster is the tests' throwaway one (Tests/postgres/cluster.sh: Unix socket, fsync off),
        so ingest here is an upper bound for a server that syncs."""
        cluster = self.args.pg_cluster
        root = os.path.join(self.work, f"pg-{count}")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        os.chmod(root, 0o755)
        pgdir = os.path.join(root, "cluster")
        out = subprocess.run([cluster, "start", pgdir], capture_output=True, text=True)
        if out.returncode != 0:
            self.note(f"postgres {count}: the cluster did not start ({out.stderr.strip()[:200]}); skipped")
            return
        url = out.stdout.strip().splitlines()[-1]
        psql = [os.path.join(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"), "psql"), "-h", pgdir, "-U", "postgres", "-Atq"]

        def sql(db, query):
            cmd = psql + ["-d", db, "-c", query]
            if os.getuid() == 0:
                cmd = ["runuser", "-u", "postgres", "--"] + cmd
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()

        def fresh_database():
            sql("postgres", "DROP DATABASE IF EXISTS renewald WITH (FORCE)")
            sql("postgres", "CREATE DATABASE renewald")

        files = corpus_files(os.path.join(self.args.cache, f"corpus-{count}"))
        res = {}
        try:
            for hosts in (1, 3):
                fresh_database()
                daemons = []
                for h in range(hosts):
                    d = Daemon(self.args.bin, os.path.join(root, f"host{hosts}-{h}"), store=url)
                    os.makedirs(os.path.join(root, f"host{hosts}-{h}", "stage"))
                    daemons.append(d)
                for k, p in enumerate(files):
                    d = daemons[k % hosts]
                    os.link(p, os.path.join(os.path.dirname(d.inbox), "stage", os.path.basename(p)))
                for d in daemons:
                    d.start()
                    d.wait_answering(timeout=120)
                log(f"postgres {count}, {hosts} host(s): dropping {len(files)} files; load {load_average()}")
                t0 = time.monotonic()
                for d in daemons:
                    stage = os.path.join(os.path.dirname(d.inbox), "stage")
                    for name in os.listdir(stage):
                        os.rename(os.path.join(stage, name), os.path.join(d.inbox, name))
                # Done when every inbox is empty and no host has work pending: files leave the inbox
                # only once their batch is committed (or failed).
                last_log, last_left, last_change = time.monotonic(), -1, time.monotonic()
                while True:
                    left = sum(len([n for n in os.listdir(d.inbox) if not n.startswith(".")]) for d in daemons)
                    pending = sum(d.stats().get("pending", 0) for d in daemons)
                    if left == 0 and pending == 0:
                        break
                    if left != last_left:
                        last_left, last_change = left, time.monotonic()
                    if time.monotonic() - last_change > 300:
                        self.note(f"postgres {count}, {hosts} host(s): stalled with {left} files in the inboxes")
                        break
                    if time.monotonic() - last_log >= 20:
                        last_log = time.monotonic()
                        log(f"  {len(files) - left}/{len(files)} taken after {last_log - t0:.0f} s; load {load_average()}")
                    time.sleep(0.25)
                seconds = time.monotonic() - t0
                stored = int(sql("renewald", "SELECT count(*) FROM report") or 0)
                failed = sum(d.stats().get("failed", 0) for d in daemons)
                size = int(sql("renewald", "SELECT pg_database_size(current_database())") or 0)
                res[f"ingest_{hosts}"] = {"reports": stored, "failed": failed, "seconds": seconds,
                                          "rate": stored / seconds, "db_bytes": size,
                                          "bytes_per_report": size / max(1, stored)}
                self.note(f"postgres {count}, {hosts} host(s): {stored} reports ({failed} failed) in {seconds:.1f} s = "
                          f"{stored / seconds:.0f}/s; database {size / 1e6:.0f} MB = {size / max(1, stored) / 1e3:.1f} kB/report; "
                          f"load {load_average()}")
                if hosts == 3:
                    res["search"] = self.search_classes(daemons[0].socket, terms, f"postgres {count}")
                    res["totals"] = self.totals(daemons[0].socket, terms)
                for d in daemons:
                    d.stop()
        finally:
            subprocess.run([cluster, "stop", pgdir], capture_output=True)
        self.results[f"postgres_{count}"] = res

    def totals(self, socket_path, terms):
        """The `total` each query answers, by query (compared across stores in the detail log)."""
        c = Client(socket_path)
        out = {}
        try:
            for cls, picks in terms.items():
                for q, _, _ in picks:
                    r = c.request({"op": "search", "q": q, "limit": 20})
                    out[q] = r["result"]["total"] if r.get("ok") else r.get("error", {}).get("code")
        finally:
            c.close()
        return out

    def recoll(self, count, terms):
        if not shutil.which("recollindex") or not shutil.which("recollq"):
            self.note("recoll: not installed; skipped")
            return
        corpus = os.path.join(self.args.cache, f"corpus-{count}")
        conf = os.path.join(self.work, f"recoll-{count}")
        shutil.rmtree(conf, ignore_errors=True)
        os.makedirs(conf)
        with open(os.path.join(conf, "recoll.conf"), "w") as f:
            f.write(f"topdirs = {corpus}\nidxflushmb = 50\nloglevel = 1\n")
        files = len(corpus_files(corpus))
        log(f"recoll {count}: indexing {files} files; load {load_average()}")
        t0 = time.monotonic()
        out = subprocess.run(["recollindex", "-c", conf, "-z"], capture_output=True, text=True,
                             timeout=max(1800, files))
        seconds = time.monotonic() - t0
        size = dir_bytes(os.path.join(conf, "xapiandb"))
        input_bytes = sum(os.path.getsize(p) for p in corpus_files(corpus))
        res = {"docs": files, "seconds": seconds, "rate": files / seconds, "size_ratio": size / input_bytes,
               "exit": out.returncode}
        # recollq per query, as a script would call it: a process per query.
        for cls in ("2-char", "4-char"):
            lat = []
            for q, _, _ in terms.get(cls, []):
                for _ in range(2):
                    t1 = time.monotonic()
                    subprocess.run(["recollq", "-c", conf, "-n", "20", "-q", q], capture_output=True)
                    lat.append(time.monotonic() - t1)
            if lat:
                res[f"q_{cls}_ms"] = percentile(lat, 0.5) * 1e3
        self.results["recoll"] = res
        self.note(f"recoll {count}: recollindex {files} docs in {seconds:.0f} s = {files / seconds:.0f} docs/s "
                  f"(exit {out.returncode}), index {size / 1e6:.0f} MB = {size / input_bytes:.2f}× input; recollq "
                  + ", ".join(f"{k} {v:.1f} ms" for k, v in res.items() if k.startswith("q_")))
        shutil.rmtree(conf, ignore_errors=True)

    def jieba(self):
        try:
            import jieba  # noqa: F401
            import jieba.analyse
        except ImportError:
            self.note("jieba: not importable; skipped")
            return
        import logging
        jieba.setLogLevel(logging.WARNING)
        files = corpus_files(os.path.join(self.args.cache, "corpus-10000"))[: self.args.jieba_docs]
        texts = []
        for p in files:
            with open(p, encoding="utf-8") as f:
                texts.append(f.read())
        jieba.initialize()
        t0 = time.monotonic()
        for t in texts:
            jieba.analyse.extract_tags(t, topK=20)
        seconds = time.monotonic() - t0
        mb = sum(len(t.encode()) for t in texts) / 1e6
        self.results["jieba"] = {"docs": len(texts), "mb_s": mb / seconds, "docs_s": len(texts) / seconds}
        self.note(f"jieba extract_tags: {len(texts)} docs, {mb:.1f} MB in {seconds:.1f} s = {mb / seconds:.2f} MB/s, "
                  f"{len(texts) / seconds:.0f} docs/s")


def bigram_text(text):
    """The index text for the bigram table: Han runs become overlapping pairs plus the final
    character (the scheme of renewald's SearchTokens), everything else stays for unicode61."""
    out = []
    pos = 0
    for m in HAN.finditer(text):
        out.append(text[pos:m.start()])
        run = m.group(0)
        out.append(" ".join([run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]))
        pos = m.end()
    out.append(text[pos:])
    return " ".join(out)


def bigram_query(q):
    parts = []
    for term in q.split():
        if len(term) == 1:
            parts.append(f'"{term}"*')
        else:
            parts.append('"' + " ".join(term[i:i + 2] for i in range(len(term) - 1)) + '"')
    return " AND ".join(parts)


# ---------------------------------------------------------------------------------------------
# The table


def fmt_rate(x):
    return f"{x:,.0f}"


def build_table(b, counts, quick):
    r = b.results
    rows = []

    def status(ok, note=""):
        if ok is None:
            return "n/a"
        return ("MET" if ok else "MISSED") + note

    def ratio(ours, theirs, higher_better=True):
        if not ours or not theirs:
            return ""
        x = ours / theirs if higher_better else theirs / ours
        return f"{x:.1f}×"

    recoll = r.get("recoll")
    for n in sorted(set((10000, 100000)) | set(counts)):
        k = f"ingest_{n}"
        if k not in r:
            rows.append((f"ingest end to end, {n // 1000}k (reports/s)", "not run" + (" (--quick)" if quick else ""),
                         "≥ 1,000", "", "", "n/a"))
            continue
        v = r[k]
        rows.append((f"ingest end to end, {n // 1000}k (reports/s)",
                     f"{fmt_rate(v['rate'])} ({v['reports']:,} in {v['seconds']:.0f} s)", "≥ 1,000",
                     f"recollindex {fmt_rate(recoll['rate'])} docs/s" if recoll else "recoll skipped",
                     ratio(v["rate"], recoll["rate"]) if recoll else "", status(v["rate"] >= 1000)))
    for n in counts:
        k = f"import_{n}"
        if k in r:
            v = r[k]
            rows.append((f"`renewald import`, {n // 1000}k (reports/s)", f"{fmt_rate(v['rate'])} ({v['seconds']:.0f} s)",
                         "≥ 1,000", f"recollindex {fmt_rate(recoll['rate'])} docs/s" if recoll else "",
                         ratio(v["rate"], recoll["rate"]) if recoll else "", status(v["rate"] >= 1000)))
    for n in counts:
        k = f"ingest_{n}"
        if k in r:
            v = r[k]
            rows.append((f"index + stored text, {n // 1000}k (× input)",
                         f"{v['size_ratio']:.2f}× ({v['db_bytes'] / 1e6:,.0f} MB / {v['input_bytes'] / 1e6:,.0f} MB)",
                         "≤ 3.3×", f"recoll xapiandb {recoll['size_ratio']:.2f}× (10k)" if recoll else "", "",
                         status(v["size_ratio"] <= 3.3)))
    big = max(counts)
    at = "" if big == 100000 else f" (at {big // 1000}k; target is at 100k)"
    f = r.get(f"fresh_{big}")
    if f:
        rows.append((f"freshness: one report → searchable, p50{at}", f"{f['p50_ms']:.0f} ms (max {f['max_ms']:.0f})",
                     "≤ 100 ms", "", "", status(f["p50_ms"] <= 100)))
        rows.append((f"freshness: burst of 100 → all searchable{at}", f"{f['burst_s']:.2f} s", "≤ 1 s", "", "",
                     status(f["burst_s"] <= 1.0)))
    s = r.get(f"search_{big}", {})
    fts = r.get(f"fts5_{big}", {})
    for cls in ("1-char", "2-char", "4-char", "two-term"):
        if cls not in s:
            continue
        v = s[cls]
        peer = []
        bi = fts.get(f"bi_{cls}")
        tri = fts.get(f"tri_{cls}")
        if bi:
            peer.append(f"FTS5 bigram {bi['p50_ms']:.1f}/{bi['p99_ms']:.1f}")
        if tri:
            peer.append(f"FTS5 trigram {tri['p50_ms']:.1f}/{tri['p99_ms']:.1f}")
        if recoll and f"q_{cls}_ms" in recoll:
            peer.append(f"recollq {recoll[f'q_{cls}_ms']:.1f} (10k)")
        ok = v["errors"] == 0 and v["p50_ms"] <= 5 and v["p99_ms"] <= 15
        rows.append((f"search top-20, {cls} {'queries' if cls == 'two-term' else 'terms'}, p50/p99 ms{at}", f"{v['p50_ms']:.2f} / {v['p99_ms']:.2f}",
                     "≤ 5 / ≤ 15", "; ".join(peer) if peer else "", ratio(v["p50_ms"], bi["p50_ms"], False) if bi else "",
                     status(ok)))
    p = r.get("ping_renewald")
    red = r.get("redis", {})
    asy = r.get("asyncio")
    if p:
        peer = []
        if red:
            peer.append(f"redis {fmt_rate(red['loadgen_1']['rps'])} (redis-benchmark {fmt_rate(red.get('benchmark_1', 0))})")
        if asy:
            peer.append(f"asyncio {fmt_rate(asy['one']['rps'])}")
        rows.append(("`ping`, 1 connection, no pipelining (req/s)", fmt_rate(p["one"]["rps"]), "≥ 23,000",
                     "; ".join(peer), ratio(p["one"]["rps"], red["loadgen_1"]["rps"]) + " of redis" if red else "",
                     status(p["one"]["rps"] >= 23000 and p["one"]["errors"] == 0)))
        peer = []
        if red:
            peer.append(f"redis {fmt_rate(red['loadgen_50']['rps'])}, p99 {red['loadgen_50']['p99_ms']:.2f} "
                        f"(redis-benchmark {fmt_rate(red.get('benchmark_50', 0))})")
        if asy:
            peer.append(f"asyncio {fmt_rate(asy['fifty']['rps'])}")
        rows.append(("`ping`, 50 connections (req/s, p99)", f"{fmt_rate(p['fifty']['rps'])}, p99 {p['fifty']['p99_ms']:.2f} ms",
                     "≥ 40,000, p99 < 5 ms", "; ".join(peer),
                     ratio(p["fifty"]["rps"], red["loadgen_50"]["rps"]) + " of redis" if red else "",
                     status(p["fifty"]["rps"] >= 40000 and p["fifty"]["p99_ms"] < 5 and p["fifty"]["errors"] == 0)))
    st = r.get(f"start_{big}")
    if st:
        rows.append((f"start: READY and answering{at}", f"{st['seconds']:.3f} s", "< 1 s", "", "", status(st["seconds"] < 1)))
    rss = [r[k]["rss_peak_mb"] for k in (f"ingest_{big}",) if k in r]
    if "rss_serving" in r:
        rss.append(r["rss_serving"])
    if rss:
        rows.append((f"RSS, peak while ingesting and serving{at}", f"{max(rss):.0f} MB", "≤ 150 MB", "", "",
                     status(max(rss) <= 150)))
    for n in counts:
        pg = r.get(f"postgres_{n}")
        if not pg:
            continue
        lite = r.get(f"ingest_{n}")
        one, three = pg.get("ingest_1"), pg.get("ingest_3")
        if one and three:
            rows.append((f"PostgreSQL ingest, {n // 1000}k, 1 host / 3 hosts on one database (reports/s)",
                         f"{fmt_rate(one['rate'])} / {fmt_rate(three['rate'])} combined", "≥ 1,000 combined",
                         f"SQLite {fmt_rate(lite['rate'])} (same run)" if lite else "", "",
                         status(three["rate"] >= 1000 and three["reports"] >= n * 0.99)))
            rows.append((f"PostgreSQL size per report, {n // 1000}k", f"{three['bytes_per_report'] / 1e3:.1f} kB",
                         "", f"SQLite {lite['db_bytes'] / max(1, lite['reports']) / 1e3:.1f} kB" if lite else "", "", "n/a"))
        lite_search = r.get(f"search_{n}", {})
        for cls in ("1-char", "2-char", "4-char", "two-term"):
            v = pg.get("search", {}).get(cls)
            if not v:
                continue
            ok = v["errors"] == 0 and v["p50_ms"] <= 10 and v["p99_ms"] <= 50
            sv = lite_search.get(cls)
            rows.append((f"PostgreSQL search top-20 at {n // 1000}k, {cls}, p50/p99 ms", f"{v['p50_ms']:.2f} / {v['p99_ms']:.2f}",
                         "≤ 10 / ≤ 50 (at 1M)", f"SQLite {sv['p50_ms']:.2f} / {sv['p99_ms']:.2f}" if sv else "", "",
                         status(ok, "" if n >= 1000000 else " (at 100k)")))
        tot = pg.get("totals")
        lite_tot = r.get(f"totals_{n}")
        if tot and lite_tot:
            same = sum(1 for q, v in tot.items() if lite_tot.get(q) == v)
            rows.append((f"PostgreSQL search totals at {n // 1000}k equal SQLite's", f"{same} of {len(tot)} queries", "all", "", "",
                         status(same == len(tot))))
    stg = r.get("stages")
    jb = r.get("jieba")
    if stg:
        d, bulk = stg["dev"], stg["bulk"]
        rows.append(("normalise+segment, one core (MB/s): dev corpus", f"{d['normalize_segment_mb_s']:.1f}", "≥ 20", "", "",
                     status(d["normalize_segment_mb_s"] >= 20)))
        rows.append(("classify, one core (MB/s): dev corpus", f"{d['classify_mb_s']:.2f}", "≥ 10",
                     f"jieba extract_tags {jb['mb_s']:.2f} MB/s" if jb else "",
                     ratio(d["classify_mb_s"], jb["mb_s"]) if jb else "", status(d["classify_mb_s"] >= 10)))
        if bulk:
            rows.append(("normalise+segment / classify, one core: 1,000 bulk reports (MB/s)",
                         f"{bulk['normalize_segment_mb_s']:.1f} / {bulk['classify_mb_s']:.2f}", "≥ 20 / ≥ 10", "", "",
                         status(bulk["normalize_segment_mb_s"] >= 20 and bulk["classify_mb_s"] >= 10)))
    hs = r.get("hostile_sizes")
    if hs:
        import hostile_sizes
        for kind, label in (("pages", "5 MB web page, dropped → stored"), ("lines", "1 MiB request line → answered")):
            items = hs[kind]
            if not items:
                continue
            slow = max(items, key=lambda i: i["seconds"])
            ping = max(i["ping_max_ms"] for i in items)
            done = all((i["outcome"] == "stored") if kind == "pages" else ('"ok":' in i["outcome"]) for i in items)
            rows.append((f"{label}, slowest of {len(items)} shapes; ping meanwhile (max)",
                         f"{slow['seconds']:.2f} s ({slow['shape']}, {slow['cpu_seconds']:.2f} s CPU); ping {ping:.1f} ms "
                         f"(idle {hs.get('idle_ping_max_ms', float('nan')):.1f} ms)",
                         f"< {hostile_sizes.LIMIT_S:.0f} s; ping < {hostile_sizes.PING_LIMIT_MS:.0f} ms", "", "",
                         status(done and slow["seconds"] < hostile_sizes.LIMIT_S and ping < hostile_sizes.PING_LIMIT_MS)))
    head = ("figure", "renewald", "target", "peers, same run", "renewald vs first peer", "status")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--loadgen", required=True)
    ap.add_argument("--cache", required=True, help="corpora and cached baseline indexes")
    ap.add_argument("--work", required=True, help="scratch directory for this run")
    ap.add_argument("--dev", required=True, help="shared/corpus/dev")
    ap.add_argument("--counts", default="10000")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", help="also write every raw figure here")
    ap.add_argument("--postgres", action="store_true", help="also measure the PostgreSQL store at every count ≥ 100k")
    ap.add_argument("--pg-cluster", help="Tests/postgres/cluster.sh")
    a = ap.parse_args()
    a.counts = [int(x) for x in a.counts.split(",")]
    a.ping_requests = 50000 if a.quick else 200000
    a.search_requests = 500 if a.quick else 1000
    a.fresh_singles = 10 if a.quick else 30
    a.stage_repeats = 5 if a.quick else 20
    a.fts5_repeats = 3 if a.quick else 5
    a.jieba_docs = 300 if a.quick else 1000
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    b = Bench(a)
    started = time.time()
    load_before = load_average()
    b.note(f"load average at start: {load_before}; {os.cpu_count()} cores")

    b.stages()
    b.hostile_sizes()
    b.jieba()
    b.redis()
    b.asyncio_server()
    big = max(a.counts)
    for n in a.counts:
        daemon = b.ingest(n)
        if n == 10000:  # the backfill rate; at 100k it would only add half an hour of the same work
            b.import_rate(n)
        if n == big:
            terms = pick_terms(corpus_files(os.path.join(a.cache, f"corpus-{n}")), b.rng)
            b.start_time(daemon, n, 3 if a.quick else 5)
            daemon.start()
            daemon.wait_answering()
            b.ping(daemon.socket, "renewald", '{"op":"ping"}')
            b.search(daemon.socket, n, terms)
            b.results[f"totals_{n}"] = b.totals(daemon.socket, terms)
            b.freshness(daemon, n)
            b.results["rss_serving"] = proc_status(daemon.proc.pid, "VmHWM")
            b.note(f"serving daemon at {n // 1000}k: peak RSS {b.results['rss_serving']:.0f} MB")
            daemon.stop()
            b.fts5(n, terms)
        if a.postgres and n >= 100000:
            if n != big:
                terms_n = pick_terms(corpus_files(os.path.join(a.cache, f"corpus-{n}")), b.rng)
                daemon = Daemon(a.bin, os.path.join(a.work, f"serve-{n}"))
                daemon.start()
                daemon.wait_answering(timeout=300)
                b.search(daemon.socket, n, terms_n)
                b.results[f"totals_{n}"] = b.totals(daemon.socket, terms_n)
                daemon.stop()
            b.postgres(n, terms if n == big else terms_n)
    b.recoll(10000, terms)

    load_after = load_average()
    table = build_table(b, a.counts, a.quick)
    print()
    print(f"renewald benchmark — {time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}, "
          f"counts {', '.join(str(n) for n in a.counts)}{' (--quick)' if a.quick else ''}, "
          f"{os.cpu_count()} cores, load average {load_before} at start, {load_after} at end, "
          f"{(time.time() - started) / 60:.0f} min")
    print()
    print(table)
    print()
    print("Details:")
    for d in b.detail:
        print("  " + d)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(b.results, f, indent=1, default=str)


if __name__ == "__main__":
    main()
