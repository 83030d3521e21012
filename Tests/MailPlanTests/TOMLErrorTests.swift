import Testing
@testable import MailPlan

/// The diagnostics of parsing `text` as `site.toml`, printed as the CLI prints them.
private func problems(_ text: String) -> [String] {
    do {
        _ = try TOMLParser.parse(text, file: "site.toml")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Invalid documents: each problem with its exact line, column and message.
@Suite struct TOMLErrorTests {
    /// Keys and tables defined twice, in the spirit of the toml-test suite's invalid cases.
    @Test(arguments: [
        ("a = 1\na = 2",
         "site.toml:2:1: error: key 'a' is defined twice (first at line 1)"),
        ("[wards.kita]\nx = 1\n\n[wards.kita]",
         "site.toml:4:1: error: table [wards.kita] is defined twice (first at line 1)"),
        ("[a]\nb.c = 1\n[a.b]",
         "site.toml:3:1: error: table [a.b] is defined twice (first at line 2, by dotted keys)"),
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1",
         "site.toml:4:1: error: cannot add key 'a.b.c.t' with dotted keys: table [a.b.c] is already defined (first at line 1)"),
        ("[a.b]\nx = 1\n[a]\nb.y = 2",
         "site.toml:4:1: error: cannot add key 'a.b.y' with dotted keys: table [a.b] is already defined (first at line 1)"),
        ("a = { x = 1 }\na.y = 2",
         "site.toml:2:1: error: cannot add key 'a.y': 'a' is an inline table (first at line 1), and inline tables cannot be extended"),
        ("a = { x = 1 }\n[a.b]",
         "site.toml:2:1: error: cannot define [a.b]: 'a' is an inline table (first at line 1), and inline tables cannot be extended"),
        ("a = { x = 1 }\n[a]",
         "site.toml:2:1: error: table [a] is defined twice (first at line 1 as an inline table)"),
        ("a = [1]\n[[a]]",
         "site.toml:2:1: error: cannot append to static array 'a' with [[a]] (first at line 1)"),
        ("[[a]]\n[a]",
         "site.toml:2:1: error: table [a] is defined twice (first at line 1 as [[a]])"),
        ("[a]\n[[a]]",
         "site.toml:2:1: error: cannot define array of tables [[a]]: [a] is already a table (first at line 1)"),
        ("[[a]]\nb = 1\n[[a.b]]",
         "site.toml:3:1: error: cannot define array of tables [[a.b]]: key 'a.b' is already an integer (first at line 2)"),
        ("[[a]]\nb.c = 1\n[a]",
         "site.toml:3:1: error: table [a] is defined twice (first at line 1 as [[a]])"),
        ("[[a]]\n[a.b]\n[[a]]\n[a.b]\nx = 1\n[a.b]",
         "site.toml:6:1: error: table [a.b] is defined twice (first at line 4)"),
        ("[[a.b]]\n[a]\nb.y = 2",
         "site.toml:3:1: error: cannot add key 'a.b.y' with dotted keys: 'a.b' is an array of tables (first at line 1)"),
        ("a = 1\na.b = 2",
         "site.toml:2:1: error: cannot add key 'a.b': key 'a' is already an integer (first at line 1)"),
        ("a = 1\n[a]",
         "site.toml:2:1: error: cannot define table [a]: key 'a' is already an integer (first at line 1)"),
        ("a.b = 1\na = 2",
         "site.toml:2:1: error: key 'a' is defined twice (first at line 1)"),
        ("p = { x = 1, x = 2 }",
         "site.toml:1:14: error: key 'p.x' is defined twice (first at line 1)"),
        ("p = { x.y = 1, x = 2 }",
         "site.toml:1:16: error: key 'p.x' is defined twice (first at line 1)"),
        ("[t]\n\"k\" = 1\nk = 2",
         "site.toml:3:1: error: key 't.k' is defined twice (first at line 2)"),
    ])
    func redefinitions(text: String, expected: String) {
        #expect(problems(text) == [expected])
    }

    /// Syntax errors point at the offending character (or at the opening quote or bracket that is not closed).
    @Test(arguments: [
        ("a = 1 b = 2", "1:7: expected the end of the line, found 'b'; each key = value pair needs its own line"),
        ("a = \"abc", "1:5: this string is not closed before the end of the line (use \"\"\" for a multi-line string)"),
        ("a = 'abc\nb = 1", "1:5: this string is not closed before the end of the line (use ''' for a multi-line string)"),
        ("a = \"\"\"abc", "1:5: this multi-line string is not closed (expected \"\"\")"),
        ("a = '''abc\\\n", "1:5: this multi-line string is not closed (expected ''')"),
        ("a = '''x''''''", "1:14: too many quotes in a row: at most two may come before the closing three; escape the others"),
        ("a = \"x\\qy\"", "1:7: invalid escape sequence '\\q'; write a backslash as \\\\"),
        ("a = \"\\u12\"", "1:6: \\u must be followed by exactly 4 hexadecimal digits"),
        ("a = \"\\uD800\"", "1:6: U+D800 is not a Unicode scalar value, so it cannot be escaped"),
        ("a = \"tab\tok, bell\u{07}not\"", "1:18: control character U+0007 is not allowed in a string; write it as \\u0007"),
        ("a = 1 # bell\u{07}", "1:13: control character U+0007 is not allowed in a comment"),
        ("a = 1\rb = 2", "1:6: a carriage return must be followed by a line feed"),
        ("a = 01", "1:5: leading zeros are not allowed in '01'"),
        ("a = 1__0", "1:6: an underscore in a number must be between two digits"),
        ("a = 1_", "1:6: an underscore in a number must be between two digits"),
        ("a = 1.", "1:7: invalid number '1.': expected a digit, found the end"),
        ("a = 1.5e", "1:9: invalid number '1.5e': expected a digit, found the end"),
        ("a = 12abc", "1:7: invalid number '12abc': unexpected 'a'"),
        ("a = +0x10", "1:5: hexadecimal integers cannot have a sign"),
        ("a = 0xG", "1:7: invalid number '0xG': expected a digit, found 'G'"),
        ("a = 9223372036854775808", "1:5: the integer 9223372036854775808 does not fit in 64 bits"),
        ("a = 0x8000000000000000", "1:5: the integer 0x8000000000000000 does not fit in 64 bits"),
        ("a = 1e400", "1:5: the float 1e400 is too large for 64 bits"),
        ("a = 2026-02-29", "1:5: invalid date 2026-02-29: February 2026 has 28 days"),
        ("a = 2026-13-01", "1:5: invalid date 2026-13-01: there is no month 13"),
        ("a = 2026-1-01", "1:5: invalid date '2026-1-01'; dates are written YYYY-MM-DD"),
        ("a = 2026-12-07X10:00:00", "1:15: invalid date-time '2026-12-07X10:00:00': expected 'T' between the date and the time"),
        ("a = 25:00:00", "1:5: invalid time in '25:00:00': the hour must be 00 to 23"),
        ("a = 07:30", "1:5: invalid time in '07:30'; times are written HH:MM:SS"),
        ("a = 1979-05-27T07:32:00+25:00", "1:24: invalid offset in '1979-05-27T07:32:00+25:00'; write Z or +HH:MM after the time"),
        ("a = kita", "1:5: invalid value 'kita'; text must be in quotes"),
        ("a = 北区", "1:5: invalid value '北区'; text must be in quotes"),
        ("a = True", "1:5: invalid value 'True'; booleans are written in lower case: true"),
        ("a =", "1:4: expected a value, found the end of the file"),
        ("a = # nothing", "1:5: expected a value, found '#'"),
        ("= 1", "1:1: expected a key, found '='"),
        ("a b = 1", "1:3: expected '=' after the key 'a', found 'b'"),
        ("a. = 1", "1:4: expected a key, found '='"),
        ("名前 = 1", "1:1: '名' cannot be used in a bare key; put the key in quotes"),
        ("\"\"\"a\"\"\" = 1", "1:1: a key cannot be a multi-line string"),
        ("[a", "1:3: expected ']' to close the table header, found the end of the file"),
        ("[[a]", "1:4: expected ']]' to close the array of tables header, found ']'"),
        ("[a] b = 1", "1:5: expected the end of the line, found 'b'; each key = value pair needs its own line"),
        ("[]", "1:2: expected a key, found ']'"),
        ("a = [1, 2", "1:10: the array opened at line 1, column 5 is not closed"),
        ("a = [1 2]", "1:8: expected ',' or ']' after an array element, found '2'"),
        ("a = [,]", "1:6: expected a value, found ','"),
        ("a = { x = 1,\n y = 2 }", "1:13: an inline table must be closed with '}' on the same line (TOML 1.0); use a [table] header for a longer table"),
        ("a = { x = 1, }", "1:14: an inline table cannot end with a comma (TOML 1.0)"),
        ("a = { x = 1 y = 2 }", "1:13: expected ',' or '}' in the inline table, found 'y'"),
    ])
    func syntaxErrors(text: String, expected: String) {
        #expect(problems(text) == ["site.toml:" + expected.replacingFirstColonSpace()])
    }

    @Test func everyRedefinitionAndRecoverableSyntaxErrorIsReported() {
        let text = """
            a = 1
            a = 2
            b = "unclosed
            c = 3
            c = 4
            d = [1 2]
            [t]
            [t]
            e = 5
            e = 6
            """
        #expect(problems(text) == [
            "site.toml:2:1: error: key 'a' is defined twice (first at line 1)",
            "site.toml:3:5: error: this string is not closed before the end of the line (use \"\"\" for a multi-line string)",
            "site.toml:5:1: error: key 'c' is defined twice (first at line 4)",
            "site.toml:6:8: error: expected ',' or ']' after an array element, found '2'",
            "site.toml:8:1: error: table [t] is defined twice (first at line 7)",
            // Keys under a rejected header are still checked against each other.
            "site.toml:10:1: error: key 't.e' is defined twice (first at line 9)",
        ])
    }

    @Test func readingStopsWhenAnErrorMayHaveSwallowedLaterLines() {
        // The unclosed array may continue on the next lines, so nothing after the error can be trusted.
        let text = "a = [1,\n  2 3]\nb = 1\nb = 2"
        #expect(problems(text) == ["site.toml:2:5: error: expected ',' or ']' after an array element, found '3'"])
        let unclosed = "a = [1, 2 3,\nb = 1\nb = 2"
        #expect(problems(unclosed) == ["site.toml:1:11: error: expected ',' or ']' after an array element, found '3'"])
    }

    @Test func headerErrorsAreRecoverable() {
        #expect(problems("[a\nx = 1\nx = 2") == [
            "site.toml:1:3: error: expected ']' to close the table header, found the end of the line",
            "site.toml:3:1: error: key 'x' is defined twice (first at line 2)",
        ])
        // The keys after a broken header belong to no known table, so they do not clash with the section before.
        #expect(problems("[a]\nx = 1\n[b\nx = 2") == [
            "site.toml:3:3: error: expected ']' to close the table header, found the end of the line",
        ])
    }

    @Test func hostileNestingIsRejectedWithoutCrashing() {
        let deep = "a = " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(problems(deep) == ["site.toml:1:105: error: arrays and inline tables are nested more than 100 deep"])
    }

    /// Tables nested by dotted keys: a 10,000-part key crashed the loader (its stack, after 5 s and 1 GB). The depth
    /// counts the header's parts, the key's and those of the inline tables around it; 100 is still accepted.
    @Test func hostileDottedKeysAreRejectedWithoutCrashing() {
        let parts = { (count: Int) in Array(repeating: "a", count: count).joined(separator: ".") }
        let tooDeep = "keys and tables are nested more than 100 deep (counting every dotted part)"
        #expect(problems(parts(10_000) + " = 1") == ["site.toml:1:1: error: " + tooDeep])
        #expect(problems("[" + parts(101) + "]") == ["site.toml:1:2: error: " + tooDeep])
        #expect(problems("[" + parts(60) + "]\n" + parts(41) + " = 1") == ["site.toml:2:1: error: " + tooDeep])
        #expect(problems("x = { " + parts(50) + " = { " + parts(51) + " = 1 } }") == ["site.toml:1:111: error: " + tooDeep])
        #expect(problems("[" + parts(60) + "]\n" + parts(40) + " = 1").allSatisfy { !$0.contains("nested") })
    }
}

extension String {
    /// Inserts the severity after `line:column:` so test tables can omit it.
    fileprivate func replacingFirstColonSpace() -> String {
        guard let space = firstIndex(of: " ") else { return self }
        return self[..<space] + " error:" + self[space...]
    }
}
