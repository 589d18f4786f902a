import Foundation
import Testing

/// Whether this run includes the checks against the evaluation corpus (`../shared`).
///
/// They run in CI's corpus step (`Tests/corpus/corpus-tests.sh` sets `RENEWALD_CORPUS_TESTS=1` and
/// fails when the corpus is missing), not in a plain `swift test`, which must pass on a clone alone.
enum CorpusRun {
    static let requested = ProcessInfo.processInfo.environment["RENEWALD_CORPUS_TESTS"] == "1"
    static let reason: Comment = "corpus checks run in Tests/corpus/corpus-tests.sh (RENEWALD_CORPUS_TESTS=1)"
}
