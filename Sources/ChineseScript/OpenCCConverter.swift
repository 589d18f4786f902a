import COpenCC

/// OpenCC's traditional-to-simplified conversion (`t2s.json`: phrases first, then characters).
///
/// One converter serves every thread: OpenCC's converter is immutable once opened and its dictionary
/// lookups keep their state on the stack, so concurrent `convert` calls are safe.
final class OpenCCConverter: @unchecked Sendable {
    /// The converter the pipeline uses; nil when OpenCC's data is not installed (conversion then falls
    /// back to `TraditionalTable`, character by character).
    static let t2s = OpenCCConverter(config: "t2s.json")

    private let handle: opencc_t

    /// Opens an OpenCC configuration by name (looked up in /usr/share/opencc) or path.
    init?(config: String) {
        guard let handle = opencc_open(config), handle != opencc_t(bitPattern: -1) else { return nil }
        self.handle = handle
    }

    deinit { opencc_close(handle) }

    /// The text converted, or nil if OpenCC reports an error.
    func convert(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return "" }
            let converted = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                opencc_convert_utf8(handle, $0, bytes.count)
            }
            guard let converted else { return nil }
            defer { opencc_convert_utf8_free(converted) }
            return String(cString: converted)
        }
    }
}
