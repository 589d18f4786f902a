"""Shared pieces of the reliability tests: a real renewald on temporary directories, a line client,
and the checks every test ends with (nothing lost, nothing stored twice, the database intact).

Standard library only: CI has python3, sqlite3 and nothing else.
"""
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time


class Failure(Exception):
    """A broken promise of the daemon, in words a person understands."""


def check(condition, message):
    if not condition:
        raise Failure(message)


class Daemon:
    """A renewald process on its own inbox, state directory and socket."""

    def __init__(self, binary, root=None, config="", state=None, env=None, wrapper=None):
        self.binary = os.path.abspath(binary)
        self.root = root or tempfile.mkdtemp(prefix="renewald-rel-")
        self.inbox = os.path.join(self.root, "inbox")
        self.state = state or os.path.join(self.root, "state")
        self.socket = os.path.join(self.root, "renewald.sock")
        self.config = os.path.join(self.root, "renewald.conf")
        self.log = os.path.join(self.root, "daemon.log")
        self.env = env or {}
        # A command prefix (setpriv, prlimit…) to run the daemon under.
        self.wrapper = wrapper or []
        self.proc = None
        os.makedirs(self.inbox, exist_ok=True)
        with open(self.config, "w") as f:
            f.write(config)

    @property
    def archive(self):
        return os.path.join(self.state, "archive")

    @property
    def failed_dir(self):
        return os.path.join(self.state, "failed")

    @property
    def database(self):
        return os.path.join(self.state, "renewald.sqlite")

    def start(self, timeout=30):
        env = dict(os.environ)
        for k in ("NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "JOURNAL_STREAM", "WATCHDOG_USEC"):
            env.pop(k, None)
        env.update(self.env)
        log = open(self.log, "ab")
        self.proc = subprocess.Popen(
            self.wrapper + [self.binary, "serve", "--inbox", self.inbox, "--state", self.state,
                            "--socket", self.socket, "--config", self.config],
            stdout=log, stderr=log, env=env, start_new_session=True)
        log.close()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"renewald exited at start with {self.proc.returncode}: {self.log_tail()}")
            try:
                with Client(self.socket, timeout=2) as c:
                    if c.request({"op": "ping"}).get("ok"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise Failure(f"renewald did not answer ping within {timeout} s: {self.log_tail()}")

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self, timeout=30):
        """SIGTERM and a clean exit; returns the exit status."""
        if not self.proc:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise Failure(f"renewald did not stop within {timeout} s of SIGTERM")
        return self.proc.returncode

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def assert_alive(self, what):
        if not self.alive():
            raise Failure(f"renewald died ({self.proc.returncode}) {what}: {self.log_tail()}")

    def log_text(self):
        try:
            with open(self.log, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def log_tail(self, n=15):
        return "\n".join(self.log_text().splitlines()[-n:])

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def request(self, obj, timeout=20):
        with Client(self.socket, timeout=timeout) as c:
            return c.request(obj)

    def stats(self):
        answer = self.request({"op": "stats"})
        check(answer.get("ok"), f"stats failed: {answer}")
        return answer["result"]

    def ping_time(self, timeout=5):
        """Seconds a new client waits for `pong`; raises when it does not come."""
        t0 = time.time()
        with Client(self.socket, timeout=timeout) as c:
            answer = c.request({"op": "ping", "id": "probe"})
        check(answer.get("ok") and answer.get("id") == "probe", f"ping answered {answer}")
        return time.time() - t0

    def wait_idle(self, timeout=120, what="the inbox to drain"):
        """Until nothing is pending and the inbox holds no takeable entry."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.assert_alive(f"while waiting for {what}")
            try:
                pending = self.stats()["pending"]
            except (OSError, ValueError):
                pending = -1
            # Subfolders stay (they are where files are dropped); what is in them must be taken.
            left = [n for n in self.entries() if not os.path.basename(n).startswith(".")]
            if pending == 0 and not left:
                return
            time.sleep(0.2)
        raise Failure(f"timed out waiting for {what}: pending={pending}, inbox={sorted(left)[:10]}")

    def entries(self):
        """Every entry of the inbox tree but the (real) folders, as paths relative to the inbox."""
        found = []
        for folder, dirs, files in os.walk(self.inbox):
            dirs[:] = [x for x in dirs if not x.startswith(".")]
            rel = os.path.relpath(folder, self.inbox)
            found += [n if rel == "." else os.path.join(rel, n) for n in files]
            found += [x if rel == "." else os.path.join(rel, x) for x in os.listdir(folder)
                      if os.path.islink(os.path.join(folder, x)) and x not in files]
        return found

    def db(self):
        """The database, read-only, as the sqlite3 module sees it."""
        return sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)


def connect(sock, path, timeout=5):
    """Connects, waiting while the listen backlog is full (EAGAIN on Unix sockets), as clients do."""
    deadline = time.time() + timeout
    while True:
        try:
            sock.connect(path)
            return
        except BlockingIOError:
            if time.time() > deadline:
                raise Failure(f"the listen backlog of {path} stayed full for {timeout} s")
            time.sleep(0.01)


class Client:
    """A blocking NDJSON client on the Unix socket."""

    def __init__(self, path, timeout=20):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        connect(self.sock, path, timeout)
        self.buffer = b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def send(self, data):
        self.sock.sendall(data if isinstance(data, bytes) else data.encode())

    def read_line(self):
        """The next line (bytes, without newline), or None at end of stream."""
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def read_json(self):
        line = self.read_line()
        if line is None:
            raise Failure("the server closed the connection")
        return json.loads(line)

    def request(self, obj):
        self.send(json.dumps(obj, ensure_ascii=False) + "\n")
        return self.read_json()


# MARK: text to drop

PLACES = ["成都", "重庆", "杭州", "武汉", "西安", "南京", "长沙", "青岛", "沈阳", "昆明"]
TOPICS = [
    ("老旧小区改造", "完成外墙保温、屋面防水和管网更新，居民满意度明显提升"),
    ("加装电梯", "协调低层住户意见，居民按楼层分摊费用，新装电梯已投入运行"),
    ("社区治理", "社区党委牵头成立议事会，居民共商停车和绿化问题"),
    ("物业服务", "引入专业物业公司，建立维修资金使用公示制度"),
    ("适老化改造", "增设扶手和无障碍坡道，为独居老人安装紧急呼叫设备"),
]


def report_text(seed):
    """A small plausible report, different for every seed (so every file is its own report)."""
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    topic, detail = rng.choice(TOPICS)
    lines = [f"{place}推进{topic}工作（第{seed}期）",
             f"本报讯　今年以来，{place}共改造小区{rng.randint(3, 300)}个，{detail}。",
             f"截至{rng.randint(1, 12)}月底，惠及居民{rng.randint(100, 9000)}户，投入资金{rng.randint(1, 90)}亿元。",
             f"编号{seed}-{rng.getrandbits(48):012x}。"]
    return ("\n".join(lines) + "\n").encode()


def drop(inbox, name, data):
    """Writes under a dot-name and renames into place, as careful writers do."""
    tmp = os.path.join(inbox, ".incoming-" + str(os.getpid()) + "-" + str(random.getrandbits(40)))
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, os.path.join(inbox, name) if isinstance(name, str) else os.path.join(inbox.encode(), name))


def integrity(daemon):
    """`PRAGMA integrity_check` on the database through the sqlite3 CLI (read-only)."""
    out = subprocess.run(["sqlite3", "-readonly", daemon.database, "PRAGMA integrity_check;"],
                         capture_output=True, text=True, timeout=120)
    return (out.stdout + out.stderr).strip()
