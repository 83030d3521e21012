import Foundation
import MailPlan
import Testing

/// One site fixture with one problem, and exactly what the loader must say about it.
struct SiteProblem: Sendable, CustomTestStringConvertible {
    var fixture: String
    var expected: [ExpectedDiagnostic]

    init(_ fixture: String, _ expected: (Int, Int, String)...) {
        self.fixture = fixture
        self.expected = expected.map { ExpectedDiagnostic($0.0, $0.1, $0.2) }
    }

    var path: String { LoaderFixture.path("site/\(fixture).toml") }
    var testDescription: String { fixture }

    static let all: [SiteProblem] = [
        SiteProblem("not-toml", (3, 8,
            "this string is not closed before the end of the line (use \"\"\" for a multi-line string)")),
        SiteProblem("unknown-key",
            (78, 1, "missing key 'hours_per_day' in [[resources]]"),
            (85, 1, "unknown key 'hours_per_dya' in [[resources]]; did you mean 'hours_per_day'?")),
        SiteProblem("missing-key", (36, 1, "missing key 'block' in [[wards]]")),
        SiteProblem("wrong-type", (40, 14, "'population' must be an integer, found a string")),
        SiteProblem("negative-cost", (115, 16, "'yen_per_hour' must not be negative, found -3000")),
        SiteProblem("zero-rate", (84, 30,
            "'insert' in 'pieces_per_hour' is 0: a listed stage needs a rate above 0 "
                + "(leave the stage out if it is not done there)")),
        SiteProblem("unknown-stage-key", (34, 41,
            "'insrt' in 'hand_pieces_per_hour' is not a stage; the keys are stage names (extract, insert, dispatch); "
                + "did you mean 'insert'?")),
        SiteProblem("stages-mismatch",
            (69, 19, "'pieces_per_hour' has no rate for 'extract', which 'stages' lists"),
            (84, 36, "'pieces_per_hour' gives a rate for 'dispatch', which 'stages' does not list; "
                + "add the stage to 'stages' or remove the rate")),
        SiteProblem("duplicate-codes",
            (37, 8, "duplicate ward code 'kita': it is already defined on line 26"),
            (71, 8, "duplicate program code 'ward-news': it is already defined on line 63"),
            (75, 8, "duplicate envelope code 'naga3': it is already defined on line 67"),
            (124, 8, "duplicate resource code 'center-dispatch': it is already defined on line 112"),
            (184, 8, "duplicate mail class code 'teikei': it is already defined on line 165")),
        SiteProblem("bad-code", (93, 8,
            "resource code 'center dispatch' may use only the letters A–Z and a–z, digits, '_', '.' and '-' "
                + "(codes become names in the planning model)")),
        SiteProblem("bad-kind", (95, 8,
            "'kind' must be one of 'department', 'center', 'hub', 'vendor', found 'centre'; did you mean 'center'?")),
        SiteProblem("ward-kind", (95, 8,
            "kind 'ward' is not allowed in [[resources]]: each ward's desk comes from its [[wards]] entry")),
        SiteProblem("hub-unknown-ward", (117, 25,
            "unknown ward 'nishi' in 'serves_wards' (known: kita, fukushima)")),
        SiteProblem("hub-empty-block", (117, 16, "block 'N' has no wards (the blocks of [[wards]] are 'C')")),
        SiteProblem("unknown-program", (76, 13,
            "unknown program 'kokuho' in 'programs' (known: kokuho-card, ward-news)")),
        SiteProblem("unknown-envelope", (86, 14,
            "unknown envelope 'naga4' in 'envelopes'; did you mean 'naga3'?")),
        SiteProblem("class-unknown-envelope", (147, 14,
            "unknown envelope 'kaku3' in 'envelopes'; did you mean 'kaku2'?")),
        SiteProblem("tiers-unsorted", (141, 18,
            "tiers must be in increasing order of min_pieces: 2000 comes after 10000 (line 140)")),
        SiteProblem("tiers-overlap", (141, 18,
            "tiers overlap: a tier for min_pieces = 2000 is already on line 140")),
        SiteProblem("tier-discount", (150, 50,
            "'discount_percent' must be at least 0 and below 100, found 100")),
        SiteProblem("no-stages", (97, 10, "resource 'center-dispatch' cannot do anything: 'stages' is empty")),
        SiteProblem("zero-capacity", (125, 18,
            "resource 'vendor-a' cannot do anything: 'pieces_per_day' is 0")),
        SiteProblem("vendor-hours", (126, 17,
            "'hours_per_day' does not apply to a vendor: its stages and prices are 'yen_per_piece' and its "
                + "capacity is 'pieces_per_day'")),
        SiteProblem("ward-name-twice", (38, 8,
            "ward name '北区' is already used on line 27; job books may name a ward by its name, so names must be "
                + "unique")),
        SiteProblem("horizon-zero", (18, 17,
            "'horizon_weeks' must be between 1 and 52 (the plan covers at least the week of the earliest ready "
                + "day), found 0")),
    ]
}

@Suite("SiteLoader")
struct SiteLoaderTests {
    @Test(arguments: SiteProblem.all)
    func eachProblemIsReportedAtItsKey(_ problem: SiteProblem) {
        let found = diagnostics(in: problem.path) { _ = try SiteLoader.load(path: problem.path) }
        #expect(found == problem.expected)
    }

    @Test func theBaseFixtureLoadsIntoTheDomain() throws {
        let site = try SiteLoader.load(path: LoaderFixture.baseSite)
        // Every number below is written with the same decimal digits in the fixture, and the TOML parser rounds
        // correctly, so exact equality is the right check here (and shows any key read into the wrong field).
        #expect(site.name == "Fixture City")
        #expect(site.calendar == WorkCalendar(extraClosedDays: [CivilDate(iso: "2026-12-04")!: "庁舎設備点検"]))
        #expect(site.policy == Policy(latenessYenPerPieceDay: 120, deferralYenPerPiece: 600, overtimeHoursPerDay: 1,
                                      overtimeFactor: 1.5, keepWardSpecificLocal: true, residualCostFactor: 1.3,
                                      residualManualPieces: 2500, horizonWeeks: 1))
        #expect(site.defaultTransfer == TransferRule(from: nil, to: nil, lagDays: 1, handoffYen: 3000))
        #expect(site.transfers == [TransferRule(from: .ward, to: .hub, lagDays: 0, handoffYen: 1500)])
        #expect(site.wards == [
            Ward(id: "kita", name: "北区", block: "C", population: 149819, households: 98400, staffYenPerHour: 4150,
                 hoursPerDay: 12, handRates: [.extract: 400, .insert: 180, .dispatch: 600], setupMinutes: 15),
            Ward(id: "fukushima", name: "福島区", block: "C", population: 83700, households: 55000,
                 staffYenPerHour: 4000, hoursPerDay: 8, handRates: [.extract: 350, .insert: 170, .dispatch: 550],
                 setupMinutes: 10),
        ])
        #expect(site.programs == [Program(id: "kokuho-card", name: "国保 資格確認書"),
                                  Program(id: "ward-news", name: "区広報 イベント案内")])
        #expect(site.envelopes == [Envelope(id: "naga3", name: "長3"), Envelope(id: "kaku2", name: "角2")])
        #expect(site.sharedResources == [
            Resource(id: "dept-kokuho", name: "福祉局 保険年金課 作業室", kind: .department, site: "city-hall",
                     rates: [.extract: 500, .insert: 250, .dispatch: 800], hoursPerDay: 14,
                     envelopes: ["naga3", "kaku2"], maxInserts: 4, personalData: true, yenPerHour: 3600,
                     setupMinutes: 20, programs: ["kokuho-card"]),
            Resource(id: "center-line-1", name: "事務センター 封入封緘機 1号", kind: .center, site: "center",
                     rates: [.insert: 3000], hoursPerDay: 7, envelopes: ["naga3"], maxInserts: 5, personalData: true,
                     yenPerHour: 7000, setupMinutes: 25),
            Resource(id: "center-dispatch", name: "事務センター 発送", kind: .center, site: "center",
                     rates: [.dispatch: 2500], hoursPerDay: 7, maxInserts: 0, personalData: true, yenPerHour: 3600,
                     setupMinutes: 10),
            Resource(id: "hub-c", name: "中心部ブロック拠点", kind: .hub, site: "hub-c",
                     rates: [.extract: 450, .insert: 220, .dispatch: 700], hoursPerDay: 14,
                     envelopes: ["naga3", "kaku2"], maxInserts: 6, personalData: true, yenPerHour: 3000,
                     setupMinutes: 15, servesWards: ["kita", "fukushima"]),
            Resource(id: "vendor-a", name: "封入封緘業者 A", kind: .vendor, site: "vendor-a", rates: [:],
                     hoursPerDay: 0, piecesPerDay: 40000, envelopes: ["naga3", "kaku2"], maxInserts: 6,
                     personalData: false, yenPerHour: 0, yenPerPiece: [.insert: 6.5, .dispatch: 3], setupMinutes: 0,
                     weeklyFixedYen: 30000),
        ])
        #expect(site.resources.map(\.id) == ["desk-kita", "desk-fukushima", "dept-kokuho", "center-line-1",
                                             "center-dispatch", "hub-c", "vendor-a"])

        let classes = site.tariff.classes
        try #require(classes.count == 2)
        #expect(classes.map(\.id) == ["teikei", "teikeigai-250"])
        #expect(classes.map(\.name) == ["定形郵便物", "定形外 規格内 250g"])
        #expect(classes.map(\.envelopes) == [["naga3"], ["kaku2"]])
        #expect(classes.map(\.maxWeightGrams) == [50, 250])
        #expect(classes.map(\.priceYen) == [110, 320])
        // Discounts are divided by 100 on reading, so they are compared with a tolerance.
        let tiers = classes.map { $0.tiers.map { ($0.minPieces, $0.discount) } }
        #expect(tiers.map { $0.map(\.0) } == [[2000, 10000], [2000]])
        for (found, expected) in zip(tiers.flatMap { $0.map(\.1) }, [0.03, 0.04, 0.035]) {
            #expect(abs(found - expected) < 1e-12)
        }
    }

    @Test func theTemplateLoads() throws {
        let path = LoaderFixture.checkout.appendingPathComponent("Jobs/template/site.toml").path
        let site = try SiteLoader.load(path: path)
        #expect(site.name == "Template City")
        #expect(site.sharedResources.count == 5)
        #expect(site.tariff.classes.map(\.tiers.count) == [4, 2])
    }

    /// Each number of the template site in turn (the first of its line) set past the size any site number may
    /// have: the loader reports exactly that value and nothing else. Before the size rule, most of them loaded,
    /// and planning then trapped or built a model with infinite coefficients.
    @Test func everyNumberOfTheTemplateIsSizeChecked() throws {
        let path = LoaderFixture.checkout.appendingPathComponent("Jobs/template/site.toml").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let number = /=\s*(-?[0-9][0-9_.eE+]*)(?=\s*[,}#]|\s*$)/  // a number, not a date
        var checked = 0
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            guard let match = line.firstMatch(of: number) else { continue }
            var changed = lines
            changed[index] = line.replacingCharacters(in: match.1.startIndex..<match.1.endIndex, with: "2_000_000_000")
            let found = diagnostics(in: "site.toml") {
                _ = try SiteLoader.parse(changed.joined(separator: "\n"), file: "site.toml")
            }
            #expect(found.count == 1 && found.first?.line == index + 1
                        && found.first?.message.hasSuffix("must be at most 1,000,000,000 in size, found 2000000000") == true,
                    "line \(index + 1): \(line) → \(found)")
            checked += 1
        }
        #expect(checked >= 40)
    }

    /// Codes become parts of the planning model's names, which GLPK limits to 255 characters: 40 is the most.
    @Test func aCodeHasAtMost40Characters() throws {
        let path = LoaderFixture.checkout.appendingPathComponent("Jobs/template/site.toml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let longest = String(repeating: "k", count: 40), tooLong = String(repeating: "k", count: 41)
        #expect(try SiteLoader.parse(text.replacingOccurrences(of: "\"kita\"", with: "\"\(longest)\""),
                                     file: "site.toml").wards.contains { $0.id == longest })
        let found = diagnostics(in: "site.toml") {
            _ = try SiteLoader.parse(text.replacingOccurrences(of: "code = \"naga3\"", with: "code = \"\(tooLong)\""),
                                     file: "site.toml")
        }
        #expect(found.map(\.message).first == "envelope code '\(tooLong)' has 41 characters; codes have at most 40 "
                    + "(they become parts of the planning model's names, which GLPK limits to 255)", "\(found)")
    }

    @Test func sectionsThatMayBeLeftOutTakeTheirDefaults() throws {
        let text = try String(contentsOfFile: LoaderFixture.baseSite, encoding: .utf8)
        let start = try #require(text.range(of: "[calendar]"))
        let end = try #require(text.range(of: "[transfers]"))
        let site = try SiteLoader.parse(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""),
                                        file: "site.toml")
        #expect(site.calendar == WorkCalendar())
        #expect(site.policy == Policy())
    }

    @Test func aMissingFileIsAnInputFileError() {
        let path = LoaderFixture.path("site/no-such-file.toml")
        #expect(throws: InputFileError(path: path, reason: .notFound)) { try SiteLoader.load(path: path) }
    }

    @Test func theDisplayNameIsUsedInDiagnostics() {
        let path = LoaderFixture.path("site/horizon-zero.toml")
        let error = #expect(throws: DiagnosticsError.self) {
            try SiteLoader.load(path: path, displayName: "site.toml")
        }
        #expect(error?.diagnostics.map(\.location.file) == ["site.toml"])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: LoaderFixture.baseSite)))
        let site = try SiteLoader.parse(bytes: [0xEF, 0xBB, 0xBF] + bytes, file: "site.toml")
        #expect(site.name == "Fixture City")
    }
}
