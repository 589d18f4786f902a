import Testing
@testable import Systemd

@Suite("JOURNAL_STREAM parsing")
struct JournalStreamTests {
    @Test("valid dev:ino values parse", arguments: [
        ("8:12345", JournalStream(device: 8, inode: 12345)),
        ("0:0", JournalStream(device: 0, inode: 0)),
        ("18446744073709551615:1", JournalStream(device: UInt64.max, inode: 1)),
    ])
    func valid(value: String, expected: JournalStream) {
        #expect(JournalStream(value) == expected)
    }

    @Test("anything else is rejected", arguments: [
        "", ":", "8:", ":12", "8", "8:12:3", "-8:12", "+8:12", " 8:12", "8:12 ", "0x8:12", "8:1a",
        "18446744073709551616:1",
    ])
    func invalid(value: String) {
        #expect(JournalStream(value) == nil)
    }

    @Test("matching compares both device and inode")
    func matching() {
        let stream = JournalStream(device: 8, inode: 12345)
        #expect(stream.matches(device: 8, inode: 12345))
        #expect(!stream.matches(device: 9, inode: 12345))
        #expect(!stream.matches(device: 8, inode: 12346))
    }
}
