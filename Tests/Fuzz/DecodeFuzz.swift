import Decode
import Normalize
import Segment

/// libFuzzer entry: any bytes as a dropped file, through decode, normalise and segment. Each stage
/// must return a value or a decode error, never crash, and keep the promises its types document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? TextDecoder().decode(bytes) else { return 0 }
    let normalized = Normalizer().normalize(decoded.text)
    precondition(!normalized.lines.contains(where: \.isEmpty), "NormalizedText.lines promises no empty line")
    let page = Segmenter().segment(normalized)
    _ = page.articles.count
    return 0
}
