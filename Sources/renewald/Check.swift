import ArgumentParser
import Classify
import Foundation
import Pipeline
import ReportModel

/// `renewald check FILE`: the report JSON for one file, without a daemon.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the report JSON for one file, without a daemon (nothing is stored or moved).")

    @Argument(help: "The file to analyze.")
    var file: String

    @Option(help: "Theme taxonomy JSON file (default: the built-in themes).")
    var taxonomy: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        var themes = Taxonomy.builtIn
        if let taxonomy {
            themes = try Taxonomy(json: try String(contentsOfFile: taxonomy, encoding: .utf8))
        }
        let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: themes))
        let name = (file as NSString).lastPathComponent
        do {
            let report = try builder.build(bytes: [UInt8](data), file: name, received: ISO8601DateFormatter().string(from: Date()))
            print(report.json.serialized())
        } catch {
            FileHandle.standardError.write(Data("renewald check: \(file): \(error.description) (\(error.code))\n".utf8))
            throw ExitCode(1)
        }
    }
}
