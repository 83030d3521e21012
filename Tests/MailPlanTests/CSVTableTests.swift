import Foundation
import MailPlan
import Testing

/// Parses `text` as the file `jobs.csv`, which every expected location below names.
private func table(_ text: String) throws -> CSVTable {
    try CSVTable.parse(text, file: "jobs.csv")
}

/// The diagnostics `text` produces, as printed (`file:line:column: error: message`); empty when it parses.
private func diagnostics(_ text: String) -> [String] {
    do {
        _ = try CSVTable.parse(text, file: "jobs.csv")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// A location in `jobs.csv`; `MailPlan.` because swift-testing has a `SourceLocation` of its own.
private func at(_ line: Int, _ column: Int) -> MailPlan.SourceLocation {
    MailPlan.SourceLocation(file: "jobs.csv", line: line, column: column)
}

@Suite("CSV table")
struct CSVTableTests {
    @Test func headerAndRecordsWithPositions() throws {
        let csv = try table("id,ward,pieces\n1,kita,1200\n2,miyakojima,80\n")
        #expect(csv.file == "jobs.csv")
        #expect(csv.encoding == nil)
        #expect(csv.header.map(\.text) == ["id", "ward", "pieces"])
        #expect(csv.header.map(\.location) == [at(1, 1), at(1, 4), at(1, 9)])
        #expect(csv.records.map { $0.fields.map(\.text) } == [["1", "kita", "1200"], ["2", "miyakojima", "80"]])
        #expect(csv.records.map(\.location) == [at(2, 1), at(3, 1)])
        #expect(csv.records[1][2].location == at(3, 14))
    }

    @Test(arguments: [
        (#"1,"kita, block A",x"#, ["1", "kita, block A", "x"]),
        (#""say ""hi""",x,y"#, [#"say "hi""#, "x", "y"]),
        (#""""",x,y"#, [#"""#, "x", "y"]),
        ("\"line one\nline two\",x,y", ["line one\nline two", "x", "y"]),
        ("\"line one\r\nline two\",x,y", ["line one\r\nline two", "x", "y"]),
        (#""",x,"  kept as is  ""#, ["", "x", "  kept as is  "]),
        (##"1,"#",y"##, ["1", "#", "y"]),
    ])
    func quotedFields(record: String, expected: [String]) throws {
        let csv = try table("a,b,c\r\n" + record + "\r\n")
        #expect(csv.records.count == 1)
        #expect(csv.records.first?.fields.map(\.text) == expected)
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndings(newline: String) throws {
        let csv = try table(["id,name", "1,a", "2,b"].joined(separator: newline) + newline)
        #expect(csv.records.map { $0.fields.map(\.text) } == [["1", "a"], ["2", "b"]])
        #expect(csv.records.map(\.location) == [at(2, 1), at(3, 1)])
    }

    @Test func mixedLineEndingsAndNoFinalNewline() throws {
        let csv = try table("id,name\r\n1,a\n2,b\r3,c")
        #expect(csv.records.map(\.location) == [at(2, 1), at(3, 1), at(4, 1)])
        #expect(csv.records.last?.fields.map(\.text) == ["3", "c"])
    }

    @Test func positionsAfterAMultiLineQuotedField() throws {
        let csv = try table("""
            id,note,pieces
            1,"first line
            second, with ""comma""
            third",120
            2,  plain ,  80
            """)
        let first = try #require(csv.records.first)
        #expect(first[1].text == "first line\nsecond, with \"comma\"\nthird")
        #expect(first[1].location == at(2, 3))
        #expect(first[2].text == "120")
        #expect(first[2].location == at(4, 8))
        let second = csv.records[1]
        #expect(second.fields.map(\.text) == ["2", "plain", "80"])
        #expect(second.fields.map(\.location) == [at(5, 1), at(5, 5), at(5, 14)])
    }

    @Test func commentsBlankLinesAndEmptyRowsAreSkipped() throws {
        let csv = try table("""
            # week 49 of 2026

            id,note
              \t\u{3000}
            # a comment between records
            1,"x
            # not a comment: inside quotes"
            ,
            2,y
            """)
        #expect(csv.header.map(\.text) == ["id", "note"])
        #expect(csv.header[0].location == at(3, 1))
        #expect(csv.records.map { $0.fields.map(\.text) } == [["1", "x\n# not a comment: inside quotes"], ["2", "y"]])
        #expect(csv.records.map(\.location) == [at(6, 1), at(9, 1)])
    }

    @Test func unquotedFieldsAreTrimmedAndEmptyFieldsPointAtTheirStart() throws {
        let csv = try table("a,b,c\n  x  ,,\t\n")
        let record = try #require(csv.records.first)
        #expect(record.fields.map(\.text) == ["x", "", ""])
        #expect(record.fields.map(\.location) == [at(2, 3), at(2, 7), at(2, 8)])
    }

    @Test func spacesAroundQuotedFieldsAreAllowed() throws {
        let csv = try table("a,b,c\na, \"b\" ,c\n")
        #expect(csv.records[0].fields.map(\.text) == ["a", "b", "c"])
        #expect(csv.records[0][1].location == at(2, 4))
    }

    @Test func columnsCountUnicodeScalars() throws {
        // 区 is one scalar; é written as e + U+0301 is two scalars but one Character.
        let csv = try table("ward,name,x\n区,\"大阪\",e\u{301}\ne\u{301},x,y\n")
        #expect(csv.records[0].fields.map(\.location) == [at(2, 1), at(2, 3), at(2, 8)])
        #expect(csv.records[1][1].location == at(3, 4))
    }

    @Test func byteOrderMarkIsStripped() throws {
        let fromText = try table("\u{FEFF}id,name\n1,a\n")
        #expect(fromText.header[0].text == "id")
        #expect(fromText.header[0].location == at(1, 1))

        let fromBytes = try CSVTable.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,a\n".utf8), file: "jobs.csv")
        #expect(fromBytes.encoding == .utf8WithBOM)
        #expect(fromBytes.header == fromText.header)
        #expect(fromBytes.records == fromText.records)
    }

    @Test func shiftJISBytesAreDecoded() throws {
        // "ward,name,kana,mark,surname\n北区,大阪市,ｶﾅ,①㈱,髙橋\n" as Excel saves it in CP932.
        let bytes: [UInt8] = Array("ward,name,kana,mark,surname\n".utf8)
            + [0x96, 0x6B, 0x8B, 0xE6, 0x2C]  // 北区,
            + [0x91, 0xE5, 0x8D, 0xE3, 0x8E, 0x73, 0x2C]  // 大阪市,
            + [0xB6, 0xC5, 0x2C]  // ｶﾅ, (half-width katakana)
            + [0x87, 0x40, 0x87, 0x8A, 0x2C]  // ①㈱, (NEC special characters)
            + [0xFB, 0xFC, 0x8B, 0xB4, 0x0A]  // 髙橋 (髙 is an IBM extension)
        let csv = try CSVTable.parse(bytes: bytes, file: "jobs.csv")
        #expect(csv.encoding == .cp932)
        let record = try #require(csv.records.first)
        #expect(record.fields.map(\.text) == ["北区", "大阪市", "ｶﾅ", "①㈱", "髙橋"])
        #expect(record[4].text.unicodeScalars.first == "\u{9AD9}")
        #expect(record.fields.map(\.location) == [at(2, 1), at(2, 4), at(2, 8), at(2, 11), at(2, 14)])
    }

    @Test func roundTripThroughCP932() throws {
        let text = "id,ward,note\r\n1,北区,\"①㈱ 髙橋, ｶﾅ ～ \"\"至急\"\"\"\r\n# 備考\r\n2,都島区,\"二行目\r\nあり\"\r\n"
        let bytes = try #require(CP932.encode(text))
        #expect(CP932.decode(bytes) == text)
        let fromCP932 = try CSVTable.parse(bytes: bytes, file: "jobs.csv")
        let fromUTF8 = try CSVTable.parse(bytes: Array(text.utf8), file: "jobs.csv")
        #expect(fromCP932.encoding == .cp932)
        #expect(fromUTF8.encoding == .utf8)
        #expect(fromCP932.header == fromUTF8.header)
        #expect(fromCP932.records == fromUTF8.records)
        #expect(fromCP932.records[0][2].text == "①㈱ 髙橋, ｶﾅ ～ \"至急\"")
    }

    // MARK: - Errors

    @Test func unterminatedQuotePointsAtTheOpeningQuote() {
        #expect(diagnostics("id,note\n1,ok\n2,\"never closed\n3,x\n") == [
            "jobs.csv:3:3: error: this quoted field is never closed: there is no closing quote (\") "
                + "before the end of the file",
        ])
    }

    @Test func strayQuoteInAnUnquotedField() {
        #expect(diagnostics("id,note\n1,say \"hi\"\n") == [
            "jobs.csv:2:7: error: a quote (\") inside a field that does not start with a quote; "
                + "put the whole field in quotes and double the quote (\"\")",
        ])
    }

    @Test(arguments: [("1,\"a\"b\n", 6), ("1,\"a\"  b\n", 8)])
    func textAfterAClosingQuote(record: String, column: Int) {
        #expect(diagnostics("id,note\n" + record) == [
            "jobs.csv:2:\(column): error: unexpected text after the closing quote of a quoted field; "
                + "a quote inside a quoted field must be doubled (\"\")",
        ])
    }

    @Test func tooFewFieldsPointsAtTheRecord() {
        #expect(diagnostics("id,ward,pieces\n1,kita\n") == [
            "jobs.csv:2:1: error: expected 3 fields as in the header, found 2",
        ])
    }

    @Test func tooManyFieldsPointsAtTheFirstExtraField() {
        #expect(diagnostics("id,ward\n1,kita,120\n") == [
            "jobs.csv:2:8: error: expected 2 fields as in the header, found 3; "
                + "a field that contains a comma must be quoted",
        ])
    }

    @Test(arguments: ["", "\u{FEFF}"])
    func emptyFile(text: String) throws {
        #expect(diagnostics(text) == ["jobs.csv:1:1: error: the file is empty; expected a header line naming the columns"])
        #expect(throws: DiagnosticsError.self) { try CSVTable.parse(bytes: [], file: "jobs.csv") }
    }

    @Test(arguments: ["# only a comment\n", "\n  \n", "# note\n,,\n"])
    func fileWithoutAHeader(text: String) {
        #expect(diagnostics(text) == [
            "jobs.csv:1:1: error: the file has no header: every line is blank or a comment; "
                + "expected a header line naming the columns",
        ])
    }

    @Test func everyProblemIsCollectedInFileOrder() {
        let found = diagnostics("id,note\n1,2,3\n2,a\"b\n3\n4,\"open\n")
        #expect(found == [
            "jobs.csv:2:5: error: expected 2 fields as in the header, found 3; "
                + "a field that contains a comma must be quoted",
            "jobs.csv:3:4: error: a quote (\") inside a field that does not start with a quote; "
                + "put the whole field in quotes and double the quote (\"\")",
            "jobs.csv:4:1: error: expected 2 fields as in the header, found 1",
            "jobs.csv:5:3: error: this quoted field is never closed: there is no closing quote (\") "
                + "before the end of the file",
        ])
    }

    // MARK: - Files

    @Test func loadReadsDecodesAndNamesTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("week.csv")
        try Data(try #require(CP932.encode("id,ward\n1,北区\n"))).write(to: url)

        let csv = try CSVTable.load(path: url.path, displayName: "Jobs/week.csv")
        #expect(csv.file == "Jobs/week.csv")
        #expect(csv.encoding == .cp932)
        #expect(csv.records[0][1].text == "北区")
        #expect(csv.records[0][1].location == MailPlan.SourceLocation(file: "Jobs/week.csv", line: 2, column: 3))
        #expect(try CSVTable.load(path: url.path).file == url.path)

        try Data("id,ward\n1\n".utf8).write(to: url)
        #expect(throws: DiagnosticsError.self) { try CSVTable.load(path: url.path) }
        #expect(throws: InputFileError(path: directory.path, reason: .isDirectory)) {
            try CSVTable.load(path: directory.path)
        }
    }

    /// A pipe (what the shell's `<(…)` passes) and a device read like files. Foundation's `Data(contentsOf:)`
    /// refused both and called it "permission denied".
    @Test func aPipeAndADeviceAreReadLikeFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = directory.appendingPathComponent("week.csv").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let text = "id,ward\n" + (1...5000).map { "\($0),北区\n" }.joined()  // more than a pipe's buffer
        let writer = Thread { try? Data(text.utf8).write(to: URL(fileURLWithPath: pipe)) }
        writer.start()
        let csv = try CSVTable.load(path: pipe)
        #expect(csv.records.count == 5000)
        #expect(csv.records[4999][0].text == "5000")
        #expect(try InputFileError.readBytes(atPath: "/dev/null").isEmpty)
    }

    @Test func missingFileIsAnInputFileError() {
        let path = "/nonexistent-\(UUID().uuidString)/week.csv"
        #expect(throws: InputFileError(path: path, reason: .notFound)) { try CSVTable.load(path: path) }
        #expect(InputFileError(path: "week.csv", reason: .notFound).description == "week.csv: no such file")
    }
}

@Suite("The system's words for file errors")
struct SystemWordsTests {
    /// Foundation on Linux wraps the POSIX error of a failed write in a `CocoaError` whose underlying error is a
    /// `POSIXError` (Data.write) or an `NSError` (FileHandle.write); both give strerror's words, where the lookup as
    /// `NSError` alone found neither and the message was "The operation could not be completed."
    @Test func posixErrorsUnderFoundationsOwn() {
        let wrapped = CocoaError(.fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: POSIXError(.ENOSPC)])
        #expect(SystemWords.of(wrapped) == "no space left on device")
        let bridged = NSError(domain: NSCocoaErrorDomain, code: 640,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EFBIG))])
        #expect(SystemWords.of(bridged) == "file too large")
        #expect(SystemWords.of(POSIXError(.EACCES)) == "permission denied")
        #expect(SystemWords.of(errno: ENOENT) == "no such file or directory")
        let plain = CocoaError(.fileWriteUnknown)
        #expect(SystemWords.of(plain) == plain.localizedDescription)
    }
}
