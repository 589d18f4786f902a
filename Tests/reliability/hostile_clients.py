"""Hostile clients: each bad request gets its error code or is dropped by a documented limit, and a new
client's `ping` keeps answering promptly throughout.
"""
import json
import os
import random
import socket
import threading
import time

from harness import Client, Daemon, Failure, check, connect, drop

PROMPT = 0.5   # seconds a new client may wait for `pong` while others misbehave

# (request line, expected error code) — sent on one connection, each followed by a ping on it.
BAD_REQUESTS = [
    (b"{", "invalid_json"),
    (b"{\"op\":\"ping\"", "invalid_json"),
    (b"not json at all", "invalid_json"),
    (b"{\"op\":\"ping\",}", "invalid_json"),
    (b"{'op':'ping'}", "invalid_json"),
    (b"\xff\xfe\x00\x01garbage\x00", "invalid_json"),
    (b"{\"op\":\"\xff\xfe\"}", "invalid_json"),
    (b"[1,2,3]", "invalid_json"),
    (b"\"ping\"", "invalid_json"),
    (b"42", "invalid_json"),
    (b"null", "invalid_json"),
    (b"[" * 60000, "invalid_json"),
    (b"{\"a\":" * 12000, "invalid_json"),
    (b"{\"op\":\"ping\"} trailing", "invalid_json"),
    (b"{\"op\":\"search\",\"q\":\"\\ud800\"}", "invalid_json"),   # a lone surrogate
    (b"{\"op\":\"ping\",\"id\":1e400}", "invalid_json"),   # beyond a double: not representable
    (b"{\"op\":\"no_such_op\"}", "unknown_op"),
    (b"{\"op\":\"\"}", "unknown_op"),
    (b"{}", "bad_request"),
    (b"{\"id\":1}", "bad_request"),
    (b"{\"op\":1}", "bad_request"),
    (b"{\"op\":null}", "bad_request"),
    (b"{\"op\":[\"ping\"]}", "bad_request"),
    (b"{\"op\":\"ping\",\"id\":{\"x\":1}}", "bad_request"),
    (b"{\"op\":\"list\",\"limit\":\"many\"}", "bad_request"),
    (b"{\"op\":\"list\",\"limit\":1e308}", "bad_request"),
    (b"{\"op\":\"list\",\"limit\":-1}", "bad_request"),
    (b"{\"op\":\"list\",\"offset\":-5}", "bad_request"),
    (b"{\"op\":\"list\",\"limit\":99999999999999999999999}", "bad_request"),
    (b"{\"op\":\"list\",\"since\":\"yesterday\"}", "bad_request"),
    (b"{\"op\":\"list\",\"theme\":7}", "bad_request"),
    (b"{\"op\":\"get\"}", "bad_request"),
    (b"{\"op\":\"get\",\"report\":5}", "bad_request"),
    (b"{\"op\":\"get\",\"report\":\"0000000000000000\"}", "not_found"),
    (b"{\"op\":\"get\",\"file\":\"\\u0000\"}", "not_found"),
    (b"{\"op\":\"search\"}", "bad_request"),
    (b"{\"op\":\"search\",\"q\":[1]}", "bad_request"),
    (b"{\"op\":\"search\",\"q\":\"   \"}", "bad_request"),
    (b"{\"op\":\"classify\"}", "bad_request"),
    (b"{\"op\":\"classify\",\"text\":null}", "bad_request"),
    (b"{\"op\":\"classify\",\"text\":{}}", "bad_request"),
    (b"{\"op\":\"failed\",\"limit\":true}", "bad_request"),
    (b"{\"op\":\"subscribe\",\"events\":\"ingested\"}", "bad_request"),
    (b"{\"op\":\"subscribe\",\"events\":[\"nope\"]}", "bad_request"),
    (b"{\"op\":\"label\"}", "bad_request"),
    (b"{\"op\":\"label\",\"report\":\"x\",\"article\":\"a\",\"themes\":[]}", "bad_request"),
    (b"{\"op\":\"label\",\"report\":\"x\",\"article\":0,\"themes\":\"a\"}", "bad_request"),
]

# Requests that must succeed however odd they look.
ODD_BUT_FINE = [
    b"{\"op\":\"search\",\"q\":\"\\\"\\\"\\\" OR AND NOT * ^ :\"}",
    b"{\"op\":\"search\",\"q\":\"\\u0000 \xe7\xa4\xbe\xe5\x8c\xba\"}",
    b"{\"op\":\"search\",\"q\":\"NEAR(a b) \\\"x\\\" *\"}",
    b"{\"op\":\"classify\",\"text\":\"\"}",
    b"{\"op\":\"classify\",\"text\":\"\\u0000\\u0001\\u0002\"}",
    b"{\"op\":\"list\",\"place\":\"%_\\\\\"}",
    b"{\"op\":\"ping\",\"op\":\"ping\"}",
    b"  {\"op\":\"ping\"}  \r",
]


def run(binary):
    d = Daemon(binary, config="idle_timeout_s = 4\nmax_request_bytes = 65536\n")
    d.start()
    try:
        counts = {}
        for name, test in [("errors", errors), ("garbage", garbage), ("oversized", oversized),
                           ("slowloris", slowloris), ("idle", idle), ("half_close", half_close),
                           ("pipelined", pipelined), ("never_reads", never_reads),
                           ("deaf_subscriber", deaf_subscriber)]:
            counts[name] = test(d)
            d.assert_alive(f"after the {name} clients")
            check(d.ping_time() < PROMPT, f"ping slow after the {name} clients")
        print("  clients: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    except BaseException:
        d.kill9()   # the first failure is the one to report
        raise
    status = d.stop()
    check(status == 0, f"renewald exited with {status} after the hostile clients")
    print("  clients: " + too_many(binary))


def too_many(binary, clients=1100):
    """More connections than max_connections (1024) under systemd's default open-file limit (1024 soft):
    a new client is answered at once, `overloaded` while they are all open, `pong` once they go."""
    d = Daemon(binary, wrapper=["prlimit", "--nofile=1024:4096", "--"])
    d.start()
    socks = []
    try:
        for _ in range(clients):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connect(s, d.socket)
            socks.append(s)
        time.sleep(0.5)
        t0 = time.time()
        with Client(d.socket, timeout=5) as c:
            try:
                c.send(b"{\"op\":\"ping\"}\n")
            except OSError:
                pass   # already answered and closed
            answer = c.read_json()
        took = time.time() - t0
        check(answer.get("error", {}).get("code") == "overloaded", f"client {clients + 1} got {answer}")
        check(took < PROMPT, f"client {clients + 1} waited {took:.1f} s for its answer")
        for s in socks:
            s.close()
        time.sleep(0.5)
        check(d.ping_time() < PROMPT, "ping slow after the crowd left")
    except BaseException:
        d.kill9()
        raise
    check(d.stop() == 0, "unclean exit after too many clients")
    return f"{clients} connections at 1024 open files: the next got overloaded in {took:.2f} s"


def errors(d):
    """Every malformed or ill-typed request gets its code, and the connection stays usable."""
    with Client(d.socket) as c:
        for i, (line, code) in enumerate(BAD_REQUESTS):
            c.send(line + b"\n")
            answer = c.read_json()
            got = answer.get("error", {}).get("code")
            check(answer.get("ok") is False and got == code, f"{line[:60]!r}: expected {code}, got {answer}")
            check(c.request({"op": "ping", "id": i}) == {"id": i, "ok": True, "result": {"pong": True}},
                  f"the connection is unusable after {line[:60]!r}")
        for line in ODD_BUT_FINE:
            c.send(line + b"\n")
            answer = c.read_json()
            check(answer.get("ok") is True, f"{line!r}: expected success, got {answer}")
    return len(BAD_REQUESTS) + len(ODD_BUT_FINE)


def garbage(d, lines=3000):
    """Random binary lines in one stream: one invalid_json each, in order."""
    rng = random.Random(6)
    with Client(d.socket) as c:
        payload = b"".join(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 200))).replace(b"\n", b"") + b"\n"
                           for _ in range(lines))
        sent = payload.count(b"\n")
        blank = sum(1 for l in payload.split(b"\n")[:-1] if l.strip(b" \t\r") == b"" or l == b"\r")
        c.send(payload)
        c.send(b"{\"op\":\"ping\",\"id\":\"end\"}\n")
        answers = 0
        while True:
            answer = c.read_json()
            if answer.get("id") == "end":
                break
            check(answer.get("ok") is False, f"garbage accepted: {answer}")
            answers += 1
        # Blank lines are ignored (documented); everything else gets one answer.
        check(answers >= sent - blank - 1 and answers <= sent, f"{answers} answers for {sent} garbage lines")
    return sent


def oversized(d):
    """A line over max_request_bytes gets too_large and the connection stays; three in a row close it."""
    big = b"{\"op\":\"classify\",\"text\":\"" + b"x" * 70000 + b"\"}\n"
    with Client(d.socket) as c:
        c.send(big)
        check(c.read_json()["error"]["code"] == "too_large", "an oversized line did not get too_large")
        check(c.request({"op": "ping"})["ok"], "the connection is unusable after one oversized line")
        for _ in range(3):
            c.send(big)
        codes = []
        while (line := c.read_line()) is not None:
            codes.append(json.loads(line)["error"]["code"])
        check(codes == ["too_large"] * 3, f"three oversized lines in a row: answers {codes}, then the close")
    # Far beyond the limit, in one write without any newline: answered, then closed, memory bounded.
    before = d.rss_kib()
    with Client(d.socket) as c:
        try:
            c.send(b"x" * (64 << 20))
        except OSError:
            pass   # closed by the server
    check(d.rss_kib() - before < 64 * 1024, f"a 64 MiB line grew memory by {(d.rss_kib() - before) // 1024} MiB")
    return 5


def slowloris(d, clients=20):
    """Clients dripping a byte at a time: each is answered once its line is complete, and a client
    that never completes a line is closed after the idle timeout (idle_timeout_s = 4 here)."""
    socks = []
    for _ in range(clients):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connect(s, d.socket)
        s.settimeout(10)
        socks.append(s)
    request = b"{\"op\":\"ping\",\"id\":\"slow\"}\n"
    for byte in request:
        for s in socks:
            s.send(bytes([byte]))
        check(d.ping_time() < PROMPT, "ping is slow while slowloris clients drip")
        time.sleep(0.02)
    for s in socks:
        line = s.recv(4096)
        check(line.startswith(b"{\"id\":\"slow\",\"ok\":true"), f"a slow client got {line!r}")
    # Now drip forever without a newline, a byte every 0.5 s (more often than the idle timeout).
    t0 = time.time()
    closed = set()
    while len(closed) < len(socks) and time.time() - t0 < 15:
        for i, s in enumerate(socks):
            if i in closed:
                continue
            try:
                s.send(b"x")
            except OSError:
                closed.add(i)
        time.sleep(0.5)
    elapsed = time.time() - t0
    for s in socks:
        s.close()
    check(len(closed) == len(socks), f"{len(socks) - len(closed)} dripping clients still connected after {elapsed:.0f} s "
          "(a line must be completed within idle_timeout_s)")
    return clients


def idle(d, clients=600):
    """Hundreds of connections that say nothing: a new client is still served; the idle timeout closes them."""
    socks = []
    for _ in range(clients):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connect(s, d.socket)
        socks.append(s)
    check(d.ping_time() < PROMPT, f"ping slow with {clients} idle connections")
    time.sleep(6)   # idle_timeout_s = 4
    dropped = 0
    for s in socks:
        s.settimeout(2)
        try:
            if s.recv(1) == b"":
                dropped += 1
        except OSError:
            pass
        s.close()
    check(dropped == clients, f"only {dropped} of {clients} idle connections were closed after the idle timeout")
    return clients


def half_close(d, clients=50):
    """A client that shuts its sending side after the request still gets every answer, then EOF."""
    for i in range(clients):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        connect(s, d.socket)
        s.sendall(b"{\"op\":\"stats\",\"id\":1}\n{\"op\":\"ping\",\"id\":2}")   # the last line without newline
        s.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
        s.close()
        lines = [json.loads(l) for l in data.splitlines()]
        check([l.get("id") for l in lines] == [1, 2] and all(l["ok"] for l in lines), f"half-closed client got {data[:200]!r}")
    return clients


def pipelined(d, count=5000):
    """Thousands of requests in one write: every one answered, in order."""
    with Client(d.socket, timeout=60) as c:
        ops = ["ping", "stats", "hello", "themes", "list"]
        payload = b"".join(json.dumps({"op": ops[i % len(ops)], "id": i}).encode() + b"\n" for i in range(count))
        reader_done = threading.Event()
        answers = []

        def read():
            while len(answers) < count:
                answers.append(c.read_json())
            reader_done.set()

        t = threading.Thread(target=read, daemon=True)
        t.start()
        c.send(payload)
        t.join(60)
        check(reader_done.is_set(), f"only {len(answers)} of {count} pipelined requests were answered")
        ids = [a.get("id") for a in answers]
        check(ids == list(range(count)), "pipelined answers out of order")
        bad = [a for a in answers if not a.get("ok")]
        check(not bad, f"{len(bad)} pipelined requests failed, e.g. {bad[:1]}")
    return count


def never_reads(d, count=200000):
    """A client that writes requests and never reads the answers: the server stops reading it once its
    answers back up, so its memory stays bounded, and others are served."""
    before = d.rss_kib()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connect(s, d.socket)
    s.settimeout(3)
    payload = b"{\"op\":\"hello\"}\n" * count
    sent = 0
    try:
        while sent < len(payload):
            sent += s.send(payload[sent:sent + 65536])
    except OSError:
        pass   # blocked: the server applies back-pressure
    check(d.ping_time() < PROMPT, "ping slow while a client refuses to read")
    grown = d.rss_kib() - before
    s.close()
    check(sent < len(payload), f"the server read all {count} requests of a client that reads no answers "
          "(no back-pressure: its answers pile up in memory)")
    check(grown < 64 * 1024, f"a client that never reads grew the daemon by {grown // 1024} MiB "
          f"({sent // 15} requests sent)")
    return sent // 15


def deaf_subscriber(d, files=2500):
    """A subscriber that never reads while thousands of events happen: dropped once it falls 1 MiB behind;
    ingest goes on."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connect(s, d.socket)
    s.sendall(b"{\"op\":\"subscribe\"}\n")
    time.sleep(0.3)
    before = d.rss_kib()
    stem = "很长的文件名" * 13   # 234 bytes: long events fill the backlog sooner
    for i in range(files):
        with open(os.path.join(d.inbox, f"{stem}{i:05d}"), "wb"):
            pass   # empty: fails fast, each with a long `failed` event
    d.wait_idle(timeout=240, what="the empty files to be failed")
    check(d.ping_time() < PROMPT, "ping slow after a deaf subscriber")
    s.settimeout(5)
    received = 0
    try:
        while chunk := s.recv(1 << 20):
            received += len(chunk)
    except OSError as e:
        raise Failure(f"the deaf subscriber was not disconnected ({received} bytes waiting, {e})")
    grown = d.rss_kib() - before
    check(grown < 64 * 1024, f"a deaf subscriber grew the daemon by {grown // 1024} MiB")
    s.close()
    return files
