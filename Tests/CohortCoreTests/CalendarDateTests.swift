import Testing
@testable import CohortCore

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2006-04-07", true), ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false),
        ("2000-02-29", true), ("2017-13-01", false), ("2017-00-10", false), ("2017-04-31", false),
        ("17-04-01", false), ("2017-4-1", false), ("", false), ("2017/04/01", false), (" 2017-04-01 ", true),
    ])
    func parsesOnlyRealDays(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test func roundTripsAndSorts() {
        let a = CalendarDate(iso: "2006-04-07")!, b = CalendarDate(iso: "2006-04-11")!
        #expect(a.iso == "2006-04-07")
        #expect(a < b)
        #expect([b, a].sorted() == [a, b])
    }

    @Test(arguments: [
        ("2006-04-07", "2006-04-11", "7–11 April 2006"),
        ("2017-06-30", "2017-07-02", "30 June – 2 July 2017"),
        ("2017-08-14", "2018-09-14", "14 August 2017 – 14 September 2018"),
        ("2018-01-05", "2018-01-05", "5 January 2018"),
    ])
    func writesPeriodsAsPeopleDo(start: String, end: String, expected: String) {
        #expect(DateRangeText.period(from: CalendarDate(iso: start)!, to: CalendarDate(iso: end)!) == expected)
    }
}

@Suite struct CountryTests {
    @Test(arguments: [("MY", "Malaysia"), ("np", "Nepal"), ("KR", "South Korea"), ("HK", "Hong Kong"), ("MM", "Myanmar")])
    func knowsCodes(code: String, name: String) {
        #expect(Country(code: code)?.englishName == name)
    }

    @Test(arguments: ["", "XX", "MYS", "12", "Malaysia"])
    func rejectsUnknownCodes(code: String) {
        #expect(Country(code: code) == nil)
    }

    @Test func listsEveryCountrySortedByName() {
        #expect(Country.all.count == 249)
        #expect(Country.all.map(\.englishName) == Country.all.map(\.englishName).sorted())
    }
}
