#!/usr/bin/env python3
"""usage: search-latency.py SOCKET SECONDS

Sends `search` requests one after another on one connection for SECONDS and prints
`count p50_ms p99_ms pending_at_start pending_at_end` (pending from `stats`), then the five slowest
searches (seconds into the window, term, ms, total), to tell a slow query from a stalled daemon."""
import json, socket, sys, time

TERMS = ["加装电梯", "电梯", "老旧小区", "物业", "社区", "改造", "管网", "停车", "养老", "垃圾分类"]

def main():
    path, seconds = sys.argv[1], float(sys.argv[2])
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    f = s.makefile("rwb")

    def ask(obj):
        f.write((json.dumps(obj, ensure_ascii=False) + "\n").encode())
        f.flush()
        return json.loads(f.readline())

    pending_start = ask({"op": "stats"})["result"]["pending"]
    log = []   # (seconds into the window, term, ms, total)
    start = time.monotonic()
    end = start + seconds
    i = 0
    while time.monotonic() < end:
        term = TERMS[i % len(TERMS)]
        t0 = time.perf_counter()
        answer = ask({"op": "search", "q": term, "limit": 20})
        ms = (time.perf_counter() - t0) * 1000
        if not answer.get("ok"):
            print("search failed:", answer, file=sys.stderr)
            sys.exit(1)
        log.append((time.monotonic() - start, term, ms, answer["result"]["total"]))
        i += 1
    pending_end = ask({"op": "stats"})["result"]["pending"]
    times = sorted(ms for _, _, ms, _ in log)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{len(times)} {p(0.5):.2f} {p(0.99):.2f} {pending_start} {pending_end}")
    for at, term, ms, total in sorted(log, key=lambda x: -x[2])[:5]:
        print(f"      slowest: {at:.2f} s into the window, {term}, {ms:.2f} ms, total {total}")

main()
