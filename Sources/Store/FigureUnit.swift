import Foundation

/// Brings a figure's value and unit to a base unit, so `1.2亿元` and `3000万元`, or `5万平方米` and
/// `12000㎡`, compare: money in 元, areas in ㎡, lengths in 米, weights in 千克; counting words
/// (户, 部, 个, 人 …) stay as they are with the 万/亿 magnitude multiplied out.
public enum FigureUnit {
    /// The normalised value and unit, or nil when the value is not a number.
    public static func normalize(value: String, unit: String) -> (value: Double, unit: String)? {
        guard let number = firstNumber(value) else { return nil }
        var unit = unit.trimmingCharacters(in: .whitespaces)
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

    /// The first number in `300至500`, `1,200`, `12.5`.
    static func firstNumber(_ text: String) -> Double? {
        var digits = ""
        var seenDot = false
        for c in text {
            if let d = c.wholeNumberValue, c.isASCII || ("０"..."９").contains(c) {
                digits.append(Character(String(d)))
            } else if (c == "." || c == "．") && !seenDot && !digits.isEmpty {
                seenDot = true
                digits.append(".")
            } else if c == "," || c == "，" && !digits.isEmpty {
                continue
            } else if !digits.isEmpty {
                break
            }
        }
        if digits.hasSuffix(".") { digits.removeLast() }
        return Double(digits)
    }
}
