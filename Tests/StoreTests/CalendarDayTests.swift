import Testing
@testable import Store

@Suite struct CalendarDayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2023-12-31", "2026-11-26", "1969-12-31"])
    func roundTrips(day: String) throws {
        #expect(CalendarDay.string(try #require(CalendarDay.number(day))) == day)
    }

    @Test func weeksStartOnMonday() throws {
        let thursday = try #require(CalendarDay.number("2026-11-26"))
        #expect(CalendarDay.string(CalendarDay.periodStart(thursday, interval: .week)) == "2026-11-23")
        let monday = try #require(CalendarDay.number("2026-11-23"))
        #expect(CalendarDay.periodStart(monday, interval: .week) == monday)
        let sunday = try #require(CalendarDay.number("2026-11-29"))
        #expect(CalendarDay.string(CalendarDay.periodStart(sunday, interval: .week)) == "2026-11-23")
    }

    @Test func monthsStartOnTheFirst() throws {
        let day = try #require(CalendarDay.number("2024-02-29"))
        let start = CalendarDay.periodStart(day, interval: .month)
        #expect(CalendarDay.string(start) == "2024-02-01")
        #expect(CalendarDay.string(CalendarDay.nextPeriod(start, interval: .month)) == "2024-03-01")
    }
}
