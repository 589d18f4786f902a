import ArgumentParser
import Daemon
import Foundation

/// `renewald import DIR…`: backfill an existing archive of reports.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Feed an existing archive of reports into the store (the files stay where they are).",
        discussion: """
            Reads every regular file under the given files and directories (recursively; dot-files are \
            skipped), analyzes them on every core and stores them in batches. Shows a progress bar on a \
            terminal and plain progress lines otherwise, then a summary of what failed and why. A running \
            daemon on the same state directory keeps working meanwhile.
            """)

    @Argument(help: "Files or directories to import.")
    var paths: [String]

    @Option(help: "State directory holding the database (default /var/lib/renewald).")
    var state: String?

    @Option(help: "Configuration file of `key = value` lines.")
    var config: String?

    func run() throws {
        var configuration = Configuration()
        if let config { try configuration.apply(file: try String(contentsOfFile: config, encoding: .utf8)) }
        if let state { configuration.state = state }
        let files = Importer.files(under: paths)
        guard !files.isEmpty else { throw ValidationError("no files under \(paths.joined(separator: " "))") }
        let importer = try Importer(configuration: configuration)
        let terminal = isatty(STDERR_FILENO) == 1
        var lastLine = ContinuousClock.now - .seconds(10)
        let problems = try importer.run(files) { p in
            let rate = p.seconds > 0 ? Double(p.done) / p.seconds : 0
            // Nothing committed yet (the first batch is still in flight): no rate, no estimate.
            let eta = rate > 0 ? String(format: "%.0f s", Double(p.total - p.done) / rate) : p.done == p.total ? "0 s" : "?"
            if terminal {
                let width = 30
                let filled = p.total > 0 ? width * p.done / p.total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data(String(format: "\r%@ %d/%d  %.0f reports/s  ETA %@  failed %d ",
                                                           bar, p.done, p.total, rate, eta, p.failed).utf8))
            } else if ContinuousClock.now - lastLine >= .seconds(2) || p.done == p.total {
                lastLine = ContinuousClock.now
                FileHandle.standardError.write(Data(String(format: "import: %d/%d done, %.0f reports/s, ETA %@, %d failed\n",
                                                           p.done, p.total, rate, eta, p.failed).utf8))
            }
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        print("imported \(files.count - problems.count) of \(files.count) files; \(problems.count) failed")
        var byCode: [String: Int] = [:]
        for problem in problems { byCode[problem.code, default: 0] += 1 }
        for (code, count) in byCode.sorted(by: { $0.value > $1.value }) { print("  \(count) \(code)") }
        for problem in problems.prefix(20) { print("  \(problem.path): \(problem.reason) (\(problem.code))") }
        if problems.count > 20 { print("  … and \(problems.count - 20) more") }
    }
}
