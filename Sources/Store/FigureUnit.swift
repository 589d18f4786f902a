import Characters
import Foundation

/// Brings a figure's value and unit to a base unit, so `1.2亿元` and `3000万元`, or `5万平方米` and
/// `12000㎡`, compare: money in 元, areas in ㎡, lengths in 米, weights in 千克; counting words
/// (户, 部, 个, 人 …) stay as they are with the 万/亿 magnitude multiplied out.
public enum FigureUnit {
    /// The normalised value and unit, or nil when the value is not a number.
    public static func normalize(value: String, unit: String) -> (value: Double, unit: String)? {
        guard let number = firstNumber(value) else { return nil }
        var unit = trimmed(unit)
        var factor = 1.0
        // A magnitude in front of the measure word: 万元, 亿元, 万平方米, 万余户 (余/多 are dropped by the
        // extractor), and 千元 (but 千米, 千克, 千瓦 are units of their own).
        if let first = unit.first, let magnitude = magnitudes[first], unit.count > 1 || first != "千" {
            let rest = String(unit.dropFirst())
            if first != "千" || rest == "元" {
                factor = magnitude
                unit = rest
            }
        }
        if unit.hasPrefix("余") || unit.hasPrefix("多") { unit = String(unit.dropFirst()) }
        if let (base, scale) = bases[unit] {
            return (round(number * factor * scale), base)
        }
        return (round(number * factor), unit)
    }

    /// Rounds away floating-point dust (1.2 × 1e8 = 120000000.00000001).
    static func round(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < 1e15 else { return x }
        return (x * 1e6).rounded() / 1e6
    }

    static let magnitudes: [Character: Double] = ["万": 1e4, "亿": 1e8, "千": 1e3]

    /// Unit → (base unit, factor).
    static let bases: [String: (String, Double)] = [
        "元": ("元", 1), "块": ("元", 1),
        "平方米": ("㎡", 1), "㎡": ("㎡", 1), "平米": ("㎡", 1), "m²": ("㎡", 1), "m2": ("㎡", 1),
        "平方公里": ("㎡", 1e6), "平方千米": ("㎡", 1e6), "km²": ("㎡", 1e6), "公顷": ("㎡", 1e4), "亩": ("㎡", 2000.0 / 3),
        "米": ("米", 1), "m": ("米", 1), "公里": ("米", 1000), "千米": ("米", 1000), "km": ("米", 1000),
        "厘米": ("米", 0.01), "毫米": ("米", 0.001),
        "千克": ("千克", 1), "公斤": ("千克", 1), "kg": ("千克", 1), "吨": ("千克", 1000), "斤": ("千克", 0.5),
        "立方米": ("m³", 1), "m³": ("m³", 1),
        "%": ("%", 1), "％": ("%", 1),
        "": ("", 1),
    ]

    /// The first number in `300至500`, `1,200`, `12.5` (full-width digits too). Scalars, not
    /// `Character`s: a bulk report has dozens of figures, and this ran on every one.
    static func firstNumber(_ text: String) -> Double? {
        var digits: [UInt8] = []
        var seenDot = false
        for s in text.unicodeScalars {
            if CharacterClass.isASCIIDigit(s) || CharacterClass.isFullWidthDigit(s) {
                digits.append(UInt8(CharacterClass.asciiTwin(ofFullWidth: s)?.value ?? s.value))
            } else if (s == "." || s == "．") && !seenDot && !digits.isEmpty {
                seenDot = true
                digits.append(UInt8(ascii: "."))
            } else if s == "," || s == "，" && !digits.isEmpty {
                continue
            } else if !digits.isEmpty {
                break
            }
        }
        if digits.last == UInt8(ascii: ".") { digits.removeLast() }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    /// `unit` without the spaces around it.
    static func trimmed(_ unit: String) -> String {
        let scalars = unit.unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isSpace($0) }),
              let last = scalars.lastIndex(where: { !CharacterClass.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
