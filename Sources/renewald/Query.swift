import ArgumentParser
import Foundation

/// `renewald query`: send JSON request lines from stdin to a running daemon, print the answers.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send JSON request lines from stdin to a running daemon and print its answers (for people without socat).",
        discussion: "Example: echo '{\"op\":\"search\",\"q\":\"加装电梯\"}' | renewald query --socket /run/renewald/renewald.sock")

    @Option(help: "The daemon's socket.")
    var socket: String = "/run/renewald/renewald.sock"

    func run() throws {
        do {
            try exchange()
        } catch let error as SocketClientError {
            // Not a usage mistake: say what went wrong, without the usage text, and exit 69 (EX_UNAVAILABLE).
            FileHandle.standardError.write(Data("renewald query: \(error)\n".utf8))
            throw ExitCode(69)
        }
    }

    func exchange() throws {
        let client = try SocketClient(path: socket)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        try client.send([UInt8](input))
        client.finishSending()
        while let chunk = client.receive() {
            FileHandle.standardOutput.write(Data(chunk))
        }
    }
}
