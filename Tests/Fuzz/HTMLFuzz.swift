import Formats

/// libFuzzer entry: a saved web page at megabyte size, grown from a small fuzzed shape.
///
/// The input's first byte picks how the rest is repeated (nested, one line, inside an attribute or a
/// comment, …) up to about 1 MB, so the fuzzer explores hostile *shapes* (deep nesting, unclosed
/// tags, long attributes, one huge line) at the sizes that hurt, at the speed of small inputs.
/// Reading must never crash; run.sh gives each page 60 s (`-timeout`), which a linear reader meets
/// many times over even under ASan and a quadratic one (23 s for 800 KB without ASan) does not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let unit = Array(input.dropFirst())
    let target = 1 << 20
    var page = Array("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>".utf8)
    page.reserveCapacity(target + 256)
    switch input[0] % 4 {
    case 0:   // the unit repeated: nesting, unclosed tags, stray end tags
        while page.count < target { page += unit }
    case 1:   // one attribute a megabyte long, then the unit as a paragraph
        page += Array("<p title=\"".utf8)
        while page.count < target { page += unit }
        page += Array("\">正文".utf8) + unit
    case 2:   // the unit opened ever deeper, then text at the bottom
        while page.count < target { page += Array("<div>".utf8) + unit }
        page += Array("<p>最深处</p>".utf8)
    default:  // one huge line of text with the unit sprinkled in
        let text = Array("城市更新，加装电梯。".utf8)
        while page.count < target { page += text + text + text + unit }
    }
    _ = try? DocumentReader().readHTML(page)
    return 0
}
