/// Cheap checks that a decoded string is human text rather than bytes that happened to decode.
enum TextShape {
    /// Most characters are CJK, ASCII printable, punctuation or spaces.
    static func looksLikeText(_ text: String) -> Bool {
        var good = 0, total = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20..<0x7F: good += 1
            case 0x3000..<0x3040, 0x4E00..<0xA000, 0xFF00..<0xFFF0, 0x2000..<0x2070, 0xA0, 0xB7: good += 1
            default: break
            }
        }
        return total > 0 && good * 100 >= total * 90
    }
}
