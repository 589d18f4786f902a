"""Three renewald hosts on three inboxes sharing one PostgreSQL database (issue 14).

Checks, against real daemons and a real server:
- the same file dropped on two hosts at once is one report;
- every op answers the same from every host;
- a subscriber on host A hears the reports hosts B and C take;
- kill -9 of a daemon in the middle of a batch loses nothing and stores nothing twice;
- the database stopped for 10 s loses nothing, and everything resumes with nobody stepping in;
- a host started while the database is away starts, keeps its files and takes them once it answers.

Usage: multihost.py BINARY URL CLUSTER_DIR   (multihost.sh starts the cluster and calls this)
"""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reliability"))
from harness import Client, Daemon, Failure, check, drop, report_text  # noqa: E402

BINARY, URL, CLUSTER = sys.argv[1], sys.argv[2], sys.argv[3]
CLUSTER_SH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster.sh")
# Generous: a loaded 2-core machine, three daemons analysing at nice +19.
PATIENCE = 300


class Subscriber(threading.Thread):
    """Holds a subscription open on one host and keeps every event it hears."""

    def __init__(self, daemon):
        super().__init__(daemon=True)
        self.client = Client(daemon.socket, timeout=30)
        answer = self.client.request({"op": "subscribe", "events": ["ingested", "failed"]})
        check(answer.get("ok"), f"subscribe failed: {answer}")
        self.client.sock.settimeout(None)   # events may be minutes apart
        self.events = []
        self.lock = threading.Lock()

    def run(self):
        while True:
            try:
                line = self.client.read_line()
            except OSError:
                return
            if line is None:
                return
            with self.lock:
                self.events.append(json.loads(line))

    def reports(self):
        with self.lock:
            return [e.get("report") for e in self.events if e.get("event") == "ingested"]


def hosts_idle(hosts, what, timeout=PATIENCE):
    for h in hosts:
        h.wait_idle(timeout=timeout, what=f"{what} on {os.path.basename(h.root)}")


def ok(daemon, request):
    answer = daemon.request(request, timeout=60)
    check(answer.get("ok"), f"{request} on {daemon.root} failed: {answer}")
    return answer["result"]


def total_reports(daemon):
    return ok(daemon, {"op": "list", "limit": 1})["total"]


def wait_for(what, condition, timeout=PATIENCE):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise Failure(f"timed out waiting for {what}")


def archived(daemon):
    out = []
    for folder, _, files in os.walk(daemon.archive):
        out += files
    return out


def failed_files(daemon):
    if not os.path.isdir(daemon.failed_dir):
        return []
    return [n for n in os.listdir(daemon.failed_dir) if not n.endswith(".reason.json")]


def same_everywhere(hosts, request, strip=()):
    """The op's result, which must be equal on every host (after removing host-specific keys)."""
    answers = []
    for h in hosts:
        result = ok(h, request)
        if isinstance(result, dict):
            result = {k: v for k, v in result.items() if k not in strip}
        answers.append(json.dumps(result, sort_keys=True, ensure_ascii=False))
    for h, a in zip(hosts[1:], answers[1:]):
        check(a == answers[0], f"{request} differs between hosts:\n  A: {answers[0][:400]}\n  {os.path.basename(h.root)}: {a[:400]}")
    return json.loads(answers[0])


def main():
    results = []
    hosts = [Daemon(BINARY, config=f"store = {URL}\nhost_name = host-{n}\n") for n in "abc"]
    a, b, c = hosts
    subscriber = None

    def step(name, body):
        t0 = time.time()
        try:
            body()
            results.append(True)
            print(f"ok   {name} ({time.time() - t0:.1f} s)", flush=True)
        except Failure as e:
            results.append(False)
            print(f"FAIL {name}: {e}", flush=True)

    try:
        for h in hosts:
            h.start(timeout=120)
        subscriber = Subscriber(a)
        subscriber.start()
        seed = [1000]

        def same_file_on_two_hosts():
            data = report_text(7)
            drop(a.inbox, "shared.txt", data)
            drop(b.inbox, "shared-copy.txt", data)
            hosts_idle(hosts, "the shared file")
            check(total_reports(a) == 1, f"the same bytes on two hosts made {total_reports(a)} reports")
            check(len(archived(a)) == 1 and len(archived(b)) == 1, "each host archives its own original")

        def every_op_answers_the_same():
            names = []
            for n in range(24):
                h = hosts[n % 3]
                name = f"r{n}.txt"
                drop(h.inbox, name, report_text(seed[0] + n))
                names.append(name)
            seed[0] += 100
            hosts_idle(hosts, "24 reports")
            listed = same_everywhere(hosts, {"op": "list", "limit": 100})
            check(listed["total"] == 25, f"list total {listed['total']}, expected 25")
            same_everywhere(hosts, {"op": "stats"}, strip=("pending", "uptime_s", "inbox", "state", "connections", "problem",
                                                             "inbox_watch", "host", "this_host"))
            for q in ["加装电梯", "改造", "社区 居民", "梯"]:
                same_everywhere(hosts, {"op": "search", "q": q, "limit": 20})
            same_everywhere(hosts, {"op": "list", "theme": "elevator-retrofit", "limit": 50})
            some = listed["reports"][3]["id"]
            same_everywhere(hosts, {"op": "get", "report": some})
            same_everywhere(hosts, {"op": "themes"})
            same_everywhere(hosts, {"op": "failed"})
            for op in ({"op": "facts"}, {"op": "trends", "by": "theme"}, {"op": "digest"}):
                same_everywhere(hosts, op, strip=("generated",))

        def a_subscriber_on_a_hears_b_and_c():
            from_b_c = set()
            for n in range(4):
                drop(b.inbox, f"heard-b{n}.txt", report_text(seed[0] + n))
                drop(c.inbox, f"heard-c{n}.txt", report_text(seed[0] + 50 + n))
            seed[0] += 100
            hosts_idle(hosts, "reports on B and C")
            for h in (b, c):
                for n in range(4):
                    tag = "b" if h is b else "c"
                    got = ok(h, {"op": "get", "file": f"heard-{tag}{n}.txt"})
                    from_b_c.add(got["id"])
            wait_for("host A's subscriber to hear B's and C's reports",
                     lambda: from_b_c <= set(subscriber.reports()), timeout=60)
            heard = subscriber.reports()
            doubled = {r for r in from_b_c if heard.count(r) > 1}
            check(not doubled, f"events heard twice on A: {sorted(doubled)}")

        def kill9_mid_batch_loses_nothing():
            before = total_reports(a)
            count = 60
            for n in range(count):
                drop(b.inbox, f"burst{n}.txt", report_text(seed[0] + n))
            seed[0] += 100
            # Kill as soon as B has stored part of the burst: a batch is then in hand.
            wait_for("B to start storing the burst", lambda: total_reports(a) > before, timeout=PATIENCE)
            b.kill9()
            left = len([e for e in b.entries() if not e.startswith(".")])
            b.start(timeout=120)
            hosts_idle(hosts, "the burst after kill -9")
            check(total_reports(a) == before + count, f"{total_reports(a) - before} of {count} reports after kill -9 ({left} were left in the inbox)")
            check(not failed_files(b), f"files failed after kill -9: {failed_files(b)[:5]}")
            check(len([x for x in archived(b) if x.startswith("burst")]) == count, "every original of the burst is archived once")

        def database_stopped_for_10_s():
            before = total_reports(a)
            subprocess.run([CLUSTER_SH, "stop", CLUSTER], check=True)
            stopped = time.time()
            try:
                for n in range(6):
                    drop(c.inbox, f"away-c{n}.txt", report_text(seed[0] + n))
                    drop(a.inbox, f"away-a{n}.txt", report_text(seed[0] + 50 + n))
                seed[0] += 100
                wait_for("C to notice the database is away",
                         lambda: c.stats().get("store") == "unavailable", timeout=60)
                stats = c.stats()
                check(stats.get("problem") and "database" in stats["problem"], f"stats has no problem: {stats}")
                check(stats.get("reports") is None, "no report count without a database")
                answer = c.request({"op": "search", "q": "改造"})
                check(answer.get("error", {}).get("code") == "store_unavailable", f"search answered {answer}")
                time.sleep(max(0, 10 - (time.time() - stopped)))
                for h in hosts:
                    h.assert_alive("while the database was away")
                    check(not [f for f in failed_files(h) if f.startswith("away")], f"files failed while the database was away: {failed_files(h)}")
                check(len([e for e in c.entries() if e.startswith("away")]) == 6, "C kept its files in the inbox")
            finally:
                subprocess.run([CLUSTER_SH, "start", CLUSTER], check=True, stdout=subprocess.DEVNULL)
            hosts_idle(hosts, "the files dropped while the database was away")
            check(total_reports(a) == before + 12, f"{total_reports(a) - before} of 12 reports after the outage")
            for h in hosts:
                check(h.stats().get("store") == "available" and h.stats().get("problem") is None, f"{h.root} still reports a problem")
                check(not [f for f in failed_files(h) if f.startswith("away")], "files failed after the outage")

        def a_host_started_while_the_database_is_away():
            before = total_reports(a)
            subprocess.run([CLUSTER_SH, "stop", CLUSTER], check=True)
            d = Daemon(BINARY, config=f"store = {URL}\nhost_name = host-d\n")
            try:
                try:
                    d.start(timeout=60)   # answers ping: it did not fail to start
                    stats = d.stats()
                    check(stats.get("store") == "unavailable" and stats.get("problem") and "database" in stats["problem"],
                          f"D started without its database but says {stats}")
                    drop(d.inbox, "late-d0.txt", report_text(seed[0]))
                    seed[0] += 1
                    time.sleep(3)
                    d.assert_alive("while its database was away")
                    check("late-d0.txt" in d.entries(), "D kept its file in the inbox")
                    check(not failed_files(d), f"files failed on D: {failed_files(d)}")
                finally:
                    subprocess.run([CLUSTER_SH, "start", CLUSTER], check=True, stdout=subprocess.DEVNULL)
                wait_for("D to take its file once the database answers",
                         lambda: any(x.startswith("late-d0") for x in archived(d)), timeout=PATIENCE)
                check(total_reports(a) == before + 1, f"{total_reports(a) - before} reports from D, expected 1")
                check(d.stats().get("store") == "available" and d.stats().get("problem") is None, f"D still reports a problem: {d.stats()}")
            finally:
                d.stop()

        step("the same file dropped on two hosts is one report", same_file_on_two_hosts)
        step("every op answers the same from every host", every_op_answers_the_same)
        step("a subscriber on host A hears host B's and C's reports, once each", a_subscriber_on_a_hears_b_and_c)
        step("kill -9 of a daemon mid-batch loses nothing and stores nothing twice", kill9_mid_batch_loses_nothing)
        step("the database stopped for 10 s loses nothing and needs no person", database_stopped_for_10_s)
        step("a host started while the database is away waits for it, then takes its files", a_host_started_while_the_database_is_away)
    except Failure as e:
        results.append(False)
        print(f"FAIL {e}", flush=True)
    finally:
        if subscriber:
            subscriber.client.close()
        for h in hosts:
            try:
                h.stop()
            except Failure as e:
                print(f"FAIL {e}")
                results.append(False)
        if not all(results):
            for h in hosts:
                print(f"--- {h.log} (last lines)\n{h.log_tail(25)}")
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
