import Testing
@testable import Systemd

@Suite("sd_notify messages and passed sockets")
struct NotifyTests {
    @Test("messages are the assignments systemd expects")
    func messages() {
        #expect(NotifyMessage.ready(status: "watching /var/spool/renewald/inbox; 3 reports; 0 pending")
            == "READY=1\nSTATUS=watching /var/spool/renewald/inbox; 3 reports; 0 pending")
        #expect(NotifyMessage.reloading(monotonicMicroseconds: 1_234_567) == "RELOADING=1\nMONOTONIC_USEC=1234567")
        #expect(NotifyMessage.stopping(status: "draining") == "STOPPING=1\nSTATUS=draining")
        #expect(NotifyMessage.watchdog == "WATCHDOG=1")
    }

    @Test("a status with line breaks cannot inject assignments", arguments: [
        ("一行\nREADY=1", "STATUS=一行 READY=1"),
        ("a\r\nb\rc", "STATUS=a b c"),
        ("平常的状态", "STATUS=平常的状态"),
    ])
    func singleLine(text: String, expected: String) {
        #expect(NotifyMessage.status(text) == expected)
    }

    @Test("without NOTIFY_SOCKET/WATCHDOG_USEC the notifier is inert")
    func inert() {
        // The test runner is not a systemd service; libsystemd reports no watchdog.
        let notifier = ServiceNotifier()
        #expect(notifier.watchdogInterval == nil)
        #expect(notifier.watchdogPingInterval == nil)
        notifier.ready(status: "no-op")  // must not crash or block without a manager
    }

    @Test("passed sockets are found by name, else the only one", arguments: [
        ([PassedDescriptor(fd: 3, name: "renewald")], "renewald", 0 as Int?),
        ([PassedDescriptor(fd: 3, name: "unknown")], "renewald", 0),
        ([PassedDescriptor(fd: 3, name: "metrics"), PassedDescriptor(fd: 4, name: "renewald")], "renewald", 1),
        ([PassedDescriptor(fd: 3, name: "metrics"), PassedDescriptor(fd: 4, name: "unknown")], "renewald", nil),
        ([], "renewald", nil),
    ])
    func choose(passed: [PassedDescriptor], name: String, expected: Int?) {
        #expect(PassedDescriptor.choose(named: name, from: passed) == expected)
    }

    @Test("nothing passed means the daemon binds its own socket")
    func nothingPassed() {
        #expect(ListenedSockets.take(named: "renewald") == nil)
    }
}
