import Foundation
import Testing
@testable import ReportModel

/// Hostile object shapes at megabyte size parse in linear time: the duplicate-key check used to scan
/// every earlier key (17 s for one 1 MB line, on the event loop).
@Suite struct JSONParserScalingTests {
    /// `{"k0":0,"k1":0,…}` (distinct) or `{"a":0,"a":1,…}` (duplicates), about `bytes` long.
    static func object(bytes: Int, distinct: Bool) -> [UInt8] {
        var out = Array(#"{"op":"ping""#.utf8)
        var i = 0
        while out.count < bytes {
            out += Array((distinct ? #","k\#(i)":\#(i)"# : #","a":\#(i)"#).utf8)
            i += 1
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    @Test(arguments: [true, false])
    func megabyteObjectsParseInLinearTime(distinct: Bool) throws {
        let line = Self.object(bytes: 1 << 20, distinct: distinct)
        let quarter = Self.object(bytes: 1 << 18, distinct: distinct)
        // Linear, judged by how time grows with size rather than by a wall-clock limit a loaded
        // machine could miss: four times the bytes take about four times as long (a quadratic check
        // takes sixteen). The best of three runs of each size keeps other processes out of the ratio.
        func fastest(_ bytes: [UInt8]) throws -> Duration {
            var best = Duration.seconds(3600)
            for _ in 0..<3 {
                let start = ContinuousClock.now
                _ = try JSONValue.parse(bytes: bytes)
                best = min(best, ContinuousClock.now - start)
            }
            return best
        }
        let ratio = try fastest(line) / fastest(quarter)
        #expect(ratio < 8, "1 MiB took \(ratio)x as long as 256 KiB")
        let value = try JSONValue.parse(bytes: line)
        #expect(value["op"] == .string("ping"))
        if distinct {
            #expect(value["k0"] == .int(0) && value["k1000"] == .int(1000))
        } else {
            guard case .object(let members) = value else { Issue.record("not an object"); return }
            #expect(members.count == 2)
            #expect(value["a"]?.intValue ?? 0 > 50_000, "the last duplicate wins")
        }
    }

    @Test func lastDuplicateWinsOnBothSidesOfTheScanLimit() throws {
        for count in [3, 15, 16, 17, 40] {
            var text = "{" + (0..<count).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
            text += #","k0":"last","k\#(count - 1)":"end"}"#
            let value = try JSONValue.parse(text)
            guard case .object(let members) = value else { Issue.record("not an object"); continue }
            #expect(members.count == count)
            #expect(value["k0"] == .string("last") && value["k\(count - 1)"] == .string("end"))
            #expect(members.map(\.0) == (0..<count).map { "k\($0)" }, "members keep their first position")
        }
    }

    @Test func keepsTheSourceTextOfATopLevelMember() throws {
        let huge = "123456789012345678901234567890"
        let (value, text) = try JSONValue.parse(bytes: Array(#"{"id": \#(huge) ,"inner":{"id":1},"x":[1]}"#.utf8),
                                                keepingTextOf: "id")
        #expect(text.map { String(decoding: $0, as: UTF8.self) } == huge)
        #expect(value["inner"]?["id"] == .int(1))
        let none = try JSONValue.parse(bytes: Array(#"{"inner":{"id":1}}"#.utf8), keepingTextOf: "id")
        #expect(none.text == nil, "only top-level members count")
    }
}
