"""Crash consistency: files keep arriving while renewald is killed with SIGKILL at random instants.

Afterwards every dropped file must be stored exactly once and archived exactly once (or, for files
that cannot be reports, be in failed/ with a reason), the inbox must be empty, every stored report must
be whole (its article rows and search entries all there), and `PRAGMA integrity_check` must say ok.
"""
import collections
import hashlib
import os
import random
import threading
import time

from harness import Client, Daemon, Failure, check, drop, integrity, report_text


def run(binary, kills=40, seed=6):
    rng = random.Random(seed)
    d = Daemon(binary)
    dropped = []              # (name, bytes, expected outcome: "report" | "failed")
    lock = threading.Lock()
    stop = threading.Event()

    def writer():
        n = 0
        wrng = random.Random(seed + 1)
        while not stop.is_set():
            n += 1
            kind = wrng.random()
            if kind < 0.04:
                name, data, outcome = f"empty-{n}.txt", b"", "failed"
            elif kind < 0.08 and dropped:
                # The same bytes again under another name: one report, two archived originals.
                with lock:
                    _, data, outcome = wrng.choice([x for x in dropped[-50:] if x[2] == "report"] or [dropped[0]])
                name = f"again-{n}.txt"
            else:
                name, data, outcome = f"report-{n:05d}.txt", report_text(seed * 100000 + n), "report"
            with lock:
                dropped.append((name, data, outcome))
            if wrng.random() < 0.3:
                # Written in place, like cp: the daemon must wait for the writer to close it.
                with open(os.path.join(d.inbox, name), "wb") as f:
                    half = len(data) // 2
                    f.write(data[:half])
                    f.flush()
                    time.sleep(wrng.random() * 0.2)
                    f.write(data[half:])
            else:
                drop(d.inbox, name, data)
            time.sleep(wrng.random() * 0.02)

    d.start()
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    restarts = 0
    try:
        for _ in range(kills):
            time.sleep(rng.uniform(0.05, 1.2))
            d.kill9()
            # Sometimes restart at once, sometimes let files pile up first.
            time.sleep(rng.choice([0, 0, 0.05, 0.3]))
            d.start()
            restarts += 1
    finally:
        stop.set()
        thread.join()
    d.wait_idle(timeout=300, what="the last files to be ingested after the kills")
    whole(d)
    check(d.stop() == 0, "renewald did not exit cleanly after the test")
    verify(d, dropped)
    reports = sum(1 for x in dropped if x[2] == "report")
    print(f"  crash: {len(dropped)} files dropped ({reports} reports, {len(dropped) - reports} to fail, "
          f"{len({hashlib.sha256(x[1]).hexdigest() for x in dropped if x[2] == 'report'})} distinct), "
          f"{kills} kill -9, {restarts} restarts: none lost, none stored twice, integrity ok")


def sha(data):
    return hashlib.sha256(data).hexdigest()


def whole(d):
    """Every stored report reads back whole through the protocol: as many articles as article rows."""
    db = d.db()
    try:
        rows = dict(db.execute("SELECT report_id, COUNT(*) FROM article GROUP BY report_id").fetchall())
        ids = [r[0] for r in db.execute("SELECT id FROM report")]
    finally:
        db.close()
    with Client(d.socket) as c:
        for report_id in ids:
            answer = c.request({"op": "get", "report": report_id})
            check(answer.get("ok"), f"report {report_id} does not read back: {answer}")
            articles = answer["result"]["articles"]
            check(len(articles) == rows.get(report_id, 0),
                  f"report {report_id} is half-stored: {rows.get(report_id, 0)} article rows for {len(articles)} articles")
            check(all(a["paragraphs"] for a in articles if a.get("title") is None),
                  f"report {report_id} has an article without its text")


def verify(d, dropped):
    """Every drop accounted for exactly once; the database whole and consistent."""
    left = [n for n in os.listdir(d.inbox) if not n.startswith(".")]
    check(not left, f"files left in the inbox: {left[:10]}")

    archived = collections.Counter()
    for name in os.listdir(d.archive):
        with open(os.path.join(d.archive, name), "rb") as f:
            archived[sha(f.read())] += 1
    expected_archive = collections.Counter(sha(data) for _, data, outcome in dropped if outcome == "report")
    missing = expected_archive - archived
    extra = archived - expected_archive
    check(not missing, f"{sum(missing.values())} dropped report(s) are not in archive/ (lost)")
    check(not extra, f"{sum(extra.values())} archived original(s) more than dropped (archived twice)")

    failed_names = [n for n in os.listdir(d.failed_dir) if not n.endswith(".reason.json")]
    expected_failed = sum(1 for x in dropped if x[2] == "failed")
    check(len(failed_names) == expected_failed, f"{len(failed_names)} files in failed/, expected {expected_failed}")
    for name in failed_names:
        check(os.path.exists(os.path.join(d.failed_dir, name + ".reason.json")), f"failed/{name} has no reason beside it")

    db = d.db()
    try:
        stored = {row[0]: row[1] for row in db.execute("SELECT id, sha256 FROM report")}
        shas = {sha(data) for _, data, outcome in dropped if outcome == "report"}
        stored_shas = set(stored.values())
        check(shas <= stored_shas, f"{len(shas - stored_shas)} dropped report(s) not in the database")
        check(len(stored) == len(stored_shas) == len(shas),
              f"{len(stored)} report rows for {len(shas)} distinct files (stored twice or stray)")
        drops = db.execute("SELECT COUNT(*) FROM drop_record").fetchone()[0]
        expected_drops = sum(1 for x in dropped if x[2] == "report")
        check(drops == expected_drops, f"{drops} drop records for {expected_drops} drops")
        fts = db.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0]
        total_articles = db.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        check(fts == total_articles, f"{fts} search entries for {total_articles} articles")
        failures = db.execute("SELECT COUNT(*) FROM failure").fetchone()[0]
        check(failures >= expected_failed, f"{failures} failure rows for {expected_failed} failed files")
    finally:
        db.close()
    verdict = integrity(d)
    check(verdict == "ok", f"PRAGMA integrity_check: {verdict}")
