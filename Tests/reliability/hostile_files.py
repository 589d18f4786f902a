"""Hostile files: thousands of generated files that are empty, binary, truncated, huge, pathological,
oddly named, links out of the inbox, FIFOs, or changing while read. Each must end as a report (in
archive/) or in failed/ with a reason beside it; the daemon never crashes, never follows a link, never
blocks on a FIFO, and keeps answering.
"""
import hashlib
import os
import random
import threading
import time

from harness import Daemon, check, drop, report_text

PROMPT = 0.5


def truncated(data, rng):
    """Cut inside the last multi-byte character."""
    return data[:-rng.randint(1, 2)]


def generated(rng, count):
    """(name bytes, contents) for `count` small hostile files, every name unique."""
    base = report_text(rng.getrandbits(32))
    gb = "老旧小区改造惠及居民，社区治理成效明显。".encode("gb18030") * 40
    utf16 = "加装电梯方便老人出行。\n".encode("utf-16-le") * 30
    makers = [
        lambda: b"",
        lambda: bytes([rng.getrandbits(8)]),
        lambda: bytes(rng.getrandbits(8) for _ in range(rng.randint(2, 4096))),
        lambda: truncated(base, rng),
        lambda: base[:rng.randint(1, len(base))],                       # cut anywhere, often mid-character
        lambda: truncated(gb, rng),
        lambda: gb[:rng.randint(1, len(gb))],
        lambda: utf16[:rng.randint(1, len(utf16))],                     # odd lengths, no BOM
        lambda: b"\xff\xfe" + utf16[:rng.randint(0, len(utf16))],
        lambda: base.replace("，".encode(), b"\x00", rng.randint(1, 5)),  # NUL bytes inside text
        lambda: b"\x00" * rng.randint(1, 5000),
        lambda: bytes(rng.choice([0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x20]) for _ in range(rng.randint(1, 3000))),
        lambda: b"\r" * rng.randint(1, 2000) + base,
        lambda: b"\xef\xbb\xbf",                                            # only a BOM
        lambda: b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(500)),
        lambda: b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(500)),
        lambda: b"<html><body>" + base + b"</body></html>",
        lambda: b"<" * rng.randint(1, 5000),
        lambda: bytes([0xC0 | rng.getrandbits(5), 0x41]) * rng.randint(1, 2000),   # overlong/invalid UTF-8
        lambda: b"\xed\xa0\x80" * rng.randint(1, 500),                            # encoded surrogates
        lambda: "\u200b\u00a0\u3000".encode() * rng.randint(1, 2000),             # only invisible space
        lambda: base * rng.randint(50, 400),
    ]
    odd_names = [
        lambda i: f"with spaces {i} .txt".encode(),
        lambda i: f"line\nbreak-{i}.txt".encode(),
        lambda i: f"-leading-dash-{i}".encode(),
        lambda i: b"invalid-\xff\xfe-" + str(i).encode(),
        lambda i: b"latin1-\xe9t\xe9-" + str(i).encode(),
        lambda i: (f"{i:06d}-" + "长" * 83).encode()[:255],               # 255 bytes, cut on a character
        lambda i: (f"{i:06d}-" + "x" * 300).encode()[:255],
        lambda i: f"tab\there-{i}.txt".encode(),
        lambda i: f"back\\slash-{i}".encode(),
        lambda i: f"{i}.TXT".encode(),
        lambda i: f"noext{i}".encode(),
        lambda i: f"报告{i}.txt".encode(),
    ]
    files = []
    for i in range(count):
        name = rng.choice(odd_names)(i) if rng.random() < 0.4 else f"hostile-{i:05d}.txt".encode()
        files.append((name, rng.choice(makers)()))
    return files


def run(binary, count=3000, seed=6):
    rng = random.Random(seed)
    d = Daemon(binary)
    d.start()
    inbox = d.inbox.encode()
    expected = set()          # names that must end in archive/ or failed/
    timings = {}
    try:
        # Outside the inbox: what links point at; it must stay untouched and never be read.
        outside = os.path.join(d.root, "outside")
        os.makedirs(outside)
        secret = os.path.join(outside, "secret.txt")
        with open(secret, "wb") as f:
            f.write(report_text(424242))
        secret_sha = hashlib.sha256(open(secret, "rb").read()).hexdigest()
        links = {b"link-to-secret.txt": secret, b"link-to-dir": outside, b"link-to-passwd": "/etc/passwd",
                 b"dangling-link": "/nonexistent/x", b"link-to-self": "link-to-self", b"relative-up": "../outside/secret.txt"}
        for name, target in links.items():
            os.symlink(target, os.path.join(inbox, name))
            expected.add(name)
        for i in range(20):
            name = f"fifo-{i}".encode()
            os.mkfifo(os.path.join(inbox, name))
            expected.add(name)
        # A directory is a subfolder to drop files in (its name becomes a tag): it stays, watched.
        os.mkdir(os.path.join(inbox, b"a-directory"))
        # A FIFO must not block the files behind it.
        drop(d.inbox, "after-fifos.txt", report_text(1))
        expected.add(b"after-fifos.txt")
        t0 = time.time()
        d.wait_idle(timeout=60, what="links, FIFOs and a directory")
        check(time.time() - t0 < 30, "links and FIFOs held up the inbox")
        check(d.ping_time() < PROMPT, "ping slow after FIFOs")

        # Thousands of small hostile files, half dropped by rename, half written in place.
        small = generated(rng, count)
        for name, data in small:
            if rng.random() < 0.5:
                drop(d.inbox, name, data)
            else:
                with open(os.path.join(inbox, name), "wb") as f:
                    f.write(data)
            expected.add(name)
        t0 = time.time()
        d.wait_idle(timeout=300, what=f"{count} hostile files")
        timings["small"] = time.time() - t0
        check(d.ping_time() < PROMPT, "ping slow after the hostile files")

        # Pathological sizes and shapes, one at a time, each timed.
        big = {
            b"huge-200MB.txt": None,                                               # sparse; over max_file_bytes
            b"one-char-lines.txt": "区\n".encode() * 100_000,
            b"single-10MB-line.txt": ("社区治理老旧小区改造加装电梯" * 250_000).encode()[:10 << 20].rstrip(b"\x80\xbf"),
            b"doubled-text.txt": "".join(ch * 2 for ch in report_text(7).decode() * 3000).encode(),
            b"eightfold-text.txt": "".join(ch * 8 for ch in report_text(8).decode() * 400).encode(),
            b"one-paragraph-repeated.txt": report_text(9) * 20_000,
            b"no-newline-ascii-1MB.txt": b"a" * (1 << 20),
        }
        for name, data in big.items():
            path = os.path.join(inbox, name)
            if data is None:
                with open(path + b".part", "wb") as f:
                    f.truncate(200 << 20)
                os.rename(path + b".part", path)
            else:
                drop(d.inbox, name, data)
            expected.add(name)
            t0 = time.time()
            # Generous for a debug build; super-linear time in a stage shows up here.
            d.wait_idle(timeout=90, what=f"{name.decode()} (a pipeline stage is slow on this shape)")
            timings[name.decode()] = time.time() - t0
            check(d.ping_time() < PROMPT, f"ping slow after {name!r}")

        # Files deleted or rewritten while the daemon may be reading them.
        churn = churn_files(d, rng)
        d.wait_idle(timeout=120, what="the rewritten files")
        expected |= churn

        d.assert_alive("after the hostile files")
        verify(d, expected, secret, secret_sha)
    except BaseException:
        d.kill9()   # the first failure is the one to report
        raise
    status = d.stop()
    check(status == 0, f"renewald exited with {status}")
    stats = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    print(f"  files: {len(expected)} hostile entries ({count} generated, {len(links)} links, 20 FIFOs), "
          f"each archived or failed with a reason; links never followed. Times: {stats}")


def churn_files(d, rng, count=30):
    """Files rewritten again and again, or deleted, while the daemon may be reading them.
    Returns the names that must end on a shelf."""
    inbox = d.inbox.encode()
    stay = set()
    for i in range(count):
        name = f"churn-{i}.txt".encode()
        path = os.path.join(inbox, name)
        for version in range(15):
            try:
                with open(path, "r+b" if version % 3 else "wb") as f:   # in place, or truncated and rewritten
                    f.write(report_text(1000 * i + version) * rng.randint(1, 40))
            except FileNotFoundError:
                with open(path, "wb") as f:                         # taken meanwhile: a new drop
                    f.write(report_text(1000 * i + version))
            time.sleep(rng.random() * 0.01)
        if i % 2 == 0:
            try:
                os.unlink(path)       # deleted while (perhaps) being read
            except FileNotFoundError:
                pass
        else:
            stay.add(name)
    return stay


def verify(d, expected, secret, secret_sha):
    archived = {n for n in os.listdir(d.archive.encode())}
    failed = {n for n in os.listdir(d.failed_dir.encode()) if not n.endswith(b".reason.json")}
    notes = {n for n in os.listdir(d.failed_dir.encode()) if n.endswith(b".reason.json")}
    left = {n for n in os.listdir(d.inbox.encode()) if not n.startswith(b".") and n != b"a-directory"}
    check(not left, f"{len(left)} entries left in the inbox: {sorted(left)[:5]}")
    both = {n for n in archived & failed if not n.startswith(b"churn-")}   # churned: one version each way
    check(not both, f"{len(both)} names both archived and failed: {sorted(both)[:3]}")
    # A failed file keeps room for its `.reason.json` note: names over 243 bytes are shortened.
    shortened = {n for n in failed - expected if len(n) <= 243 and not n.startswith(b"churn-")}
    for short in shortened:
        origin = [e for e in expected if len(e) > 243 and e[:200] == short[:200]]
        check(len(origin) == 1, f"{short!r} on failed/ matches no dropped name")
        failed = (failed - {short}) | set(origin)
        notes = (notes - {short + b".reason.json"}) | {origin[0] + b".reason.json"}
    gone = {n for n in expected if n not in archived and n not in failed}
    # A churned file may have been deleted before the daemon took it; everything else must be somewhere.
    lost = {n for n in gone if not n.startswith(b"churn-")}
    check(not lost, f"{len(lost)} files neither archived nor failed: {sorted(lost)[:5]}")
    # Churned files may be taken once per version: churn-1.txt, churn-1.1.txt, …
    stray = {n for n in (archived | failed) - expected if not n.startswith(b"churn-")}
    check(not stray, f"{len(stray)} unexpected names on the shelves (renamed?): {sorted(stray)[:5]}")
    missing_notes = [n for n in failed if n + b".reason.json" not in notes]
    check(not missing_notes, f"{len(missing_notes)} failed files without a reason beside them: {missing_notes[:3]}")
    # Links and FIFOs are failed as themselves, never followed.
    for name in (b"link-to-secret.txt", b"link-to-passwd", b"relative-up", b"dangling-link", b"fifo-0"):
        check(name in failed, f"{name!r} should be in failed/")
    check(b"a-directory" not in failed and os.path.isdir(os.path.join(d.inbox.encode(), b"a-directory")),
          "a subfolder of the inbox should stay where it is, not be failed")
    check(os.path.islink(os.path.join(d.failed_dir.encode(), b"link-to-secret.txt")), "a link was replaced by its target")
    check(hashlib.sha256(open(secret, "rb").read()).hexdigest() == secret_sha, "the link target outside the inbox changed")
    db = d.db()
    try:
        secret_id = secret_sha[:16]
        check(db.execute("SELECT COUNT(*) FROM report WHERE id = ?", (secret_id,)).fetchone()[0] == 0,
              "the file behind a symlink was read and stored")
        reports = db.execute("SELECT COUNT(DISTINCT file) FROM drop_record").fetchone()[0]
        failures = db.execute("SELECT COUNT(*) FROM failure").fetchone()[0]
    finally:
        db.close()
    check(failures >= len(failed), f"{failures} failure rows for {len(failed)} failed files")
    check(reports > 0, "no report at all was stored")
    check(b"huge-200MB.txt" in failed, "the 200 MB file should be refused as too large")
