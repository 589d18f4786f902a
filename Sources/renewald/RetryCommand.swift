import ArgumentParser
import Daemon
import Foundation
import ReportModel

/// `renewald retry`: send files in failed/ back to the inbox through the running daemon.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Move files from failed/ back into the inbox, to be ingested again once the cause is fixed.",
        discussion: """
            Asks the running daemon (the `retry` op), which owns failed/: each file goes back under the name it \
            was dropped with, in its subfolder, never over a file already there (a counter is added instead). \
            Only files in failed/ are taken. FILE is a path as `failed` shows it, or a path relative to failed/. \
            Examples: renewald retry /var/lib/renewald/failed/徐汇区/a.pdf;  renewald retry --all --code too_large
            """)

    @Argument(help: "Files in failed/ (absolute, or relative to failed/).")
    var files: [String] = []

    @Flag(help: "Every file in failed/.")
    var all = false

    @Option(help: "With --all: only files that failed with this code (e.g. too_large, analysis_timeout).")
    var code: String?

    @OptionGroup var daemon: DaemonAddress

    func validate() throws {
        if all == !files.isEmpty { throw ValidationError("name the files to retry, or give --all (not both)") }
        if code != nil && !all { throw ValidationError("--code goes with --all") }
    }

    func run() throws {
        var request: [(String, JSONValue)] = [("op", .string("retry"))]
        if all {
            request.append(("all", .bool(true)))
            if let code { request.append(("code", .string(code))) }
        } else {
            request.append(("files", .strings(files.map(Self.absoluteIfHere))))
        }
        let response: JSONValue
        do {
            guard let parsed = try daemon.ask(request) else { throw SocketClientError(description: "the daemon gave no answer") }
            response = parsed
        } catch let error as SocketClientError {
            FileHandle.standardError.write(Data("renewald retry: \(error)\n".utf8))
            throw ExitCode(69)
        }
        guard response["ok"]?.boolValue == true, let result = response["result"] else {
            throw ValidationError("the daemon refused: \(response["error"]?["message"]?.stringValue ?? "unknown error")")
        }
        let retried = result["retried"]?.arrayValue ?? []
        let refused = result["refused"]?.arrayValue ?? []
        for item in retried {
            print("retrying \(item["path"]?.stringValue ?? "") as \(item["file"]?.stringValue ?? "") in the inbox")
        }
        for item in refused {
            FileHandle.standardError.write(Data("renewald retry: \(item["path"]?.stringValue ?? ""): \(item["reason"]?.stringValue ?? "")\n".utf8))
        }
        if retried.isEmpty && refused.isEmpty { print("nothing to retry") }
        if !refused.isEmpty { throw ExitCode(1) }
    }

    /// A relative path that names a file from here is sent as an absolute one (`cd failed; renewald
    /// retry a.txt`); otherwise it is sent as it is, relative to failed/.
    static func absoluteIfHere(_ path: String) -> String {
        guard !path.hasPrefix("/"), FileManager.default.fileExists(atPath: path) else { return path }
        // The folder's links are resolved (failed/ may be reached through one), the file's own name is not.
        let folder = ((FileManager.default.currentDirectoryPath + "/" + path) as NSString).deletingLastPathComponent
        return URL(fileURLWithPath: folder).resolvingSymlinksInPath().path + "/" + (path as NSString).lastPathComponent
    }
}
