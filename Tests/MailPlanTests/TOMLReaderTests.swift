import Testing
@testable import MailPlan

/// The typed access layer: what loaders see and what they report.
@Suite struct TOMLReaderTests {
    enum Mode: String, CaseIterable {
        case fast
        case exact
    }

    /// A reader of `lines` (as `site.toml`) and the collector it reports into.
    func reader(_ lines: [String]) throws -> (TOMLReader, DiagnosticCollector) {
        let collector = DiagnosticCollector()
        let root = try TOMLParser.parse(lines.joined(separator: "\n"), file: "site.toml")
        return (TOMLReader(root, diagnostics: collector), collector)
    }

    func messages(_ collector: DiagnosticCollector) -> [String] {
        collector.diagnostics.sorted { $0.location < $1.location }.map(\.description)
    }

    @Test func aLoaderReportsEveryProblemOfTheFileInOnePass() throws {
        let text = """
            [plan]
            start = 2026-12-07
            horizon_days = 0
            mode = "fsat"

            [resources.center]
            rat = 120
            capacity = -3

            [[wards]]
            name = 42
            demand = [10, "x"]

            [ward]
            """
        let log = DiagnosticCollector()
        let site = try #require(TOMLReader.parse(text, file: "site.toml", diagnostics: log))
        if let plan = site.table("plan") {
            #expect(plan.date("start") == TOMLLocalDate(year: 2026, month: 12, day: 7))
            #expect(plan.positiveInt("horizon_days") == nil)
            #expect(plan.choice("mode", as: Mode.self) == nil)
            plan.rejectUnreadKeys()
        }
        for (name, resource) in site.table("resources")?.namedTables() ?? [] {
            #expect(name == "center")
            _ = resource.nonNegativeDouble("rate")
            _ = resource.nonNegativeDouble("capacity")
            resource.rejectUnknownKeys(except: ["rate", "capacity"])
        }
        for ward in site.tables("wards") ?? [] {
            _ = ward.string("name")
            _ = ward.doubles("demand")
        }
        site.rejectUnknownKeys(except: ["plan", "resources", "wards"])

        #expect(throws: DiagnosticsError.self) { try log.throwIfErrors() }
        do {
            try log.throwIfErrors()
        } catch {
            #expect(error.description.split(separator: "\n") == [
                "site.toml:3:16: error: 'horizon_days' must be positive, found 0",
                "site.toml:4:8: error: 'mode' must be one of 'fast', 'exact', found 'fsat'; did you mean 'fast'?",
                "site.toml:6:1: error: missing key 'rate' in [resources.center]",
                "site.toml:7:1: error: unknown key 'rat' in [resources.center]; did you mean 'rate'?",
                "site.toml:8:12: error: 'capacity' must not be negative, found -3",
                "site.toml:11:8: error: 'name' must be a string, found an integer",
                "site.toml:12:15: error: the elements of 'demand' must be numbers, found a string",
                "site.toml:14:2: error: unknown key 'ward' at the top level; did you mean 'wards'?",
            ])
        }
    }

    @Test func parseErrorsGoIntoTheCollector() {
        let log = DiagnosticCollector()
        #expect(TOMLReader.parse("a = \n", file: "site.toml", diagnostics: log) == nil)
        #expect(log.diagnostics.map(\.description) == ["site.toml:1:5: error: expected a value, found the end of the line"])
    }

    @Test func missingKeysPointAtTheTable() throws {
        let (site, log) = try reader(["title = \"x\"", "point = { x = 1 }", "", "[policy]", "max = 1"])
        #expect(site.string("name") == nil)
        #expect(site.table("point")?.int("y") == nil)
        #expect(site.table("policy")?.bool("strict") == nil)
        #expect(messages(log) == [
            "site.toml:1:1: error: missing key 'name' at the top level",
            "site.toml:2:9: error: missing key 'y' in [point]",
            "site.toml:4:1: error: missing key 'strict' in [policy]",
        ])
    }

    @Test func wrongTypesPointAtTheValue() throws {
        let (site, log) = try reader([
            "n = 1.5", "s = 2", "b = \"yes\"", "d = \"2026-12-07\"", "t = 7", "a = 3", "tab = [1]", "when = 2026-12-07",
        ])
        #expect(site.int("n") == nil)
        #expect(site.string("s") == nil)
        #expect(site.bool("b") == nil)
        #expect(site.date("d") == nil)
        #expect(site.time("t") == nil)
        #expect(site.array("a") == nil)
        #expect(site.table("tab") == nil)
        #expect(site.optionalDouble("when") == nil)
        #expect(messages(log) == [
            "site.toml:1:5: error: 'n' must be an integer, found a float",
            "site.toml:2:5: error: 's' must be a string, found an integer",
            "site.toml:3:5: error: 'b' must be a boolean, found a string",
            "site.toml:4:5: error: 'd' must be a date (YYYY-MM-DD), found a string",
            "site.toml:5:5: error: 't' must be a time of day (HH:MM:SS), found an integer",
            "site.toml:6:5: error: 'a' must be an array, found an integer",
            "site.toml:7:7: error: 'tab' must be a table, found an array",
            "site.toml:8:8: error: 'when' must be a number, found a local date",
        ])
    }

    @Test func acceptedValues() throws {
        let (site, log) = try reader([
            "rate = 12", "share = 0.25", "name = \"北区\"", "on = false", "at = 07:30:00", "tags = [\"a\", \"b\"]",
            "counts = [1, 2]", "days = [2026-12-07, 2026-12-08]", "mode = \"exact\"",
        ])
        #expect(site.double("rate") == 12)  // integers are accepted where a number is wanted
        #expect(site.nonNegativeDouble("share") == 0.25)
        #expect(site.double("share", .fraction) == 0.25)
        #expect(site.string("name") == "北区")
        #expect(site.bool("on") == false)
        #expect(site.time("at") == TOMLLocalTime(hour: 7, minute: 30, second: 0))
        #expect(site.strings("tags") == ["a", "b"])
        #expect(site.ints("counts") == [1, 2])
        #expect(site.doubles("counts") == [1, 2])
        #expect(site.dates("days")?.map(\.day) == [7, 8])
        #expect(site.choice("mode", as: Mode.self) == .exact)
        #expect(site.positiveInt("rate") == 12)
        #expect(site.int("rate", .between(1...12)) == 12)
        site.rejectUnreadKeys()
        #expect(log.diagnostics.isEmpty)
    }

    @Test func optionalKeysAreSilentWhenAbsentButCheckedWhenPresent() throws {
        let (site, log) = try reader(["limit = -1"])
        #expect(site.optionalString("note") == nil)
        #expect(site.optionalInt("absent", .nonNegative) == nil)
        #expect(site.optionalTables("wards").isEmpty)
        #expect(site.optionalTable("policy") == nil)
        #expect(site.optionalStrings("tags") == nil)
        #expect(site.optionalChoice("mode", as: Mode.self) == nil)
        #expect((site.optionalDouble("absent") ?? 3) == 3)
        #expect(site.optionalInt("limit", .nonNegative) == nil)
        #expect(messages(log) == ["site.toml:1:9: error: 'limit' must not be negative, found -1"])
    }

    @Test func numbersOutsideTheirRange() throws {
        let (site, log) = try reader(["a = -0.5", "b = nan", "c = 0", "d = 1.5", "e = 13", "f = -inf"])
        #expect(site.nonNegativeDouble("a") == nil)
        #expect(site.nonNegativeDouble("b") == nil)
        #expect(site.positiveDouble("c") == nil)
        #expect(site.double("d", .fraction) == nil)
        #expect(site.int("e", .between(1...12)) == nil)
        #expect(site.double("f") == -.infinity)  // unchecked reads accept what TOML accepts
        #expect(messages(log) == [
            "site.toml:1:5: error: 'a' must not be negative, found -0.5",
            "site.toml:2:5: error: 'b' must be a finite number, found nan",
            "site.toml:3:5: error: 'c' must be positive, found 0",
            "site.toml:4:5: error: 'd' must be between 0 and 1, found 1.5",
            "site.toml:5:5: error: 'e' must be between 1 and 12, found 13",
        ])
    }

    @Test func numbersPastABillionOrBelowAMillionthAreRejectedWhateverTheCheck() throws {
        let (site, log) = try reader(["a = 1e308", "b = 1_000_000_001", "c = 1e-308", "d = -2e9", "e = 1e9", "f = 1e-6",
                                      "g = 0.0", "h = -1_000_000_000", "i = 9_223_372_036_854_775_807"])
        #expect(site.nonNegativeDouble("a") == nil)
        #expect(site.nonNegativeInt("b") == nil)
        #expect(site.positiveDouble("c") == nil)
        #expect(site.double("d", .between(-3e9...0)) == nil)  // a check's own range does not widen the sizes
        #expect(site.positiveDouble("e") == 1e9)
        #expect(site.positiveDouble("f") == 1e-6)
        #expect(site.nonNegativeDouble("g") == 0)
        #expect(site.int("h", .between(-2_000_000_000...0)) == -1_000_000_000)
        #expect(site.optionalInt("i", .nonNegative) == nil)
        #expect(messages(log) == [
            "site.toml:1:5: error: 'a' must be at most 1,000,000,000 in size, found 1e+308",
            "site.toml:2:5: error: 'b' must be at most 1,000,000,000 in size, found 1000000001",
            "site.toml:3:5: error: 'c' must be 0 or at least 0.000001 in size, found 1e-308",
            "site.toml:4:5: error: 'd' must be at most 1,000,000,000 in size, found -2000000000",
            "site.toml:9:5: error: 'i' must be at most 1,000,000,000 in size, found 9223372036854775807",
        ])
    }

    @Test func arraysOfTablesFromHeadersOrInlineTables() throws {
        let (site, log) = try reader(["stops = [{ id = 1 }, 2, { id = 3 }]", "[wards]", "name = \"x\""])
        #expect(site.tables("stops")?.compactMap { $0.int("id") } == [1, 3])
        #expect(site.tables("wards") == nil)
        #expect(site.tables("routes") == nil)
        #expect(messages(log) == [
            "site.toml:1:1: error: missing key 'routes' at the top level",
            "site.toml:1:22: error: the elements of 'stops' must be tables, found an integer",
            "site.toml:2:1: error: 'wards' must be an array of tables, found a table (write [[wards]] for each element)",
        ])
    }

    @Test func namedTablesSkipOtherValues() throws {
        let (site, log) = try reader(["[wards]", "count = 2", "[wards.kita]", "x = 1", "[wards.minami]", "x = 2"])
        let wards = try #require(site.table("wards")).namedTables()
        #expect(wards.map(\.name) == ["kita", "minami"])
        #expect(wards.map { $0.reader.table.displayName } == ["[wards.kita]", "[wards.minami]"])
        #expect(messages(log) == ["site.toml:2:9: error: 'count' in [wards] must be a table, found an integer"])
    }

    @Test func unreadKeysAreSuggestedFromTheKeysAskedFor() throws {
        let (site, log) = try reader(["[policy]", "maxLoad = 3", "Strict = true", "colour = \"red\""])
        let policy = try #require(site.table("policy"))
        _ = policy.optionalInt("max_load")
        _ = policy.optionalBool("strict")
        policy.rejectUnreadKeys()
        #expect(messages(log) == [
            "site.toml:2:1: error: unknown key 'maxLoad' in [policy]; did you mean 'max_load'?",
            "site.toml:3:1: error: unknown key 'Strict' in [policy]; did you mean 'strict'?",
            "site.toml:4:1: error: unknown key 'colour' in [policy]",
        ])
    }

    @Test func customProblemsAndTheCollector() throws {
        let (site, log) = try reader(["start = 2026-12-08", "end = 2026-12-07", "n = \"x\""])
        if let start = site.date("start"), let end = site.date("end"), end < start {
            site.error("'end' must not be before 'start'", at: "end")
        }
        site.error("the site has no wards")
        // The same problem found twice (a key read twice) is reported once.
        _ = site.int("n")
        _ = site.int("n")
        log.warning("'n' is deprecated", at: site.location(of: "n"))
        #expect(log.hasErrors)
        #expect(messages(log) == [
            "site.toml:1:1: error: the site has no wards",
            "site.toml:2:7: error: 'end' must not be before 'start'",
            "site.toml:3:5: error: 'n' must be an integer, found a string",
            "site.toml:3:5: warning: 'n' is deprecated",
        ])
        let quiet = DiagnosticCollector()
        quiet.warning("just so you know", at: site.location)
        #expect(throws: Never.self) { try quiet.throwIfErrors() }
    }

    @Test(arguments: [
        ("rat", ["rate", "name"], "rate"),
        ("capcaity", ["capacity", "city"], "capacity"),
        ("nmae", ["name", "rate"], "name"),
        ("RATE", ["rate"], "rate"),
        ("colour", ["color", "colors"], "color"),
        ("x", ["y", "rate"], nil),
        ("name", ["rate"], nil),
        ("demand", ["capacity", "shift"], nil),
    ] as [(String, [String], String?)])
    func suggestions(word: String, candidates: [String], expected: String?) {
        #expect(TOMLReader.suggestion(for: word, among: candidates) == expected)
    }

    @Test func editDistanceCountsSwapsAsOneEdit() {
        #expect(TOMLReader.editDistance("", "abc") == 3)
        #expect(TOMLReader.editDistance("abc", "abc") == 0)
        #expect(TOMLReader.editDistance("abc", "acb") == 1)
        #expect(TOMLReader.editDistance("kitten", "sitting") == 3)
        #expect(TOMLReader.editDistance("北区", "南区") == 1)
    }
}
