import Characters
/// Finds an official document number (`济建发〔2023〕47号`, `北区政办发[2020]11号`) in a line.
enum DocumentNumber {
    /// The number with its issuer prefix, or nil.
    static func find(in s: [Unicode.Scalar]) -> String? {
        var i = 0
        while i + 7 < s.count {
            guard s[i] == "〔" || s[i] == "[" || s[i] == "［" || s[i] == "（" || s[i] == "(" else { i += 1; continue }
            var j = i + 1
            while j < s.count, j - i <= 4, CharacterClass.isASCIIDigit(s[j]) { j += 1 }
            guard j - i == 5, j < s.count, s[j] == "〕" || s[j] == "]" || s[j] == "］" || s[j] == "）" || s[j] == ")" else { i += 1; continue }
            var k = j + 1
            while k < s.count, CharacterClass.isASCIIDigit(s[k]), k - j <= 4 { k += 1 }
            guard k > j + 1, k < s.count, s[k] == "号" else { i += 1; continue }
            var lo = i
            while lo > 0, CharacterClass.isHan(s[lo - 1]), i - lo < 10 { lo -= 1 }
            guard i - lo >= 2 else { i += 1; continue }
            return Scalars.string(s[lo...k])
        }
        return nil
    }
}
