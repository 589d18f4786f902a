#!/usr/bin/env python3
"""Runs the reliability tests against a renewald binary; prints what each tried, then `N passed, N failed`.

Usage: reliability.py BINARY [TEST…]   (tests: crash, disk, hostile_files, hostile_clients; default all)
"""
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import crash  # noqa: E402
import disk  # noqa: E402
import hostile_clients  # noqa: E402
import hostile_files  # noqa: E402

TESTS = {
    "crash": crash.run,
    "disk": disk.run,
    "hostile_files": hostile_files.run,
    "hostile_clients": hostile_clients.run,
}


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    if not os.access(binary, os.X_OK):
        print(f"reliability: no executable at {binary}")
        return 2
    names = sys.argv[2:] or list(TESTS)
    passed = failed = 0
    for name in names:
        if name not in TESTS:
            print(f"reliability: unknown test {name}; tests are {', '.join(TESTS)}")
            return 2
        t0 = time.time()
        print(f"-- {name}", flush=True)
        try:
            TESTS[name](binary)
            print(f"PASS {name} ({time.time() - t0:.0f} s)", flush=True)
            passed += 1
        except Exception as error:  # a Failure, or anything the test did not expect
            detail = str(error) if error.__class__.__name__ == "Failure" else traceback.format_exc()
            print(f"FAIL {name} ({time.time() - t0:.0f} s): {detail}", flush=True)
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
