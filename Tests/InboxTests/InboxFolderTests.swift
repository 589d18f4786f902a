import Foundation
import Testing
@testable import Inbox

/// Subfolders of the inbox (one per district or source), the poller for inboxes inotify cannot watch,
/// and how a file system is judged.
@Suite struct InboxFolderTests {
    let root: String
    var inbox: String { root + "/in" }

    init() throws {
        root = NSTemporaryDirectory() + "renewald-folders-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let path = inbox + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    @Test func namesInSubfoldersKnowTheirFolder() {
        let name = FileName("徐汇区/街道/a.txt")
        #expect(name.folder == FileName("徐汇区/街道"))
        #expect(name.base == FileName("a.txt"))
        #expect(name.depth == 2)
        #expect(FileName("a.txt").folder == nil)
        #expect(FileName("a.txt").depth == 0)
        // Only the file's own name gets the counter; a dot in a folder name is not an extension.
        #expect(FileName("d.v2/report").variant(1).description == "d.v2/report.1")
        #expect(FileName("徐汇区/a.txt").variant(2).description == "徐汇区/a.2.txt")
    }

    @Test(arguments: [("d/.hidden", true), (".sync/a.txt", true), ("d/a.part", true), ("d/e/a.txt", false)])
    func workInProgressInsideFolders(name: String, inProgress: Bool) {
        #expect(FileName(name).isInProgress == inProgress)
    }

    @Test(arguments: [("a/b.txt", true), ("b.txt", true), ("../b.txt", false), ("a/../../b", false), ("/etc/passwd", false),
                      ("./b", false), ("", false)])
    func onlyPlainRelativePathsAreSafe(path: String, safe: Bool) {
        #expect(FileName(path).isPlainRelativePath == safe)
    }

    @Test func theScanTakesSubfoldersButNotDotFoldersLinksOrRunawayDepth() throws {
        try write("top.txt", "x")
        try write("徐汇区/a.txt", "x")
        try write("徐汇区/街道/b.txt", "x")
        try write(".staging/c.txt", "x")
        let deep = (1...12).map { "d\($0)" }.joined(separator: "/")
        try write(deep + "/deep.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/linked", withDestinationPath: inbox + "/徐汇区")
        let tree = try InboxScanner.tree(of: inbox)
        let files = Set(tree.files.map(\.description))
        #expect(files.isSuperset(of: ["top.txt", "徐汇区/a.txt", "徐汇区/街道/b.txt"]))
        #expect(files.contains("linked"))   // a link is an entry (it fails as not_regular_file), never a folder
        #expect(!files.contains { $0.hasPrefix("linked/") || $0.hasPrefix(".staging/") })
        #expect(!files.contains { $0.hasSuffix("deep.txt") })
        #expect(tree.folders.allSatisfy { $0.depth < InboxScanner.maxDepth })
        #expect(tree.folders.map(\.description).contains("徐汇区/街道"))
        // One folder alone (a folder that just appeared).
        #expect(try InboxScanner.tree(of: inbox, below: FileName("徐汇区")).files.map(\.description).sorted() == ["徐汇区/a.txt", "徐汇区/街道/b.txt"])
    }

    @Test func shelvesKeepTheSubfolderAndNeverCollide() throws {
        let shelf = try Shelf(directory: root + "/archive")
        try write("甲/a.txt", "1")
        try write("乙/a.txt", "2")
        for name in ["甲/a.txt", "乙/a.txt"] {
            let target = shelf.freeName(for: FileName(name))
            #expect(target == FileName(name))
            try shelf.move(FileName(name), from: inbox, to: target)
        }
        try write("甲/a.txt", "3")
        let again = shelf.freeName(for: FileName("甲/a.txt"))
        #expect(again.description == "甲/a.1.txt")
        try shelf.move(FileName("甲/a.txt"), from: inbox, to: again)
        #expect(try String(contentsOfFile: root + "/archive/甲/a.txt", encoding: .utf8) == "1")
        #expect(try String(contentsOfFile: root + "/archive/乙/a.txt", encoding: .utf8) == "2")
        #expect(try String(contentsOfFile: root + "/archive/甲/a.1.txt", encoding: .utf8) == "3")
        #expect(shelf.name(ofPath: root + "/archive/甲/a.1.txt") == FileName("甲/a.1.txt"))
        #expect(shelf.name(ofPath: root + "/archive/../etc/passwd") == nil)
        #expect(shelf.name(ofPath: "/etc/passwd") == nil)
    }

    @Test func aSymlinkInTheShelfIsNeverFollowedToMakeAFolder() throws {
        let shelf = try Shelf(directory: root + "/failed")
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/failed/甲", withDestinationPath: root + "/elsewhere")
        try write("甲/a.txt", "1")
        #expect(throws: InboxError.self) { try shelf.move(FileName("甲/a.txt"), from: inbox, to: FileName("甲/a.txt")) }
        #expect(FileManager.default.fileExists(atPath: inbox + "/甲/a.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/elsewhere").isEmpty)
    }

    /// A member may swap their own subfolder for a link to elsewhere between a scan and a read: the
    /// daemon must then neither read nor move nor delete what the link points to.
    @Test func aSubfolderSwappedForALinkIsNeverFollowed() throws {
        let outside = root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "secret".write(toFile: outside + "/x.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/d", withDestinationPath: outside)
        let name = FileName("d/x.txt")
        #expect(FileIntake(directory: inbox, maxBytes: 100).read(name) == .vanished)
        #expect(!FileIntake(directory: inbox, maxBytes: 100).exists(name))
        #expect(FileIdentity.of(name, in: inbox) == nil)
        let shelf = try Shelf(directory: root + "/archive")
        #expect(throws: InboxError.self) { try shelf.move(name, from: inbox, to: name) }
        #expect(shelf.isRegularFile(FileName("x.txt")) == nil)
        // Nor is a link inside a shelf followed to read or make a folder.
        try FileManager.default.createSymbolicLink(atPath: root + "/archive/e", withDestinationPath: outside)
        #expect(shelf.isRegularFile(FileName("e/x.txt")) == nil)
        try write("e/y.txt", "y")
        #expect(throws: InboxError.self) { try shelf.move(FileName("e/y.txt"), from: inbox, to: FileName("e/y.txt")) }
        #expect(try String(contentsOfFile: outside + "/x.txt", encoding: .utf8) == "secret")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["x.txt"])
    }

    @Test func aFolderCreatedLaterIsWatchedAndItsFilesReported() throws {
        try write("old/x.txt", "x")
        let watcher = try InboxWatcher(directory: inbox)
        #expect(watcher.watchedFolders == 2)
        let seen = SeenNames()
        Thread.detachNewThread {
            watcher.run { event in
                switch event {
                case .file(let name, let closed): seen.add("\(name)\(closed ? "" : "?")")
                case .folder(let name): seen.add("folder:\(name)")
                default: break
                }
            }
        }
        defer { watcher.stop() }
        try write("old/y.txt", "y")
        try FileManager.default.createDirectory(atPath: inbox + "/新", withIntermediateDirectories: false)
        let deadline = Date().addingTimeInterval(10)
        while !seen.names.contains("folder:新") && Date() < deadline { usleep(20_000) }
        try write("新/z.txt", "z")
        // A folder moved in whole, with a file already in it.
        try FileManager.default.createDirectory(atPath: root + "/aside/内", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/aside/内/w.txt", contents: Data("w".utf8))
        try FileManager.default.moveItem(atPath: root + "/aside/内", toPath: inbox + "/内")
        while !seen.names.isSuperset(of: ["old/y.txt", "新/z.txt", "folder:内"]) && Date() < deadline { usleep(20_000) }
        try write("内/v.txt", "v")
        while !seen.names.contains("内/v.txt") && Date() < deadline { usleep(20_000) }
        #expect(seen.names.isSuperset(of: ["old/y.txt", "folder:新", "新/z.txt", "folder:内", "内/v.txt"]), "\(seen.names)")
    }

    /// After a queue overflow the events of folders made meanwhile may be lost: they are watched from
    /// the tree as it is.
    @Test func anOverflowWatchesFoldersWhoseEventsWereLost() throws {
        let watcher = try InboxWatcher(directory: inbox)
        #expect(watcher.watchedFolders == 1)
        try FileManager.default.createDirectory(atPath: inbox + "/甲/乙", withIntermediateDirectories: true)
        #expect(watcher.rewatch().isEmpty)
        #expect(watcher.watchedFolders == 3)
        #expect(watcher.rewatch().isEmpty)
        #expect(watcher.watchedFolders == 3, "a folder is watched once")
    }

    @Test func thePollerReportsAFileOnceItHasStoppedChanging() throws {
        let poller = InboxPoller(directory: inbox, interval: { 0.1 }, settle: { 1 })
        try write("before.txt", "x")
        #expect(try poller.baseline() == [FileName("before.txt")])
        var seen: [String] = []
        let t0 = ContinuousClock.now
        try write("d/new.txt", "a")
        try write("d/.hidden", "a")
        poller.round(now: t0) { if case .file(let n, let closed) = $0 { seen.append("\(n)\(closed ? "!" : "")") } }
        #expect(seen.isEmpty)   // just seen: not yet known to be complete
        // Still being written: each look finds it changed, so it is not reported.
        try write("d/new.txt", "ab")
        poller.round(now: t0 + .seconds(2)) { if case .file(let n, _) = $0 { seen.append(n.description) } }
        #expect(seen.isEmpty)
        poller.round(now: t0 + .milliseconds(2500)) { if case .file(let n, _) = $0 { seen.append(n.description) } }
        #expect(seen.isEmpty)
        poller.round(now: t0 + .seconds(3)) { if case .file(let n, let closed) = $0 { seen.append("\(n)\(closed ? "!" : "")") } }
        #expect(seen == ["d/new.txt"])   // unchanged for the settle interval; never claimed closed
        // Reported once; again only when it changes (a chmod after it was left as unreadable).
        poller.round(now: t0 + .seconds(10)) { if case .file(let n, _) = $0 { seen.append(n.description) } }
        #expect(seen == ["d/new.txt"])
        chmod(inbox + "/before.txt", 0o600)
        poller.round(now: t0 + .seconds(11)) { _ in }
        poller.round(now: t0 + .seconds(13)) { if case .file(let n, _) = $0 { seen.append(n.description) } }
        #expect(seen == ["d/new.txt", "before.txt"])
    }

    @Test func thePollerRunsUntilStopped() throws {
        let poller = InboxPoller(directory: inbox, interval: { 0.2 }, settle: { 0.3 })
        _ = try poller.baseline()
        let seen = SeenNames()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            poller.run { if case .file(let n, _) = $0 { seen.add(n.description) } }
            done.signal()
        }
        try write("sub/a.txt", "a")
        let deadline = Date().addingTimeInterval(10)
        while !seen.names.contains("sub/a.txt") && Date() < deadline { usleep(20_000) }
        #expect(seen.names.contains("sub/a.txt"))
        poller.stop()
        #expect(done.wait(timeout: .now() + 5) == .success)
    }

    @Test(arguments: [(UInt64(0x6969), "nfs", true), (0xFF53_4D42, "cifs", true), (0xFE53_4D42, "smb2", true),
                      (0x6573_5546, "fuse", true), (0x0102_1997, "9p", true), (0xEF53, "ext4/ext3/ext2", false),
                      (0x0102_1994, "tmpfs", false), (0x1234, "0x1234", false)])
    func fileSystemsInotifyCannotSeeIntoArePolled(magic: UInt64, name: String, remote: Bool) {
        let kind = FileSystemKind(magic: magic)
        #expect(kind.name == name)
        #expect(kind.isRemote == remote)
    }

    @Test func theInboxFileSystemIsKnown() throws {
        let kind = try #require(FileSystemKind.of(inbox))
        #expect(!kind.name.isEmpty)
        #expect(FileSystemKind.of(root + "/no-such-folder") == nil)
    }
}
