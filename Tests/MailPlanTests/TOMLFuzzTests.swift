import Testing
@testable import MailPlan


/// Random documents: the parser must never crash, every diagnostic must point inside the text, and whatever parses
/// must print back to TOML that parses to the same values.
@Suite struct TOMLFuzzTests {
    static let fragments = [
        "a", "b", "kita", "\"s\"", "'l'", "=", " = ", " ", "\n", "\n", "[", "]", "[[", "]]", "{", "}", ",", ".",
        "1", "-", "_", "0x1F", "1e5", "2.5", "2026-12-07", "T", "07:30:00", "Z", "+09:00", "# c", "\"\"\"", "'''",
        "\\", "\\n", "\\u00e9", "true", "inf", "nan", "北区", "\t", "\r\n", "\r", "+", ":", "\"", "'",
    ]

    @Test(arguments: 0..<4)
    func randomFragmentsNeverCrash(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<1000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...25, using: &random) {
                text += Self.fragments.randomElement(using: &random)!
            }
            try check(text)
        }
    }

    @Test(arguments: 0..<4)
    func randomDocumentsRoundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed + 100)
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: lines.append("[\(key(&random))]")
                case 1: lines.append("[[\(key(&random))]]")
                default: lines.append("\(key(&random)) = \(value(&random, depth: 0))")
                }
            }
            try check(lines.joined(separator: "\n"))
        }
    }

    private func key(_ random: inout SeededGenerator) -> String {
        let parts = ["a", "b", "c", "\"x y\"", "'q'", "1"]
        var chosen: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            chosen.append(parts.randomElement(using: &random)!)
        }
        return chosen.joined(separator: ".")
    }

    private func value(_ random: inout SeededGenerator, depth: Int) -> String {
        let scalars = [
            "1", "-17", "0xff", "0o7", "0b1", "3.25", "-1e-7", "6.02e23", "inf", "true", "false", "\"北区\\t\"",
            "'C:\\\\x'", "\"\"\"\nline\\\n  more\"\"\"", "2026-12-07", "07:30:00.125", "2026-12-07T07:30:00",
            "2026-12-07 07:30:00-05:30", "1979-05-27T00:32:00Z",
        ]
        guard depth < 3 else { return scalars.randomElement(using: &random)! }
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            var items: [String] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                items.append(value(&random, depth: depth + 1))
            }
            return "[" + items.joined(separator: ", ") + "]"
        case 1:
            var items: [String] = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                items.append("\(key(&random)) = \(value(&random, depth: depth + 1))")
            }
            return "{ " + items.joined(separator: ", ") + " }"
        default:
            return scalars.randomElement(using: &random)!
        }
    }

    private func check(_ text: String) throws {
        // Split scalars, not characters: "\r\n" is one Character and would hide the line break.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(\.count)
        do {
            let root = try TOMLParser.parse(text, file: "f.toml")
            let printed = TOMLValue(.table(root), at: root.location).description
            let again = try TOMLParser.parse("x = " + printed, file: "f.toml")
            #expect(again["x"]?.description == printed, "round trip of \(text.debugDescription)")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                let line = diagnostic.location.line
                let inside = (1...lines.count).contains(line) && (1...(lines[line - 1] + 1)).contains(diagnostic.location.column)
                #expect(inside, "\(diagnostic) outside \(text.debugDescription)")
            }
        }
    }
}
