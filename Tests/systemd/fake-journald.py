#!/usr/bin/env python3
"""Stand-in for journald's native socket: print each entry as one JSON object per line.

usage: fake-journald.py SOCKET_PATH
Understands the native protocol: KEY=VALUE lines, binary-safe KEY\\n<le64 length><bytes>\\n fields, and
entries too big for a datagram, which arrive as a memfd. A field sent more than once (journald keeps
every value) becomes a JSON list, as `journalctl -o json` shows it. Adds _PID from the credentials.
Only run it where /run/systemd is a private tmpfs (see with-fake-journal.sh).
"""
import array
import json
import os
import socket
import struct
import sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
path = sys.argv[1]
os.makedirs(os.path.dirname(path), exist_ok=True)
if os.path.exists(path):
    os.unlink(path)
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
os.chmod(path, 0o666)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)


def parse(buf):
    entry, i = {}, 0
    while i < len(buf):
        end = buf.find(b"\n", i)
        if end < 0:
            break
        line = buf[i:end]
        if b"=" in line:
            key, value = line.split(b"=", 1)
            i = end + 1
        else:
            key = line
            (size,) = struct.unpack_from("<Q", buf, end + 1)
            value = buf[end + 9:end + 9 + size]
            i = end + 9 + size + 1
        key, value = key.decode(), value.decode("utf-8", "replace")
        if key in entry:
            entry[key] = (entry[key] if isinstance(entry[key], list) else [entry[key]]) + [value]
        else:
            entry[key] = value
    return entry


while True:
    fds = array.array("i")
    data, anc, _flags, _addr = sock.recvmsg(1 << 20, socket.CMSG_SPACE(64))
    pid = None
    for level, kind, payload in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = struct.unpack("iII", payload[:12])[0]
        elif level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
    for fd in fds:
        data = os.pread(fd, 1 << 26, 0)
        os.close(fd)
    entry = parse(data)
    entry["_PID"] = str(pid)
    print(json.dumps(entry, ensure_ascii=False, sort_keys=True), flush=True)
