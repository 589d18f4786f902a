import Decode
import ReportModel
import Testing
@testable import Formats

/// PDFs made at test time, read through the real pdftotext: text, scans, locks and damage.
@Suite struct PDFReaderTests {
    let reader = DocumentReader()

    @Test func readsTheTextLayerInReadingOrder() throws {
        let pdf = GeneratedFiles.textPDF([(50, 250, 20, "Renewal Report"), (50, 200, 10, "Elevators were added in 2023.")])
        let doc = try reader.readPDF(pdf)
        #expect(doc.format == .pdf)
        #expect(doc.lines.map(\.text) == ["Renewal Report", "Elevators were added in 2023."])
        #expect(doc.lines.first?.role == .heading(1))
    }

    @Test func aScanWithoutTextFailsWithNoTextLayer() {
        #expect(throws: FormatError.noTextLayer) { try reader.readPDF(GeneratedFiles.scannedPDF()) }
    }

    @Test func aPasswordLockedPDFFailsAsEncrypted() {
        #expect(throws: FormatError.encryptedPDF) { try reader.readPDF(GeneratedFiles.encryptedPDF()) }
    }

    @Test func aTruncatedPDFFailsAsBroken() {
        let pdf = GeneratedFiles.textPDF([(50, 200, 12, "Cut off")])
        do {
            _ = try reader.readPDF(Array(pdf.prefix(pdf.count / 2)))
            Issue.record("a truncated PDF was read")
        } catch {
            #expect(error.code.rawValue == "broken_pdf")
        }
    }

    @Test func garbageBehindAPDFHeaderFailsAsBroken() {
        do {
            _ = try reader.readPDF(Array("%PDF-1.4\nthis is not a PDF body at all\n%%EOF\n".utf8))
            Issue.record("garbage was read as a PDF")
        } catch {
            #expect(error.code.rawValue == "broken_pdf")
        }
    }

    @Test func aMissingExtractorIsReportedNotCrashed() {
        var limits = PDFExtractorLimits()
        limits.executable = "/nonexistent/pdftotext"
        do {
            _ = try DocumentReader(pdfLimits: limits).readPDF(GeneratedFiles.textPDF([(50, 200, 12, "x")]))
            Issue.record("read without an extractor")
        } catch {
            #expect(error.code.rawValue == "extractor_unavailable")
        }
    }

    @Test func aSlowExtractorIsKilledAtTheTimeLimit() throws {
        // /bin/sleep stands in for a pdftotext stuck on a hostile file; its arguments make it sleep.
        var limits = PDFExtractorLimits()
        limits.executable = "/bin/sleep"
        limits.timeoutSeconds = 0.3
        let process = PopplerProcess(limits: limits)
        let started = ContinuousClock.now
        let status = try process.run(["/bin/sleep", "5"], stderrPath: "/dev/null")
        #expect(status == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func theMemoryLimitBindsTheChild() throws {
        // A 1 MB address space is too small to even start a dynamically linked program.
        var limits = PDFExtractorLimits()
        limits.memoryBytes = 1 << 20
        do {
            let status = try PopplerProcess(limits: limits).run([limits.executable, "-v"], stderrPath: "/dev/null")
            #expect(status != .exited(0))
        } catch {
            #expect(error.code.rawValue == "extractor_unavailable")   // execve itself is refused
        }
    }
}
