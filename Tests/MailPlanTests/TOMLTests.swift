import Testing
@testable import MailPlan

/// A location in the test file `site.toml`.
private func at(_ line: Int, _ column: Int) -> MailPlan.SourceLocation {
    MailPlan.SourceLocation(file: "site.toml", line: line, column: column)
}

/// Parses `lines` joined by line feeds as `site.toml`.
private func parseSite(_ lines: [String]) throws -> TOMLTable {
    try TOMLParser.parse(lines.joined(separator: "\n"), file: "site.toml")
}

/// Valid documents: every value and every position.
@Suite struct TOMLTests {
    // Line numbers are written next to each line so the expected positions below can be checked by eye.
    static let site = [
        "# mailplan site file",                             // 1
        "title = \"北区 mail centre\"  # Japanese text",      // 2
        "version = 3",                                      // 3
        "start = 2026-12-07",                               // 4
        "cutoff = 07:30:00.5",                              // 5
        "updated = 2026-12-01T09:00:00+09:00",              // 6
        "local = 2026-12-01 09:00:00",                      // 7
        "ratio = 0.75",                                     // 8
        "big = 1_000_000",                                  // 9
        "masks = [0xDEAD_beef, 0o755, 0b1101]",             // 10
        "exp = -1.5e-3",                                    // 11
        "specials = [+inf, -inf, nan]",                     // 12
        "enabled = true",                                   // 13
        "\"quoted key\" = 'C:\\path'",                      // 14
        "site.owner.name = \"Sato\"",                       // 15
        "site . owner . phone = \"03-1234\"",               // 16
        "notes = \"\"\"",                                   // 17
        "first line",                                       // 18
        "  second \\",                                      // 19
        "    continued\"\"\"",                              // 20
        "raw = '''",                                        // 21
        "keep \\n as is'''",                                // 22
        "",                                                 // 23
        "[resources.center]",                               // 24
        "rate = 120.5",                                     // 25
        "shifts = [",                                       // 26
        "  \"morning\", # comment inside",                  // 27
        "  \"evening\",",                                   // 28
        "]",                                                // 29
        "point = { x = 1, y = -2, tag.kind = \"depot\" }",  // 30
        "",                                                 // 31
        "[[wards]]",                                        // 32
        "name = \"北区\"",                                   // 33
        "demand = [10, 20.5]",                              // 34
        "",                                                 // 35
        "[[wards]]",                                        // 36
        "name = \"南区\"",                                   // 37
        "[wards.extra]",                                    // 38
        "floor = 2",                                        // 39
    ]

    @Test func topLevelKeysKeepDocumentOrder() throws {
        let root = try parseSite(Self.site)
        #expect(root.keys == [
            "title", "version", "start", "cutoff", "updated", "local", "ratio", "big", "masks", "exp", "specials",
            "enabled", "quoted key", "site", "notes", "raw", "resources", "wards",
        ])
        #expect(root.location == at(1, 1))
        #expect(root.displayName == "the top level")
    }

    @Test func scalarsAndTheirPositions() throws {
        let root = try parseSite(Self.site)
        #expect(root["title"] == TOMLValue(.string("北区 mail centre"), at: at(2, 9)))
        #expect(root.entry(for: "title")?.keyLocation == at(2, 1))
        #expect(root["version"] == TOMLValue(.integer(3), at: at(3, 11)))
        #expect(root["start"] == TOMLValue(.localDate(TOMLLocalDate(year: 2026, month: 12, day: 7)!), at: at(4, 9)))
        let cutoff = try #require(TOMLLocalTime(hour: 7, minute: 30, second: 0, nanosecond: 500_000_000))
        #expect(root["cutoff"] == TOMLValue(.localTime(cutoff), at: at(5, 10)))
        let updated = TOMLOffsetDateTime(date: TOMLLocalDate(year: 2026, month: 12, day: 1)!,
                                         time: TOMLLocalTime(hour: 9, minute: 0, second: 0)!, offsetMinutes: 540)
        #expect(root["updated"] == TOMLValue(.offsetDateTime(updated), at: at(6, 11)))
        #expect(root["updated"]?.description == "2026-12-01T09:00:00+09:00")
        let local = TOMLLocalDateTime(date: updated.date, time: updated.time)
        #expect(root["local"] == TOMLValue(.localDateTime(local), at: at(7, 9)))
        #expect(root["ratio"] == TOMLValue(.float(0.75), at: at(8, 9)))
        #expect(root["big"]?.kind == .integer(1_000_000))
        #expect(root["masks"] == TOMLValue(.array([
            TOMLValue(.integer(0xDEAD_BEEF), at: at(10, 10)),
            TOMLValue(.integer(0o755), at: at(10, 23)),
            TOMLValue(.integer(0b1101), at: at(10, 30)),
        ]), at: at(10, 9)))
        #expect(abs(try #require(root["exp"]?.doubleValue) - -0.0015) < 1e-15)
        let specials = try #require(root["specials"]?.arrayValue).map { $0.doubleValue ?? 0 }
        #expect(specials[0] == .infinity && specials[1] == -.infinity && specials[2].isNaN)
        #expect(root["enabled"] == TOMLValue(.boolean(true), at: at(13, 11)))
        #expect(root["quoted key"] == TOMLValue(.string("C:\\path"), at: at(14, 16)))
        #expect(root.entry(for: "quoted key")?.keyLocation == at(14, 1))
    }

    @Test func dottedKeysMakeTablesAtTheirFirstKey() throws {
        let root = try parseSite(Self.site)
        let site = try #require(root["site"]?.tableValue)
        #expect(site.location == at(15, 1))
        #expect(site.path == ["site"])
        let owner = try #require(site["owner"]?.tableValue)
        #expect(owner.location == at(15, 6))
        #expect(owner.keys == ["name", "phone"])
        #expect(owner.entry(for: "phone")?.keyLocation == at(16, 16))
        #expect(owner["phone"] == TOMLValue(.string("03-1234"), at: at(16, 24)))
    }

    @Test func multiLineStrings() throws {
        let root = try parseSite(Self.site)
        // The newline after the opening quotes is dropped; the backslash swallows the line break and indentation.
        #expect(root["notes"] == TOMLValue(.string("first line\n  second continued"), at: at(17, 9)))
        #expect(root["raw"] == TOMLValue(.string("keep \\n as is"), at: at(21, 7)))
    }

    @Test func headerTablesAndInlineTables() throws {
        let root = try parseSite(Self.site)
        let resources = try #require(root["resources"]?.tableValue)
        #expect(resources.location == at(24, 1))  // created implicitly by the header [resources.center]
        let center = try #require(resources["center"]?.tableValue)
        #expect(resources.entry(for: "center")?.keyLocation == at(24, 12))
        #expect(center.location == at(24, 1))
        #expect(center.displayName == "[resources.center]")
        #expect(center.keys == ["rate", "shifts", "point"])
        #expect(center["rate"] == TOMLValue(.float(120.5), at: at(25, 8)))
        #expect(center["shifts"] == TOMLValue(.array([
            TOMLValue(.string("morning"), at: at(27, 3)),
            TOMLValue(.string("evening"), at: at(28, 3)),
        ]), at: at(26, 10)))
        let point = try #require(center["point"]?.tableValue)
        #expect(point.location == at(30, 9))
        #expect(point.path == ["resources", "center", "point"])
        #expect(point.keys == ["x", "y", "tag"])
        #expect(point["y"] == TOMLValue(.integer(-2), at: at(30, 22)))
        #expect(point["tag"]?.tableValue?["kind"] == TOMLValue(.string("depot"), at: at(30, 37)))
    }

    @Test func arraysOfTables() throws {
        let root = try parseSite(Self.site)
        let wards = try #require(root["wards"])
        #expect(wards.location == at(32, 1))
        let elements = try #require(wards.arrayValue).compactMap(\.tableValue)
        #expect(elements.count == 2)
        #expect(elements[0].location == at(32, 1))
        #expect(elements[0].displayName == "[[wards]]")
        #expect(elements[0]["name"] == TOMLValue(.string("北区"), at: at(33, 8)))
        #expect(elements[0]["demand"]?.arrayValue?.map(\.doubleValue) == [10, 20.5])
        #expect(elements[1].location == at(36, 1))
        #expect(elements[1]["name"]?.stringValue == "南区")
        let extra = try #require(elements[1]["extra"]?.tableValue)
        #expect(extra.location == at(38, 1))
        #expect(extra.displayName == "[wards.extra]")
        #expect(extra["floor"] == TOMLValue(.integer(2), at: at(39, 9)))
    }

    /// Small documents in the spirit of the toml-test suite's valid cases.
    @Test(arguments: [
        ("a = \"\\u00E9\\U0001F600\\t\\\"\"", TOMLValue.Kind.string("é😀\t\"")),
        ("a = \"\"\"\"\"x\"\"\"\"\"", .string("\"\"x\"\"")),
        ("a = '''it's'''", .string("it's")),
        ("a = \"\"\"\r\none\r\ntwo\"\"\"", .string("one\ntwo")),
        ("a = \"\"", .string("")),
        ("a = 0xDEADBEEF", .integer(3_735_928_559)),
        ("a = -9223372036854775808", .integer(Int.min)),
        ("a = 9_223_372_036_854_775_807", .integer(Int.max)),
        ("a = +17", .integer(17)),
        ("a = -0", .integer(0)),
        ("a = 0o17", .integer(15)),
        ("a = 1e1_0", .float(1e10)),
        ("a = 6.626E-34", .float(6.626e-34)),
        ("a = 0.0", .float(0)),
        ("a = 3_141.592_653", .float(3141.592653)),
        ("a = false", .boolean(false)),
        ("a = []", .array([])),
        ("a = {}", .table(TOMLTable(location: at(1, 5), path: ["a"]))),
        ("a = 1979-05-27t07:32:00z", .offsetDateTime(TOMLOffsetDateTime(
            date: TOMLLocalDate(year: 1979, month: 5, day: 27)!,
            time: TOMLLocalTime(hour: 7, minute: 32, second: 0)!, offsetMinutes: 0))),
        ("a = 1979-05-27T00:32:00.999999-07:00", .offsetDateTime(TOMLOffsetDateTime(
            date: TOMLLocalDate(year: 1979, month: 5, day: 27)!,
            time: TOMLLocalTime(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000)!, offsetMinutes: -420))),
        ("a = 2024-02-29", .localDate(TOMLLocalDate(year: 2024, month: 2, day: 29)!)),
        ("\u{FEFF}a = 1 # a byte order mark is skipped", .integer(1)),
        ("a = 1\r\n", .integer(1)),
    ])
    func scalarForms(text: String, expected: TOMLValue.Kind) throws {
        let root = try TOMLParser.parse(text, file: "site.toml")
        #expect(root["a"]?.kind == expected)
        #expect(root["a"]?.location == at(1, 5))
    }

    @Test func nestedArraysMixTypesAndAllowCommentsAndTrailingCommas() throws {
        let root = try parseSite(["a = [ [1, 2], [\"x\", 'y'], [], # note", "  { k = 1.5 }, ]"])
        let a = try #require(root["a"]?.arrayValue)
        #expect(a.count == 4)
        #expect(a[0].arrayValue?.map(\.integerValue) == [1, 2])
        #expect(a[1].arrayValue?.map(\.stringValue) == ["x", "y"])
        #expect(a[2].arrayValue?.isEmpty == true)
        #expect(a[3].location == at(2, 3))
        #expect(a[3].tableValue?.isArrayElement == true)
    }

    @Test func quotedEmptyAndDigitKeys() throws {
        let root = try parseSite(["\"\" = 1", "'lit.eral' = 2", "1234 = 3", "[ a . \"b c\" ]", "d = 4"])
        #expect(root.keys == ["", "lit.eral", "1234", "a"])
        let bc = try #require(root["a"]?.tableValue?["b c"]?.tableValue)
        #expect(bc.displayName == "[a.\"b c\"]")
        #expect(bc["d"]?.integerValue == 4)
    }

    @Test func headersMayDefineImplicitTablesAndExtendDottedOnes() throws {
        let root = try parseSite([
            "[a.b.c]", "x = 1",
            "[a]", "y = 2",
            "[fruit]", "apple.color = \"red\"",
            "[fruit.apple.texture]", "smooth = true",
        ])
        let a = try #require(root["a"]?.tableValue)
        #expect(a.location == at(3, 1))  // now defined by its own header
        #expect(a.keys == ["b", "y"])
        let apple = try #require(root["fruit"]?.tableValue?["apple"]?.tableValue)
        #expect(apple.keys == ["color", "texture"])
        #expect(apple["texture"]?.tableValue?["smooth"]?.boolValue == true)
    }

    @Test func nestedArraysOfTablesAttachToTheLastElement() throws {
        let root = try parseSite([
            "[[fruits]]", "name = \"apple\"",
            "[[fruits.varieties]]", "name = \"red\"",
            "[[fruits.varieties]]", "name = \"green\"",
            "[[fruits]]", "name = \"banana\"",
            "[[fruits.varieties]]", "name = \"plantain\"",
        ])
        let fruits = try #require(root["fruits"]?.arrayValue).compactMap(\.tableValue)
        #expect(fruits.map { $0["name"]?.stringValue } == ["apple", "banana"])
        let names = fruits.map { ($0["varieties"]?.arrayValue ?? []).compactMap { $0.tableValue?["name"]?.stringValue } }
        #expect(names == [["red", "green"], ["plantain"]])
        #expect(fruits[1]["varieties"]?.location == at(9, 1))
    }

    @Test func parsesUTF8BytesAndPointsAtInvalidOnes() {
        #expect(throws: Never.self) { try TOMLParser.parse(utf8: Array("a = \"北\"".utf8), file: "site.toml") }
        var bytes = Array("a = 1\nb = \"x".utf8)
        bytes.append(0xFF)
        bytes += Array("\"".utf8)
        #expect(throws: DiagnosticsError.self) { try TOMLParser.parse(utf8: bytes, file: "site.toml") }
        do {
            _ = try TOMLParser.parse(utf8: bytes, file: "site.toml")
        } catch {
            #expect(error.description == "site.toml:2:7: error: the file is not valid UTF-8")
        }
    }

    @Test func emptyDocumentIsAnEmptyTable() throws {
        #expect(try TOMLParser.parse("", file: "site.toml").isEmpty)
        #expect(try TOMLParser.parse("# only a comment\n\n   \n", file: "site.toml").isEmpty)
    }

    @Test func valuesPrintAsTOML() throws {
        let root = try parseSite(["a = { b = [1, 2.5, \"x\"], \"c d\" = 1979-05-27 }"])
        #expect(root["a"]?.description == "{ b = [1, 2.5, \"x\"], \"c d\" = 1979-05-27 }")
    }
}
