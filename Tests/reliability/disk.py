"""Trouble on the state file system: full, remounted read-only, and a file renewald may not read.

Each time renewald must say so (`stats.problem`, the log), keep the originals in the inbox, retry with
backoff, and recover by itself when the trouble clears. Needs root: the state directory is a small
tmpfs mounted for the test, and the permission test runs renewald without CAP_DAC_OVERRIDE.
"""
import hashlib
import json
import os
import subprocess
import time

from harness import Daemon, Failure, check, drop, integrity, report_text


def mount_tmpfs(path, size="8m"):
    os.makedirs(path, exist_ok=True)
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise Failure(f"cannot mount a tmpfs for the state directory (the disk tests need root): {out.stderr.strip()}")


def umount(path):
    subprocess.run(["umount", "-l", path], capture_output=True)


def wait_for(what, predicate, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise Failure(f"timed out after {timeout} s waiting for {what}")


def problem(d):
    return d.stats().get("problem")


def in_inbox(d, names):
    return all(os.path.exists(os.path.join(d.inbox, n)) for n in names)


def recovered(d, names, timeout=90):
    """Every file stored and archived, and the problem gone, without any help; returns the seconds it took."""
    t0 = time.time()
    wait_for("the daemon to recover by itself", lambda: not any(
        os.path.exists(os.path.join(d.inbox, n)) for n in names) and problem(d) is None, timeout)
    for n in names:
        answer = d.request({"op": "get", "file": n})
        check(answer.get("ok"), f"{n} not stored after recovery: {answer}")
        check(os.path.exists(os.path.join(d.archive, n)), f"{n} not archived after recovery")
    return time.time() - t0


def run(binary):
    results = [disk_full(binary), read_only(binary), permission_denied(binary)]
    print("  disk: " + "; ".join(results))


def disk_full(binary):
    d = Daemon(binary)
    mount_tmpfs(d.root + "/state")
    try:
        d.start()
        drop(d.inbox, "before.txt", report_text(1))
        d.wait_idle(30, "the first file")
        filler = os.path.join(d.state, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 16))
                    f.flush()
            except OSError:
                pass
        names = [f"full-{i}.txt" for i in range(5)]
        for i, n in enumerate(names):
            drop(d.inbox, n, report_text(1000 + i) * 40)
        said = wait_for("stats.problem to report the full disk", lambda: problem(d), 30)
        check(in_inbox(d, names), "a file left the inbox while the disk was full")
        check(d.ping_time() < 0.5, "ping slow while the disk is full")
        time.sleep(3)
        d.assert_alive("while the disk was full")
        check(in_inbox(d, names), "a file left the inbox while the disk was full")
        log = d.log_text()
        check("will retry" in log, "the log does not say the file will be retried")
        os.unlink(filler)
        took = recovered(d, names)
        check(d.stop() == 0, "unclean exit after the disk-full test")
        check(integrity(d) == "ok", f"integrity after disk full: {integrity(d)}")
        return f"disk full: said \"{said[:80]}\", kept {len(names)} files, recovered in {took:.0f} s"
    finally:
        d.kill9()
        umount(d.root + "/state")


def read_only(binary):
    d = Daemon(binary)
    mount_tmpfs(d.root + "/state")
    try:
        d.start()
        drop(d.inbox, "before.txt", report_text(2))
        d.wait_idle(30, "the first file")
        # The database file is open for writing, so the kernel refuses to remount its file system
        # read-only; archive/ and failed/ are not: make them read-only with bind mounts. The commit
        # then succeeds and the move fails, the interleaving that matters most.
        for sub in (d.archive, d.failed_dir):
            out = subprocess.run(["mount", "--bind", sub, sub], capture_output=True, text=True)
            check(out.returncode == 0, f"cannot bind-mount {sub}: {out.stderr}")
            out = subprocess.run(["mount", "-o", "remount,bind,ro", sub], capture_output=True, text=True)
            check(out.returncode == 0, f"cannot make {sub} read-only: {out.stderr}")
        names = [f"ro-{i}.txt" for i in range(5)]
        for i, n in enumerate(names):
            drop(d.inbox, n, report_text(2000 + i))
        said = wait_for("stats.problem to report the read-only archive", lambda: problem(d), 30)
        time.sleep(3)
        d.assert_alive("while the state directory was read-only")
        check(in_inbox(d, names), "a file left the inbox while the state directory was read-only")
        check(d.ping_time() < 0.5, "ping slow while the state is read-only")
        for sub in (d.archive, d.failed_dir):
            umount(sub)
        took = recovered(d, names)
        check(d.stop() == 0, "unclean exit after the read-only test")
        check(integrity(d) == "ok", f"integrity after read-only: {integrity(d)}")
        return f"read-only: said \"{said[:80]}\", kept {len(names)} files, recovered in {took:.0f} s"
    finally:
        d.kill9()
        for sub in (d.archive, d.failed_dir, d.root + "/state"):
            umount(sub)


def permission_denied(binary):
    # Root reads everything; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH it obeys file modes.
    wrapper = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all", "--"]
    d = Daemon(binary, wrapper=wrapper)
    d.start()
    try:
        drop(d.inbox, "secret.txt", report_text(3))
        # Too late to stop the daemon taking it? Write it unreadable from the start instead.
        d.wait_idle(30, "the readable file")
        path = os.path.join(d.inbox, "locked.txt")
        fd = os.open(path + ".part", os.O_WRONLY | os.O_CREAT, 0o000)
        os.write(fd, report_text(4))
        os.close(fd)
        os.rename(path + ".part", path)
        # Issue 13: an entry the daemon may not read goes to failed/ with its reason (never retried for
        # ever, never read); it does not leave a problem behind.
        note_path = os.path.join(d.failed_dir, "locked.txt.reason.json")
        wait_for("the unreadable file to go to failed/ with its reason", lambda: os.path.exists(note_path), 30)
        with open(note_path) as f:
            note = json.load(f)
        said = note.get("reason", "")
        check(note.get("code") == "unreadable", f"the note's code is not unreadable: {note}")
        check("ermission denied" in said, f"the reason does not say permission denied: {said}")
        check(not os.path.exists(path), "the unreadable file stayed in the inbox")
        check(problem(d) is None, f"stats.problem stays set: {problem(d)}")
        check(d.ping_time() < 0.5, "ping slow with an unreadable file")
        db = d.db()
        try:
            stored = db.execute("SELECT COUNT(*) FROM report WHERE id = ?",
                                (hashlib.sha256(report_text(4)).hexdigest()[:16],)).fetchone()[0]
        finally:
            db.close()
        check(stored == 0, "the unreadable file was read and stored")

        check(d.stop() == 0, "unclean exit after the permission test")
        return f"permission denied: failed/ as unreadable, said \"{said[:80]}\""
    finally:
        d.kill9()
