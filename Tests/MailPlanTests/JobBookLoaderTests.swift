import Foundation
import MailPlan
import Testing

/// One job book fixture with one problem, and exactly what the loader must say about it.
struct JobProblem: Sendable, CustomTestStringConvertible {
    var fixture: String
    /// The site fixture to check against.
    var site: String
    var expected: [ExpectedDiagnostic]

    init(_ fixture: String, site: String = "base/site.toml", _ expected: (Int, Int, String)...) {
        self.fixture = fixture
        self.site = site
        self.expected = expected.map { ExpectedDiagnostic($0.0, $0.1, $0.2) }
    }

    var path: String { LoaderFixture.path("week/\(fixture).csv") }
    var testDescription: String { fixture }

    static let all: [JobProblem] = [
        JobProblem("unknown-column",
            (2, 1, "missing column 'pieces' (or '通数'); the header must name it"),
            (2, 23, "unknown column 'pices'; did you mean 'pieces'? (start a column of your own with x_ to "
                + "keep it)")),
        JobProblem("missing-column", (2, 1, "missing column 'due' (or '差出期限'); the header must name it")),
        JobProblem("no-jobs", (2, 1, "the job book has no jobs: there is a header but no row after it")),
        JobProblem("bad-pieces",
            (3, 39, "pieces must be a whole number above 0, found '1.5'"),
            (4, 39, "pieces must be above 0, found 0"),
            (5, 39, "pieces must be above 0, found -3"),
            (6, 39, "pieces must be a whole number above 0 in digits, found 'abc'"),
            (7, 39, "pieces must be written without thousands separators: write 1000, found '1,000'"),
            (8, 39, "pieces must be at most 1,000,000,000, found 1000000001"),
            (9, 39, "pieces must be at most 1,000,000,000, found 9223372036854775808")),
        JobProblem("unknown-codes",
            (3, 15, "unknown ward 'kitaa'; did you mean 'kita'? (write a ward code or Japanese name from "
                + "[[wards]] of the site)"),
            (4, 24, "unknown program 'kokuho' (the site's programs are kokuho-card, ward-news)"),
            (5, 60, "unknown envelope 'kaku3'; did you mean 'kaku2'? (not in [[envelopes]] of the site)")),
        JobProblem("bad-stages",
            (3, 49, "stages is empty; expected stage names joined by '+', such as extract+insert+dispatch"),
            (4, 49, "unknown stage 'insrt' in stages; did you mean 'insert'? (the stages are extract, "
                + "insert, dispatch)"),
            (5, 49, "stages must be in processing order (extract, insert, dispatch): 'insert' comes after "
                + "'dispatch'"),
            (6, 49, "stage 'insert' is named twice in stages")),
        JobProblem("bad-numbers",
            (3, 79, "inserts must be 0 or more, found -1"),
            (4, 85, "weight_g must be a number of grams above 0, found '0'"),
            (5, 68, "weight_g must be a number of grams above 0, found 'heavy'"),
            (6, 66, "inserts must be at most 1,000,000,000, found 1000000001"),
            (6, 77, "weight_g must be at most 1,000,000,000 grams, found '1e10'")),
        JobProblem("bad-dates",
            (3, 84, "ready must be a date written YYYY-MM-DD, found '2026/11/30'"),
            (4, 99, "due must be a date written YYYY-MM-DD, found '2026-11-31'"),
            (5, 72, "ready 1999-12-01 is outside 2000–2099, the years whose public holidays mailplan knows")),
        JobProblem("bad-flags",
            (3, 106, "personal_data must be yes or no, found 'maybe' (also accepted: y/n, true/false, 1/0, "
                + "はい/いいえ)"),
            (4, 114, "ward_records is empty; expected yes or no")),
        JobProblem("bad-current",
            (3, 116, "current names 2 kinds but stages names 3 stages (extract+insert+dispatch); give one "
                + "kind per stage, in stage order"),
            (4, 120, "unknown kind 'dept' in current (the kinds are ward, department, center, hub, vendor)")),
        JobProblem("duplicate-id", (5, 1, "duplicate id 'kita-kokuho-1': it is already used on line 3")),
        JobProblem("due-before-ready", (5, 83, "due 2026-11-30 is before ready 2026-12-01")),
        JobProblem("no-working-day", (5, 83,
            "no working day from ready 2026-12-04 to due 2026-12-06: 2026-12-04 庁舎設備点検, 2026-12-05 土曜日, "
                + "2026-12-06 日曜日")),
        JobProblem("after-horizon", (5, 83,
            "due 2026-12-08 is after the planning horizon 2026-11-30…2026-12-06 (the week of the earliest ready "
                + "day); move the job to next week's book or raise [policy] horizon_weeks")),
        JobProblem("no-mail-class",
            (3, 81, "no mail class takes a 'naga3' piece of 60 g (teikei up to 50 g)"),
            (5, 68, "no mail class takes a 'kaku2' piece of 300 g (teikeigai-250 up to 250 g)")),
        JobProblem("no-resource", site: "week/no-insert-desk.toml", (5, 55,
            "no resource can insert job 'fukushima-news-1': stage (desk-fukushima; center-dispatch), "
                + "format (dept-kokuho: 7 inserts > max 4; center-line-1: kaku2 not supported, 7 inserts > max 5; "
                + "hub-c: 7 inserts > max 6; vendor-a: 7 inserts > max 6), personal_data (vendor-a), "
                + "area (desk-kita), program (dept-kokuho: kokuho-card only)")),
        JobProblem("current-incapable",
            (3, 116, "current says vendor for insert, but no vendor can: personal_data (vendor-a)"),
            (4, 120, "current says center for extract, but no center can: stage (center-line-1; "
                + "center-dispatch)")),
    ]
}

@Suite("JobBookLoader")
struct JobBookLoaderTests {
    /// The jobs of `base/week.csv`.
    static let baseJobs: [Job] = {
        let monday = CivilDate(iso: "2026-11-30")!
        let friday = CivilDate(iso: "2026-12-04")!
        return [
            Job(id: "kita-kokuho-1", ward: "kita", program: "kokuho-card", title: "国保 資格確認書 送付", pieces: 5200,
                stages: [.extract, .insert, .dispatch], envelope: "naga3", inserts: 2, weightGrams: 25, ready: monday,
                due: friday, personalData: true, wardRecords: false, wardSpecific: false,
                current: [.ward, .department, .ward], line: 3),
            Job(id: "fukushima-kokuho-1", ward: "fukushima", program: "kokuho-card", title: "国保 資格確認書 送付",
                pieces: 2900, stages: [.extract, .insert, .dispatch], envelope: "naga3", inserts: 2, weightGrams: 25,
                ready: monday, due: friday, personalData: true, wardRecords: false, wardSpecific: false,
                current: [.ward, .department, .ward], line: 4),
            Job(id: "kita-news-1", ward: "kita", program: "ward-news", title: "北区 区民まつり案内", pieces: 8000,
                stages: [.insert, .dispatch], envelope: "kaku2", inserts: 3, weightGrams: 120,
                ready: CivilDate(iso: "2026-12-01")!, due: CivilDate(iso: "2026-12-03")!, personalData: false,
                wardRecords: false, wardSpecific: true, current: [.ward, .ward], line: 5),
        ]
    }()

    @Test(arguments: JobProblem.all)
    func eachProblemIsReportedAtItsCell(_ problem: JobProblem) {
        let found = diagnostics(in: problem.path) {
            _ = try JobBookLoader.load(jobs: problem.path, site: LoaderFixture.path(problem.site))
        }
        #expect(found == problem.expected)
    }

    @Test func theBaseFixtureLoadsIntoTheDomain() throws {
        let book = try JobBookLoader.load(jobs: LoaderFixture.baseWeek, site: LoaderFixture.baseSite)
        #expect(book.jobs == Self.baseJobs)
        #expect(book.horizonStart == CivilDate(iso: "2026-11-30"))
        #expect(book.horizonEnd == CivilDate(iso: "2026-12-06"))
        // 2026-12-04 is the site's own closed day.
        #expect(book.workingDays.map(\.iso) == ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"])
        #expect(book.totalPieces == 16100)
        #expect(book.jobsFile == LoaderFixture.baseWeek)
        #expect(book.siteFile == LoaderFixture.baseSite)
        #expect(book.site.wards.count == 2)
    }

    @Test func theSiteDefaultsToSiteTomlBesideTheJobs() throws {
        let book = try JobBookLoader.load(jobs: LoaderFixture.baseWeek, site: nil)
        #expect(book.jobs == Self.baseJobs)
        #expect(book.siteFile == LoaderFixture.baseSite)
        #expect(JobBookLoader.sitePath(forJobs: "week.csv") == "site.toml")
        #expect(JobBookLoader.sitePath(forJobs: "Jobs/osaka/week-2026-11-30.csv") == "Jobs/osaka/site.toml")
    }

    @Test func aMissingDefaultSiteIsAnInputFileError() {
        let jobs = LoaderFixture.path("no-site/week.csv")
        #expect(throws: InputFileError(path: LoaderFixture.path("no-site/site.toml"), reason: .notFound)) {
            try JobBookLoader.load(jobs: jobs, site: nil)
        }
    }

    @Test func aMissingJobBookIsAnInputFileError() {
        let jobs = LoaderFixture.path("week/no-such-week.csv")
        #expect(throws: InputFileError(path: jobs, reason: .notFound)) {
            try JobBookLoader.load(jobs: jobs, site: LoaderFixture.baseSite)
        }
    }

    @Test func aSiteWithProblemsIsReportedInsteadOfTheJobs() {
        let site = LoaderFixture.path("site/horizon-zero.toml")
        let found = diagnostics(in: LoaderFixture.baseWeek) { _ = try JobBookLoader.load(jobs: LoaderFixture.baseWeek, site: site) }
        #expect(found.map(\.message) == ["[\(site)] 'horizon_weeks' must be between 1 and 52 (the plan covers at "
            + "least the week of the earliest ready day), found 0"])
    }

    @Test func japaneseHeadersOwnColumnsAndOtherYesNoWordsLoadTheSameJobs() throws {
        let book = try JobBookLoader.load(jobs: LoaderFixture.path("week/japanese-headers.csv"), site: LoaderFixture.baseSite)
        let withoutLines = { (jobs: [Job]) in jobs.map { job in var job = job; job.line = 0; return job } }
        #expect(withoutLines(book.jobs) == withoutLines(Self.baseJobs))
        #expect(book.jobs.map(\.line) == [4, 7, 8])
    }

    @Test func aLongerHorizonAcceptsALaterDueDay() throws {
        var text = try String(contentsOfFile: LoaderFixture.baseSite, encoding: .utf8)
        text = text.replacingOccurrences(of: "horizon_weeks = 1", with: "horizon_weeks = 2")
        let site = try SiteLoader.parse(text, file: "site.toml")
        let table = try CSVTable.load(path: LoaderFixture.path("week/after-horizon.csv"))
        let book = try JobBookLoader.book(from: table, site: site)
        #expect(book.horizonEnd == CivilDate(iso: "2026-12-13"))
        #expect(book.jobs.last?.due == CivilDate(iso: "2026-12-08"))
    }

    @Test func aShiftJISCopyLoadsTheSameBook() throws {
        let site = try SiteLoader.load(path: LoaderFixture.baseSite)
        let text = try String(contentsOfFile: LoaderFixture.baseWeek, encoding: .utf8)
        let bytes = try #require(CP932.encode(text))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the copy must really be in another encoding")
        let table = try CSVTable.parse(bytes: bytes, file: "week.csv")
        #expect(table.encoding == .cp932)
        let book = try JobBookLoader.book(from: table, site: site)
        #expect(book.jobs == Self.baseJobs)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let site = try SiteLoader.load(path: LoaderFixture.baseSite)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: LoaderFixture.baseWeek)))
        let table = try CSVTable.parse(bytes: [0xEF, 0xBB, 0xBF] + bytes, file: "week.csv")
        #expect(table.encoding == .utf8WithBOM)
        let book = try JobBookLoader.book(from: table, site: site)
        #expect(book.jobs == Self.baseJobs)
    }

    @Test func unreadableBytesAreReportedAtTheFileStart() throws {
        let site = try SiteLoader.load(path: LoaderFixture.baseSite)
        let found = diagnostics(in: "week.csv") {
            let table = try CSVTable.parse(bytes: Array("id,ward\n".utf8) + [0xFF, 0xFF], file: "week.csv")
            _ = try JobBookLoader.book(from: table, site: site)
        }
        #expect(found.map { [$0.line, $0.column] } == [[1, 1]])
    }

    @Test func theTemplateLoads() throws {
        let folder = LoaderFixture.checkout.appendingPathComponent("Jobs/template")
        let book = try JobBookLoader.load(jobs: folder.appendingPathComponent("week.csv").path, site: nil)
        #expect(book.jobs.map(\.id) == ["kita-kokuho-1", "fukushima-kokuho-1", "kita-news-1"])
        #expect(book.jobs.map(\.ward) == ["kita", "fukushima", "kita"])
    }

    @Test func everyRowIsCheckedBeforeThrowing() {
        // One fixture's problems are spread over all its rows; none stops the others from being found.
        let path = LoaderFixture.path("week/bad-pieces.csv")
        let found = diagnostics(in: path) { _ = try JobBookLoader.load(jobs: path, site: LoaderFixture.baseSite) }
        #expect(found.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
    }
}
