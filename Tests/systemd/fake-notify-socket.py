#!/usr/bin/env python3
"""Stand-in for the service manager's NOTIFY_SOCKET: log every sd_notify() datagram.

usage: fake-notify-socket.py PATH
Binds PATH (a datagram socket; '@name' for an abstract one) and prints one line per datagram:
    <seconds since start> pid=<sender> FIELD=...|FIELD=...
Passed file descriptors (BARRIER=1, FDSTORE=1) are closed at once, as systemd does for barriers.
Runs until killed.
"""
import os
import socket
import struct
import sys
import time

if len(sys.argv) != 2:
    sys.exit(__doc__)
path = sys.argv[1]
address = "\0" + path[1:] if path.startswith("@") else path
if not path.startswith("@") and os.path.exists(path):
    os.unlink(path)

sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(address)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
start = time.monotonic()
ancillary = socket.CMSG_SPACE(struct.calcsize("iII")) + socket.CMSG_SPACE(16 * 4)
while True:
    data, anc, _flags, _addr = sock.recvmsg(65536, ancillary)
    pid = "?"
    for level, kind, payload in anc:
        if level != socket.SOL_SOCKET:
            continue
        if kind == socket.SCM_CREDENTIALS:
            pid = struct.unpack("iII", payload[:12])[0]
        elif kind == socket.SCM_RIGHTS:
            usable = len(payload) - len(payload) % 4
            for (fd,) in struct.iter_unpack("i", payload[:usable]):
                os.close(fd)
    fields = data.decode("utf-8", "replace").strip("\n").split("\n")
    print(f"{time.monotonic() - start:8.3f} pid={pid} " + "|".join(fields), flush=True)
