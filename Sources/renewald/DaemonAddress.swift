import ArgumentParser
import Daemon
import Foundation
import ReportModel

/// `--socket` and `--config` of the commands that ask the running daemon (`digest`, `retry`).
struct DaemonAddress: ParsableArguments {
    @Option(help: "The daemon's socket (default: `socket` from --config, else /run/renewald/renewald.sock).")
    var socket: String?

    @Option(help: "Configuration file to take the socket path from (default /etc/renewald/renewald.conf if readable).")
    var config: String?

    /// `--socket`, else `socket` from the configuration file, else the default.
    func socketPath() throws -> String {
        if let socket { return socket }
        var configuration = Configuration()
        let file = config ?? "/etc/renewald/renewald.conf"
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            do { try configuration.apply(file: text) } catch { throw ValidationError("\(file): \(error)") }
        } else if config != nil {
            throw ValidationError("cannot read --config \(file)")
        }
        return configuration.socket
    }

    /// Sends one request line and returns the daemon's first answer line, parsed; nil when it gave
    /// none (or not JSON).
    func ask(_ request: [(String, JSONValue)]) throws -> JSONValue? {
        let client = try SocketClient(path: try socketPath())
        try client.send(Array((JSONValue.object(request).serialized() + "\n").utf8))
        client.finishSending()
        var answer: [UInt8] = []
        while let chunk = client.receive() { answer += chunk }
        guard let line = answer.split(separator: UInt8(ascii: "\n")).first else { return nil }
        return try? JSONValue.parse(bytes: Array(line))
    }
}
