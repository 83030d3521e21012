import Foundation
import MailPlan
import Testing

/// A date from a literal the test knows to be valid.
private func date(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { fatalError("bad test literal \(iso)") }
    return date
}


@Suite struct CivilDateTests {
    @Test(arguments: [
        ("2026-02-03", 2026, 2, 3), ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
        ("2028-02-29", 2028, 2, 29), ("2000-02-29", 2000, 2, 29), ("1970-01-01", 1970, 1, 1),
    ])
    func parsesValidDates(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(CivilDate(iso: text))
        #expect(parsed == (try CivilDate(year: year, month: month, day: day)))
        #expect((parsed.year, parsed.month, parsed.day) == (year, month, day))
        #expect(parsed.iso == text)
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "2026-2-3", "2026-02-3", "2026-2-03", "2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-04-31", "0000-01-01", "2026-02-03 ", " 2026-02-03", "2026/02/03", "20260203", "",
        "+026-02-03", "2026-02-03T00:00", "２０２６-02-03", "2026−02−03", "-2026-02-0", "abcd-ef-gh",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test(arguments: [(2026, 2, 29), (2026, 4, 31), (0, 1, 1), (10_000, 1, 1), (2026, 0, 1), (2026, 13, 1), (2026, 1, 0)])
    func throwingInitRejectsImpossibleComponents(year: Int, month: Int, day: Int) {
        #expect(throws: CivilDate.InvalidDate(year: year, month: month, day: day)) {
            try CivilDate(year: year, month: month, day: day)
        }
    }

    @Test func invalidDateSaysWhy() {
        let error = CivilDate.InvalidDate(year: 2026, month: 2, day: 29)
        #expect(error.description == "2026-2-29 is not a date: the day must be in 1...28")
    }

    @Test(arguments: [
        ("1970-01-01", Weekday.thursday), ("2000-01-01", .saturday), ("0001-01-01", .monday), ("9999-12-31", .friday),
        ("2026-02-03", .tuesday), ("2026-05-03", .sunday), ("2024-02-29", .thursday), ("1900-01-01", .monday),
    ])
    func knowsWeekdays(text: String, weekday: Weekday) {
        #expect(date(text).weekday == weekday)
        #expect(date(text).isWeekend == (weekday == .saturday || weekday == .sunday))
    }

    @Test func weekdayNumbersAreISO() {
        #expect(Weekday.allCases.map(\.isoNumber) == Array(1...7))
        #expect(Weekday.allCases.filter(\.isWeekend) == [.saturday, .sunday])
        #expect(Weekday.saturday.japaneseName == "土曜日")
        #expect(Weekday.sunday.japaneseName == "日曜日")
        #expect(Weekday.monday < .sunday)
    }

    /// Walks every date of the range one day at a time with a naive month-length successor, and checks that
    /// day numbers are consecutive, convert back, and that weekdays cycle.
    @Test func dayNumbersMatchADayByDayWalkOverTheWholeRange() throws {
        var (year, month, day) = (1, 1, 1)
        var expected = -719_162
        var weekday = Weekday.monday.isoNumber
        var mismatches = 0
        while true {
            let current = try CivilDate(year: year, month: month, day: day)
            if current.dayNumber != expected || CivilDate(dayNumber: expected) != current
                || current.weekday.isoNumber != weekday {
                mismatches += 1
            }
            if (year, month, day) == (9999, 12, 31) { break }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            if day < lengths[month - 1] {
                day += 1
            } else if month < 12 {
                (month, day) = (month + 1, 1)
            } else {
                (year, month, day) = (year + 1, 1, 1)
            }
            expected += 1
            weekday = weekday % 7 + 1
        }
        #expect(mismatches == 0)
        #expect(expected == 2_932_896)
        #expect(CivilDate(dayNumber: -719_163) == nil)
        #expect(CivilDate(dayNumber: 2_932_897) == nil)
    }

    @Test func dayArithmeticAgreesOnRandomPairs() {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<2000 {
            let a = CivilDate(dayNumber: Int.random(in: -719_162...2_932_896, using: &generator))!
            let b = CivilDate(dayNumber: Int.random(in: -719_162...2_932_896, using: &generator))!
            #expect(a.adding(days: a.days(to: b)) == b)
            #expect(b.days(from: a) == a.days(to: b))
            #expect(a.days(from: b) == -a.days(to: b))
            #expect((a < b) == (a.dayNumber < b.dayNumber))
        }
    }

    @Test func smallStepsCrossMonthAndYearEnds() {
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2100-02-28").adding(days: 1) == date("2100-03-01"))
        #expect(date("2026-03-01").adding(days: -1) == date("2026-02-28"))
        #expect(date("2026-01-01").days(to: date("2027-01-01")) == 365)
        #expect(date("2028-01-01").days(to: date("2029-01-01")) == 366)
        #expect((date("2026-05-01")...date("2026-05-31")).count == 31)
    }

    @Test func isoRoundTripsForEveryDayOfSeveralDecades() {
        for dayNumber in date("1995-01-01").dayNumber...date("2035-12-31").dayNumber {
            let day = CivilDate(dayNumber: dayNumber)!
            #expect(CivilDate(iso: day.iso) == day)
        }
    }

    @Test func codableUsesTheISOString() throws {
        let dates = [date("2026-02-03"), date("0001-01-01")]
        let data = try JSONEncoder().encode(dates)
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-03","0001-01-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == dates)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-2-3"]"#.utf8))
        }
    }
}

@Suite struct JapaneseHolidaysTests {
    @Test(arguments: JapaneseHolidays.supportedYears)
    func matchTheIndependentOracle(year: Int) throws {
        let expected = try #require(japaneseHolidayOracleByYear[year])
        let actual = JapaneseHolidays.holidays(in: year)
        #expect(actual.map(\.date.iso) == expected.map(\.date.iso))
        #expect(actual.map(\.name) == expected.map(\.name))
        for holiday in expected {
            #expect(JapaneseHolidays.name(on: holiday.date) == holiday.name)
        }
    }

    @Test(arguments: JapaneseHolidays.supportedYears)
    func equinoxDaysMatchTheOracle(year: Int) throws {
        let oracle = try #require(japaneseHolidayOracleByYear[year])
        let vernal = try #require(oracle.first { $0.name == "春分の日" }?.date)
        let autumnal = try #require(oracle.first { $0.name == "秋分の日" }?.date)
        #expect(vernal.month == 3 && JapaneseHolidays.vernalEquinoxDay(in: year) == vernal.day)
        #expect(autumnal.month == 9 && JapaneseHolidays.autumnalEquinoxDay(in: year) == autumnal.day)
    }

    @Test func equinoxFormulaKnowsItsRange() {
        #expect(JapaneseHolidays.vernalEquinoxDay(in: 1979) == nil)
        #expect(JapaneseHolidays.autumnalEquinoxDay(in: 2100) == nil)
        #expect(JapaneseHolidays.vernalEquinoxDay(in: 1980) == 20)
        #expect(JapaneseHolidays.vernalEquinoxDay(in: 2092) == 19)
        #expect(JapaneseHolidays.autumnalEquinoxDay(in: 2012) == 22)
    }

    @Test(arguments: [
        "2001-12-24", "2006-01-02", "2008-05-06", "2009-05-06", "2019-08-12", "2020-02-24", "2021-08-09",
        "2023-01-02", "2024-02-12", "2024-09-23", "2025-11-24", "2026-05-06", "2027-03-22",
    ])
    func substituteHolidays(text: String) {
        #expect(JapaneseHolidays.name(on: date(text)) == "振替休日")
    }

    /// Before 2007 a Sunday holiday gave only the Monday; 2003-05-04 (a Sunday 国民の休日) gave nothing.
    @Test func substitutesBefore2007WereMondaysOnly() {
        #expect(JapaneseHolidays.name(on: date("2003-05-04")) == nil)
        #expect(JapaneseHolidays.name(on: date("2003-05-06")) == nil)
        #expect(JapaneseHolidays.name(on: date("2002-05-06")) == "振替休日")
    }

    @Test(arguments: ["2009-09-22", "2015-09-22", "2026-09-22", "2019-04-30", "2019-05-02", "2006-05-04", "2032-09-21"])
    func citizensHolidays(text: String) {
        #expect(JapaneseHolidays.name(on: date(text)) == "国民の休日")
    }

    @Test func oneOffChangesOf2019To2021() {
        #expect(JapaneseHolidays.name(on: date("2019-05-01")) == "天皇の即位の日")
        #expect(JapaneseHolidays.name(on: date("2019-10-22")) == "即位礼正殿の儀")
        #expect(!JapaneseHolidays.holidays(in: 2019).contains { $0.name == "天皇誕生日" })
        #expect(JapaneseHolidays.name(on: date("2018-12-23")) == "天皇誕生日")
        #expect(JapaneseHolidays.name(on: date("2020-02-23")) == "天皇誕生日")

        #expect(JapaneseHolidays.name(on: date("2020-07-23")) == "海の日")
        #expect(JapaneseHolidays.name(on: date("2020-07-24")) == "スポーツの日")
        #expect(JapaneseHolidays.name(on: date("2020-08-10")) == "山の日")
        #expect(JapaneseHolidays.name(on: date("2020-07-20")) == nil)
        #expect(JapaneseHolidays.name(on: date("2020-08-11")) == nil)
        #expect(!JapaneseHolidays.holidays(in: 2020).contains { $0.date.month == 10 })

        #expect(JapaneseHolidays.name(on: date("2021-07-22")) == "海の日")
        #expect(JapaneseHolidays.name(on: date("2021-07-23")) == "スポーツの日")
        #expect(JapaneseHolidays.name(on: date("2021-08-08")) == "山の日")
        #expect(JapaneseHolidays.name(on: date("2021-08-09")) == "振替休日")
        #expect(JapaneseHolidays.name(on: date("2021-07-19")) == nil)
        #expect(JapaneseHolidays.name(on: date("2021-10-11")) == nil)
    }

    @Test func renamedDays() {
        #expect(JapaneseHolidays.name(on: date("2006-04-29")) == "みどりの日")
        #expect(JapaneseHolidays.name(on: date("2007-04-29")) == "昭和の日")
        #expect(JapaneseHolidays.name(on: date("2019-10-14")) == "体育の日")
        #expect(JapaneseHolidays.name(on: date("2022-10-10")) == "スポーツの日")
        #expect(JapaneseHolidays.name(on: date("2002-07-20")) == "海の日")
        #expect(JapaneseHolidays.name(on: date("2003-07-21")) == "海の日")
        #expect(JapaneseHolidays.name(on: date("2015-08-11")) == nil)
    }

    @Test(arguments: [1999, 2100, 1, 9999])
    func unsupportedYearsHaveNoHolidays(year: Int) throws {
        #expect(JapaneseHolidays.holidays(in: year).isEmpty)
        #expect(JapaneseHolidays.name(on: try CivilDate(year: year, month: 1, day: 1)) == nil)
    }
}

@Suite struct WorkCalendarTests {
    let calendar = WorkCalendar()

    @Test func closedWeekdaysOf2026() {
        let expected = [
            "2026-01-01 元日", "2026-01-02 年末年始閉庁", "2026-01-12 成人の日", "2026-02-11 建国記念の日",
            "2026-02-23 天皇誕生日", "2026-03-20 春分の日", "2026-04-29 昭和の日", "2026-05-04 みどりの日",
            "2026-05-05 こどもの日", "2026-05-06 振替休日", "2026-07-20 海の日", "2026-08-11 山の日",
            "2026-09-21 敬老の日", "2026-09-22 国民の休日", "2026-09-23 秋分の日", "2026-10-12 スポーツの日",
            "2026-11-03 文化の日", "2026-11-23 勤労感謝の日", "2026-12-29 年末年始閉庁", "2026-12-30 年末年始閉庁",
            "2026-12-31 年末年始閉庁",
        ]
        #expect(calendar.closedWeekdays(in: 2026).map { "\($0.date) \($0.name)" } == expected)
    }

    /// Every year's closed weekdays, rebuilt from the oracle's holidays and the 12/29–1/3 rule.
    @Test func closedWeekdaysMatchTheOracleEveryYear() throws {
        for year in JapaneseHolidays.supportedYears {
            let holidays = try #require(japaneseHolidayOracleByYear[year])
            let names = Dictionary(uniqueKeysWithValues: holidays.map { ($0.date, $0.name) })
            var expected: [String] = []
            for day in date("\(year)-01-01")...date("\(year)-12-31") where !day.isWeekend {
                if let name = names[day] ?? (WorkCalendar.isInYearEndClosure(day) ? "年末年始閉庁" : nil) {
                    expected.append("\(day) \(name)")
                }
            }
            #expect(calendar.closedWeekdays(in: year).map { "\($0.date) \($0.name)" } == expected)
        }
    }

    @Test func yearEndClosure() {
        #expect(calendar.closure(on: date("2026-12-28")) == nil)
        #expect(calendar.closure(on: date("2026-12-29")) == "年末年始閉庁")
        #expect(calendar.closure(on: date("2027-01-01")) == "元日")
        #expect(calendar.closure(on: date("2027-01-03")) == "年末年始閉庁")
        #expect(calendar.closure(on: date("2027-01-04")) == nil)
        #expect(calendar.closedWeekdays(in: 2027).first.map { "\($0.date) \($0.name)" } == "2027-01-01 元日")

        let open = WorkCalendar(yearEndClosure: false)
        #expect(open.isWorkingDay(date("2026-12-29")))
        #expect(open.closure(on: date("2027-01-01")) == "元日")
        #expect(open.closure(on: date("2027-01-02")) == "土曜日")
    }

    @Test func weekendsAndSwitches() {
        #expect(calendar.closure(on: date("2026-05-09")) == "土曜日")
        #expect(calendar.closure(on: date("2026-05-10")) == "日曜日")
        #expect(calendar.closure(on: date("2026-05-03")) == "憲法記念日")

        let noHolidays = WorkCalendar(nationalHolidays: false)
        #expect(noHolidays.isWorkingDay(date("2026-05-04")))
        #expect(noHolidays.closure(on: date("2026-05-03")) == "日曜日")
        #expect(noHolidays.closure(on: date("2027-01-01")) == "年末年始閉庁")
        #expect(noHolidays.knowsHolidays(in: 2150))
        #expect(!calendar.knowsHolidays(in: 2150))
        #expect(calendar.knowsHolidays(in: 2026))
    }

    @Test func extraClosedDays() {
        let site = WorkCalendar(extraClosedDays: [
            date("2026-06-15"): "システム移行", date("2026-05-04"): "庁舎点検", date("2026-06-13"): "停電",
        ])
        #expect(site.closure(on: date("2026-06-15")) == "システム移行")
        #expect(site.closure(on: date("2026-05-04")) == "みどりの日")
        #expect(site.closure(on: date("2026-06-13")) == "停電")
        #expect(site.closedWeekdays(in: 2026).contains { $0.date == date("2026-06-15") && $0.name == "システム移行" })
        #expect(!site.closedWeekdays(in: 2026).contains { $0.date == date("2026-06-13") })
        #expect(calendar.isWorkingDay(date("2026-06-15")))
    }

    @Test func workingDaysOfAWeek() {
        #expect(calendar.workingDays(from: date("2026-05-04"), through: date("2026-05-10"))
            == [date("2026-05-07"), date("2026-05-08")])
        #expect(calendar.workingDays(from: date("2026-09-21"), through: date("2026-09-25")).map(\.iso)
            == ["2026-09-24", "2026-09-25"])
        #expect(calendar.workingDays(from: date("2026-05-10"), through: date("2026-05-04")).isEmpty)
        #expect(calendar.workingDays(from: date("2026-05-07"), through: date("2026-05-07")) == [date("2026-05-07")])
    }

    @Test func nextWorkingDay() {
        #expect(calendar.nextWorkingDay(onOrAfter: date("2026-12-29")) == date("2027-01-04"))
        #expect(calendar.nextWorkingDay(onOrAfter: date("2026-05-02")) == date("2026-05-07"))
        #expect(calendar.nextWorkingDay(onOrAfter: date("2026-05-07")) == date("2026-05-07"))
    }

    @Test func addingWorkingDaysExamples() {
        #expect(calendar.addingWorkingDays(1, to: date("2026-05-09")) == date("2026-05-11"))
        #expect(calendar.addingWorkingDays(1, to: date("2026-05-01")) == date("2026-05-07"))
        #expect(calendar.addingWorkingDays(-1, to: date("2026-05-07")) == date("2026-05-01"))
        #expect(calendar.addingWorkingDays(0, to: date("2026-05-03")) == date("2026-05-07"))
        #expect(calendar.addingWorkingDays(0, to: date("2026-05-08")) == date("2026-05-08"))
        #expect(calendar.addingWorkingDays(2, to: date("2026-12-28")) == date("2027-01-05"))
    }

    /// Compares against the n-th entry of the plain list of working days around each start date.
    @Test func addingWorkingDaysMatchesCountingTheList() {
        let site = WorkCalendar(extraClosedDays: [date("2026-06-15"): "システム移行"])
        let window = site.workingDays(from: date("2025-09-01"), through: date("2027-04-30"))
        for start in date("2026-01-01")...date("2026-12-31") {
            let after = window.filter { $0 > start }
            let before = window.filter { $0 < start }.reversed().map { $0 }
            for n in 1...30 {
                #expect(site.addingWorkingDays(n, to: start) == after[n - 1])
                #expect(site.addingWorkingDays(-n, to: start) == before[n - 1])
            }
            #expect(site.addingWorkingDays(0, to: start) == window.first { $0 >= start })
        }
    }
}
