#!/usr/bin/env python3
"""Small tools nspawn-hostile.sh runs inside the container (as a group member or as root).

  pinger OUT           ping the daemon every 0.2 s; append "epoch_s latency_ms ok|fail" lines to OUT
  maxping OUT          the largest latency in OUT, in ms (a failed ping counts as 99999)
  slowwrite PATH S     open PATH once and append a numbered line every 0.25 s for S seconds, then close
  bigfiles DIR N MB    write N text files of MB MiB each into DIR (as .part, then renamed in)
  mksock PATH          leave a bound Unix socket file at PATH
  bigline MB [FLAG]    one request line of MB megabytes (a ping with ~90,000 keys) sent to the daemon;
                       FLAG is created once the line is sent
  watchdoggap          read `journalctl -o json` on stdin; print the largest gap between WATCHDOG=1
                       notifications (ms) and their count
"""
import json, os, socket, sys, time

SOCK = "/run/renewald/renewald.sock"
PARAGRAPH = ("灯笼巷社区老旧小区改造和加装电梯工作简报。今年以来，社区把老旧小区改造作为民生实事，"
             "完成屋面防水、外墙保温和雨污管网改造，居民经过多轮协商同意加装电梯。\n")


def ping_once(timeout=5.0):
    t = time.monotonic()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(SOCK)
            s.sendall(b'{"op":"ping"}\n')
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        ok = b'"pong":true' in data
    except OSError:
        ok = False
    return (time.monotonic() - t) * 1000, ok


def main():
    cmd = sys.argv[1]
    if cmd == "pinger":
        with open(sys.argv[2], "a", buffering=1) as out:
            while True:
                ms, ok = ping_once()
                out.write(f"{time.time():.3f} {ms:.1f} {'ok' if ok else 'fail'}\n")
                time.sleep(0.2)
    elif cmd == "maxping":
        worst = 0.0
        for line in open(sys.argv[2]):
            parts = line.split()
            if len(parts) == 3:
                worst = max(worst, float(parts[1]) if parts[2] == "ok" else 99999.0)
        print(int(worst))
    elif cmd == "slowwrite":
        end = time.monotonic() + float(sys.argv[3])
        n = 0
        with open(sys.argv[2], "w") as f:
            while time.monotonic() < end:
                n += 1
                f.write(f"第{n}行：" + PARAGRAPH)
                f.flush()
                time.sleep(0.25)
        print(os.path.getsize(sys.argv[2]))
    elif cmd == "bigfiles":
        directory, count, mb = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        for i in range(count):
            block = "".join(f"第{i}份第{j}段：" + PARAGRAPH for j in range(200)).encode()
            part = os.path.join(directory, f".big{i}.txt.part")
            with open(part, "wb") as f:
                written = 0
                while written < mb << 20:
                    f.write(block)
                    written += len(block)
            os.rename(part, os.path.join(directory, f"big{i}.txt"))
    elif cmd == "mksock":
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(sys.argv[2])
    elif cmd == "bigline":
        size = int(float(sys.argv[2]) * 1000 * 1000)
        keys, n, length = [], 0, 0
        while length + 20 < size:   # many distinct keys: the shape a quadratic duplicate check chokes on
            keys.append(f'"k{n}":0,')
            length += len(keys[-1])   # a running total: summing the list each time took minutes
            n += 1
        line = ('{' + "".join(keys) + '"op":"ping"}\n').encode()
        t = time.monotonic()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(60)
            s.connect(SOCK)
            s.sendall(line)
            if len(sys.argv) > 3:   # tell the caller the line is in: its ping then races the parse
                open(sys.argv[3], "w").close()
            data = b""
            try:
                while not data.endswith(b"\n"):
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            except OSError:
                pass
        print(f"{len(line)} bytes answered in {(time.monotonic() - t) * 1000:.0f} ms: {data[:120]!r}")
    elif cmd == "watchdoggap":
        stamps = []
        for line in sys.stdin:
            try:
                e = json.loads(line)
            except ValueError:
                continue
            msg = e.get("MESSAGE")
            if isinstance(msg, str) and "Got notification message" in msg and "WATCHDOG=1" in msg:
                stamps.append(int(e["__MONOTONIC_TIMESTAMP"]))
        gaps = [(b - a) // 1000 for a, b in zip(stamps, stamps[1:])]
        print(max(gaps) if gaps else -1, len(stamps))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
