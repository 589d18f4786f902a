import Foundation
import TestSupport
import Testing
@testable import Inbox

@Suite struct InboxTests {
    let root: String

    init() throws {
        root = try TemporaryDirectory("renewald-inbox", subdirectories: ["in"]).path
    }

    func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: root + "/in/" + name, contents: Data(text.utf8))
    }

    static func bytes(_ intake: Intake) -> [UInt8]? {
        if case .regular(let bytes, _) = intake { return bytes }
        return nil
    }

    @Test(arguments: [(".hidden", true), ("a.tmp", true), ("a.part", true), ("a.txt", false), ("partial", false)])
    func inProgressNames(name: String, inProgress: Bool) {
        #expect(FileName(name).isInProgress == inProgress)
    }

    @Test func variantsKeepTheExtension() {
        #expect(FileName("a.txt").variant(0).description == "a.txt")
        #expect(FileName("a.txt").variant(2).description == "a.2.txt")
        #expect(FileName("README").variant(1).description == "README.1")
    }

    /// A name already at NAME_MAX still gets variants the file system takes, cut on a character.
    @Test func variantsOfTheLongestNamesFit() {
        let long = FileName(bytes: Array(("报告" + String(repeating: "长", count: 82) + ".txt").utf8))   // 256 → cut below
        for n in [0, 1, 12, 99_999] {
            let v = long.variant(n)
            #expect(v.bytes.count <= 255)
            #expect(String(validating: v.bytes, as: UTF8.self) != nil, "cut inside a character: \(v.bytes.suffix(8))")
            #expect(v.description.hasSuffix(n == 0 ? "长.txt" : "长.\(n).txt"))
        }
        #expect(long.variant(0, maxBytes: 243).bytes.count <= 243)
        #expect(FileName("a.txt").variant(3, maxBytes: 243).description == "a.3.txt")
    }

    @Test func theLongestNamesCanBeShelvedTwiceWithANoteBeside() throws {
        let shelf = try Shelf(directory: root + "/failed")
        let name = String(repeating: "x", count: 255)
        for _ in 0..<2 {
            write(name, "x")
            let target = shelf.freeName(for: FileName(name), reserving: 12)
            try shelf.move(FileName(name), from: root + "/in", to: target)
            try shelf.writeNote(named: FileName(bytes: target.bytes + Array(".reason.json".utf8)), contents: "{}")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/failed")
        #expect(names.count == 4)
        #expect(names.allSatisfy { $0.utf8.count <= 255 })
    }

    @Test func readsRegularFilesWithinTheLimit() {
        write("a.txt", "社区")
        let intake = FileIntake(directory: root + "/in", maxBytes: 100)
        #expect(Self.bytes(intake.read(FileName("a.txt"))) == Array("社区".utf8))
        #expect(intake.read(FileName("gone.txt")) == .vanished)
        write("big.txt", String(repeating: "x", count: 101))
        #expect(intake.read(FileName("big.txt")) == .tooLarge(size: 101))
    }

    /// A `cp` still writing (or a writer caught by the start-up scan) is left alone until it closes.
    @Test func leavesFilesThatAreStillOpenForWriting() throws {
        write("copying.txt", "社区")
        let writer = open(root + "/in/copying.txt", O_WRONLY | O_APPEND)
        #expect(writer >= 0)
        let intake = FileIntake(directory: root + "/in", maxBytes: 100)
        #expect(intake.read(FileName("copying.txt")) == .beingWritten)
        close(writer)
        #expect(Self.bytes(intake.read(FileName("copying.txt"))) == Array("社区".utf8))
    }

    @Test func neverFollowsLinksOrOpensSpecialFiles() throws {
        write("target.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: root + "/in/link", withDestinationPath: "/etc/passwd")
        try FileManager.default.createDirectory(atPath: root + "/in/dir", withIntermediateDirectories: false)
        #expect(mkfifo(root + "/in/fifo", 0o600) == 0)
        let intake = FileIntake(directory: root + "/in", maxBytes: 100)
        #expect(intake.read(FileName("link")) == .notRegular(kind: "symbolic link"))
        #expect(intake.read(FileName("dir")) == .notRegular(kind: "directory"))
        #expect(intake.read(FileName("fifo")) == .notRegular(kind: "FIFO"))
    }

    @Test func shelvingNeverReplacesAFile() throws {
        let shelf = try Shelf(directory: root + "/archive")
        for _ in 0..<3 {
            write("same.txt", "x")
            let target = shelf.freeName(for: FileName("same.txt"))
            try shelf.move(FileName("same.txt"), from: root + "/in", to: target)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/archive").sorted()
        #expect(names == ["same.1.txt", "same.2.txt", "same.txt"])
        #expect(!FileManager.default.fileExists(atPath: root + "/in/same.txt"))
    }

    @Test func namesWithInvalidUTF8AreMovedByTheirBytes() throws {
        let name = FileName(bytes: Array("bad-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8))
        let path = PathBytes.join(root + "/in", name)
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        #expect(fd >= 0)
        close(fd)
        #expect(try InboxScanner.entries(of: root + "/in").contains(name))
        let shelf = try Shelf(directory: root + "/failed")
        try shelf.move(name, from: root + "/in", to: name)
        #expect(try InboxScanner.entries(of: root + "/failed") == [name])
    }

    @Test func watcherReportsClosedAndRenamedFiles() throws {
        let watcher = try InboxWatcher(directory: root + "/in")
        let seen = SeenNames()
        Thread.detachNewThread {
            watcher.run { event in
                if case .file(let name, _) = event { seen.add(name.description) }
                if case .folder(let name) = event { seen.add("folder:" + name.description) }
            }
        }
        write("written.txt", "x")
        write(".hidden.part", "y")
        try FileManager.default.moveItem(atPath: root + "/in/.hidden.part", toPath: root + "/in/renamed.txt")
        try FileManager.default.createDirectory(atPath: root + "/in/subdir", withIntermediateDirectories: false)
        let deadline = Date().addingTimeInterval(5)
        let expected: Set = ["written.txt", "renamed.txt", "folder:subdir"]
        while !seen.names.isSuperset(of: expected) && Date() < deadline { usleep(20_000) }
        watcher.stop()
        #expect(seen.names.contains("written.txt"))
        #expect(seen.names.contains("renamed.txt"))
        // A folder is a place to drop files in, not a file: reported as a folder, never as a file.
        #expect(seen.names.contains("folder:subdir"))
        #expect(!seen.names.contains("subdir"))
    }
}

final class SeenNames: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []
    func add(_ s: String) { lock.lock(); set.insert(s); lock.unlock() }
    var names: Set<String> { lock.lock(); defer { lock.unlock() }; return set }
}

@Test func escapedNamesStayOnOneLogLine() {
    #expect(FileName("a\nb\tc\\d\u{1}.txt").escaped == "a\\nb\\tc\\\\d\\x1.txt")
    #expect(FileName("报告.txt").escaped == "报告.txt")
}
