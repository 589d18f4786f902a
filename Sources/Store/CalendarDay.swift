/// Proleptic Gregorian days as `YYYY-MM-DD` strings and day numbers, for grouping by week and month
/// without Foundation's calendars (no time zones: a report's day is already a date).
public enum CalendarDay {
    /// Days since 1970-01-01, or nil for a malformed date.
    public static func number(_ day: String) -> Int? {
        let parts = day.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func string(_ n: Int) -> String {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The first day of the period holding `day`: itself, its week's Monday, or its month's first day.
    public static func periodStart(_ day: Int, interval: TrendInterval) -> Int {
        switch interval {
        case .day: return day
        case .week: return day - ((day % 7 + 10) % 7)   // 1970-01-01 was a Thursday
        case .month:
            let s = string(day)
            return number(String(s.prefix(8)) + "01") ?? day
        }
    }

    /// The first day of the next period.
    public static func nextPeriod(_ start: Int, interval: TrendInterval) -> Int {
        switch interval {
        case .day: return start + 1
        case .week: return start + 7
        case .month: return periodStart(start + 31, interval: .month)
        }
    }
}
