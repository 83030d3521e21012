/// Japan's public holidays (国民の祝日 and the 休日 the Holiday Act adds to them), computed by rule for 2000–2099.
///
/// The rules follow the Act on National Holidays (国民の祝日に関する法律) as amended up to the 2018 special
/// measures for the Tokyo Olympics, and the 2018 act on the 2019 enthronement:
///
/// - Fixed days: 元日 1/1, 建国記念の日 2/11, 天皇誕生日 (12/23 until 2018, 2/23 from 2020, none in 2019),
///   昭和の日 4/29 (みどりの日 until 2006), 憲法記念日 5/3, みどりの日 5/4 (from 2007), こどもの日 5/5,
///   海の日 7/20 (until 2002), 山の日 8/11 (from 2016), 敬老の日 9/15 (until 2002), 文化の日 11/3,
///   勤労感謝の日 11/23.
/// - Happy Monday days: 成人の日 (2nd Monday of January), 海の日 (3rd Monday of July, from 2003),
///   敬老の日 (3rd Monday of September, from 2003), 体育の日 (2nd Monday of October; named スポーツの日
///   from 2020).
/// - 春分の日 and 秋分の日 by the standard approximation of the equinox in JST (see ``vernalEquinoxDay(in:)``).
/// - One-off moves: 2019-05-01 天皇の即位の日 and 2019-10-22 即位礼正殿の儀; in 2020 海の日 7/23,
///   スポーツの日 7/24, 山の日 8/10; in 2021 海の日 7/22, スポーツの日 7/23, 山の日 8/8.
/// - 振替休日: a holiday on a Sunday makes the next day that is not a holiday a holiday (from 2007; before
///   that only the Monday, and only if the Monday was not itself a holiday).
/// - 国民の休日: a day that is not a holiday or a Sunday but lies between two holidays, such as 5/4 before
///   2007, 2015-09-22, 2026-09-22, and 2019-04-30 and 2019-05-02 around the enthronement.
///
/// Years outside ``supportedYears`` have no holidays here: ``holidays(in:)`` returns an empty array and
/// ``name(on:)`` returns `nil`, because the rules were different before 2000 and are unknown after 2099.
/// Equinox days in the future are a prediction: the equinox days of a year are announced officially only in
/// February of the year before, from the astronomical equinox in JST. The formula here agrees with an
/// astronomical computation for every year 2000–2099.
public enum JapaneseHolidays {
    /// The years whose holidays this type computes.
    public static let supportedYears: ClosedRange<Int> = 2000...2099

    /// The name given to a substitute holiday after a holiday on a Sunday.
    public static let substituteHolidayName = "振替休日"

    /// The name given to a day made a holiday by lying between two holidays.
    public static let citizensHolidayName = "国民の休日"

    /// Every public holiday of `year`, in date order, with its Japanese name.
    ///
    /// - Returns: One entry per holiday, named as the Cabinet Office lists them ("元日", "振替休日",
    ///   "国民の休日", …); an empty array when `year` is outside ``supportedYears``.
    public static func holidays(in year: Int) -> [(date: CivilDate, name: String)] {
        guard supportedYears.contains(year) else { return [] }
        return computeHolidays(in: year)
            .sorted { $0.key < $1.key }
            .map { (date: $0.key, name: $0.value) }
    }

    /// The name of the public holiday on `date`.
    ///
    /// - Returns: The holiday's Japanese name, or `nil` when `date` is not a holiday or its year is outside
    ///   ``supportedYears``.
    public static func name(on date: CivilDate) -> String? {
        table[date]
    }

    /// Whether `date` is a public holiday (always `false` outside ``supportedYears``).
    public static func isHoliday(_ date: CivilDate) -> Bool {
        table[date] != nil
    }

    /// The day in March of the vernal equinox day (春分の日) of `year`.
    ///
    /// The formula is the widely used approximation of the equinox in JST:
    /// `floor(20.8431 + 0.242194 × (y − 1980)) − floor((y − 1980) / 4)`, fitted for 1980–2099. It is evaluated in
    /// integers scaled by 10⁶ so that no year lands on the wrong side of a floor through rounding.
    ///
    /// - Returns: 19, 20 or 21; `nil` when `year` is outside 1980...2099, where the formula is not valid.
    public static func vernalEquinoxDay(in year: Int) -> Int? {
        equinoxDay(in: year, baseMicrodays: 20_843_100)
    }

    /// The day in September of the autumnal equinox day (秋分の日) of `year`.
    ///
    /// The same formula as ``vernalEquinoxDay(in:)`` with base 23.2488, fitted for 1980–2099.
    ///
    /// - Returns: 22, 23 or 24; `nil` when `year` is outside 1980...2099.
    public static func autumnalEquinoxDay(in year: Int) -> Int? {
        equinoxDay(in: year, baseMicrodays: 23_248_800)
    }

    // MARK: - Rules

    /// Every holiday of every supported year, built once so that per-day lookups from the planner are cheap.
    private static let table: [CivilDate: String] = {
        var table: [CivilDate: String] = [:]
        for year in supportedYears {
            table.merge(computeHolidays(in: year)) { first, _ in first }
        }
        return table
    }()

    private static func equinoxDay(in year: Int, baseMicrodays: Int) -> Int? {
        guard (1980...2099).contains(year) else { return nil }
        let years = year - 1980
        // 0.242194 days is how far the equinox drifts each year; the leap-day term pulls it back every four.
        return (baseMicrodays + 242_194 * years) / 1_000_000 - years / 4
    }

    /// The holidays of one supported year, unordered.
    private static func computeHolidays(in year: Int) -> [CivilDate: String] {
        let statutory = nationalHolidays(in: year)
        var all = statutory

        // 振替休日. From 2007 the substitute moves past any holidays that follow (a Sunday 5/3 gives 5/6);
        // before that only the Monday qualified, and a Monday that was already a holiday gave nothing.
        for date in statutory.keys where date.weekday == .sunday {
            var substitute = date.adding(days: 1)
            if year >= 2007 {
                while statutory[substitute] != nil {
                    substitute = substitute.adding(days: 1)
                }
            }
            if all[substitute] == nil {
                all[substitute] = substituteHolidayName
            }
        }

        // 国民の休日. Only national holidays sandwich a day, not substitutes. The pre-2007 act excluded Sundays
        // explicitly; the current act does not, but between 2007 and 2099 no Sunday lies between two holidays.
        for date in statutory.keys {
            let between = date.adding(days: 1)
            if all[between] == nil, between.weekday != .sunday, statutory[date.adding(days: 2)] != nil {
                all[between] = citizensHolidayName
            }
        }
        return all
    }

    /// The 国民の祝日 of one supported year, including the 2019 enthronement days that the 2018 act made
    /// count as national holidays (which is why 2019-04-30 and 2019-05-02 become 国民の休日 by the sandwich rule).
    private static func nationalHolidays(in year: Int) -> [CivilDate: String] {
        var holidays: [CivilDate: String] = [:]
        func add(_ month: Int, _ day: Int, _ name: String) {
            holidays[CivilDate(uncheckedYear: year, month: month, day: day)] = name
        }
        func monday(_ nth: Int, of month: Int) -> Int {
            let first = CivilDate(uncheckedYear: year, month: month, day: 1).weekday
            let firstMonday = 1 + (Weekday.monday.isoNumber - first.isoNumber + 7) % 7
            return firstMonday + 7 * (nth - 1)
        }

        add(1, 1, "元日")
        add(1, monday(2, of: 1), "成人の日")
        add(2, 11, "建国記念の日")
        if year >= 2020 {
            add(2, 23, "天皇誕生日")
        }
        if let day = vernalEquinoxDay(in: year) {
            add(3, day, "春分の日")
        }
        add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日")
        add(5, 3, "憲法記念日")
        if year >= 2007 {
            add(5, 4, "みどりの日")
        }
        add(5, 5, "こどもの日")

        // The 2020 and 2021 Olympic years moved 海の日, スポーツの日 and 山の日 around the opening and
        // closing ceremonies; the 2021 dates were set when the Games were postponed.
        switch year {
        case 2020:
            add(7, 23, "海の日")
            add(7, 24, "スポーツの日")
            add(8, 10, "山の日")
        case 2021:
            add(7, 22, "海の日")
            add(7, 23, "スポーツの日")
            add(8, 8, "山の日")
        default:
            add(7, year <= 2002 ? 20 : monday(3, of: 7), "海の日")
            if year >= 2016 {
                add(8, 11, "山の日")
            }
            add(10, monday(2, of: 10), year <= 2019 ? "体育の日" : "スポーツの日")
        }

        add(9, year <= 2002 ? 15 : monday(3, of: 9), "敬老の日")
        if let day = autumnalEquinoxDay(in: year) {
            add(9, day, "秋分の日")
        }
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if year <= 2018 {
            add(12, 23, "天皇誕生日")
        }
        if year == 2019 {
            add(5, 1, "天皇の即位の日")
            add(10, 22, "即位礼正殿の儀")
        }
        return holidays
    }
}
