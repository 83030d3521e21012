import MailPlan
import Testing

/// The diagnostics that decoding `bytes` as the file `jobs.csv` produces, as printed; empty when it decodes.
private func decodingDiagnostics(_ bytes: [UInt8]) -> [String] {
    do {
        _ = try TextDecoding.decode(bytes, file: "jobs.csv")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The message for an unreadable byte, as `TextDecoding` words it.
private func unreadable(_ byte: String, line: Int, column: Int) -> String {
    "jobs.csv:1:1: error: cannot read the file as UTF-8 or Shift_JIS/CP932 "
        + "(byte 0x\(byte) at line \(line), column \(column) is not valid in either); "
        + "save it as UTF-8 or CSV (Shift_JIS)"
}

/// Every lead and trail byte pair that can form a CP932 double-byte code.
private let doubleByteCodes: [(lead: UInt8, trail: UInt8)] = {
    let leads = Array(UInt8(0x81)...0x9F) + Array(UInt8(0xE0)...0xFC)
    let trails = Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFC)
    return leads.flatMap { lead in trails.map { (lead, $0) } }
}()

@Suite("Text decoding")
struct TextDecodingTests {
    // MARK: - CP932

    /// The digest of Python's `cp932` mapping, as `CP932+Table.swift` records it when generated: a change means the
    /// generated table was damaged (for instance by an editor that normalises Unicode).
    @Test func tableMatchesPythonsCP932Codec() {
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        for (lead, trail) in doubleByteCodes {
            guard let scalar = CP932.decode([lead, trail])?.unicodeScalars.first else { continue }
            for byte in [lead, trail, UInt8(scalar.value >> 8), UInt8(scalar.value & 0xFF)] {
                digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3
            }
            count += 1
        }
        #expect(count == 9_604)
        #expect(digest == 0x485D_4EAD_AABF_EBD0)
    }

    @Test(arguments: [
        ([0x87, 0x40], "\u{2460}"),  // ① NEC special character
        ([0x87, 0x8A], "\u{3231}"),  // ㈱
        ([0xFB, 0xFC], "\u{9AD9}"),  // 髙 IBM extension
        ([0xED, 0x95], "\u{FA11}"),  // 﨑 NEC-selected IBM extension
        ([0x81, 0x60], "\u{FF5E}"),  // ～ where plain Shift_JIS has 〜 U+301C
        ([0x81, 0x7C], "\u{FF0D}"),  // － where plain Shift_JIS has − U+2212
        ([0x81, 0xCA], "\u{FFE2}"),  // ￢
        ([0x81, 0x40], "\u{3000}"),  // ideographic space
        ([0xB6], "\u{FF76}"),  // ｶ half-width katakana
        ([0xDF], "\u{FF9F}"),  // ﾟ
        ([0x5C], "\\"),  // a backslash, not ¥
        ([0x7E], "~"),
        ([0xF0, 0x40], "\u{E000}"),  // first user-defined character
        ([0xF9, 0xFC], "\u{E757}"),  // last user-defined character
    ] as [([UInt8], String)])
    func decodesMicrosoftsCharacters(bytes: [UInt8], expected: String) {
        #expect(CP932.decode(bytes)?.unicodeScalars.elementsEqual(expected.unicodeScalars) == true)
    }

    @Test(arguments: [
        [0x80], [0xA0], [0xFD], [0xFE], [0xFF],  // single bytes Windows maps to C1 or private-use characters
        [0x81], [0x41, 0xFC],  // a lead byte without its trail
        [0x81, 0x7F], [0x81, 0x20], [0x81, 0xFD],  // trail bytes outside 0x40–0x7E, 0x80–0xFC
        [0x85, 0x40], [0xEB, 0x40], [0x81, 0xAD],  // unassigned codes
    ] as [[UInt8]])
    func rejectsInvalidSequences(bytes: [UInt8]) {
        #expect(CP932.decode(bytes) == nil)
    }

    @Test(arguments: [
        ("∵", [0x81, 0xE6]),  // JIS X 0208, not NEC row 13 (0x879A) or IBM (0xFA5B)
        ("Ⅰ", [0x87, 0x54]),  // NEC row 13, not IBM (0xFA4A)
        ("ⅰ", [0xFA, 0x40]),  // IBM, not its NEC-selected copy (0xEEEF)
        ("纊", [0xFA, 0x5C]),  // IBM, not its NEC-selected copy (0xED40)
        ("髙", [0xFB, 0xFC]),
        ("～", [0x81, 0x60]),
        ("ｶﾅ", [0xB6, 0xC5]),
        ("\u{1A}\u{1C}\u{7F}", [0x1A, 0x1C, 0x7F]),  // controls stay themselves, unlike in Foundation's encoder
        ("\u{E000}", [0xF0, 0x40]),
    ] as [(String, [UInt8])])
    func encodesAsWindowsDoes(text: String, expected: [UInt8]) {
        #expect(CP932.encode(text) == expected)
    }

    @Test(arguments: ["〜", "−", "😀", "é", "\u{FEFF}", "\u{200B}"])
    func refusesCharactersCP932CannotHold(text: String) {
        #expect(CP932.encode("a" + text) == nil)
    }

    @Test func everyAssignedCodeRoundTrips() throws {
        for (lead, trail) in doubleByteCodes {
            guard let text = CP932.decode([lead, trail]) else { continue }
            let bytes = try #require(CP932.encode(text))
            #expect(CP932.decode(bytes) == text)
        }
    }

    // MARK: - Detection

    @Test func detectsTheEncoding() throws {
        #expect(try TextDecoding.decode([], file: "jobs.csv") == ("", .utf8))
        #expect(try TextDecoding.decode(Array("id,ward\n".utf8), file: "jobs.csv") == ("id,ward\n", .utf8))
        #expect(try TextDecoding.decode(Array("北区".utf8), file: "jobs.csv") == ("北区", .utf8))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try TextDecoding.decode(bom + Array("北区".utf8), file: "jobs.csv") == ("北区", .utf8WithBOM))
        #expect(try TextDecoding.decode([0x96, 0x6B, 0x8B, 0xE6], file: "jobs.csv") == ("北区", .cp932))
    }

    @Test func invalidByteInAShiftJISFile() {
        // "id,name\n1,北区\n2,\u{FF}": UTF-8 fails at 北 already, CP932 only at 0xFF.
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x96, 0x6B, 0x8B, 0xE6] + Array("\n2,".utf8) + [0xFF]
        #expect(decodingDiagnostics(bytes) == [unreadable("FF", line: 3, column: 3)])
    }

    @Test func unassignedCodeAfterKanjiIsCountedInCharacters() {
        let bytes: [UInt8] = Array("id,name\r\n1,".utf8) + [0x96, 0x6B, 0x8B, 0xE6, 0x85, 0x40, 0x0A]
        #expect(decodingDiagnostics(bytes) == [unreadable("85", line: 2, column: 5)])
    }

    @Test func truncatedCharacterAtTheEnd() {
        #expect(decodingDiagnostics(Array("id\n".utf8) + [0x96]) == [unreadable("96", line: 2, column: 1)])
    }

    @Test func invalidByteInAUTF8File() {
        // A Shift_JIS あ (0x82 0xA0) pasted into UTF-8 text: CP932 reads the UTF-8 kanji as other kanji and goes on
        // to the 0xFF on line 5, but the UTF-8 kana before the damage show the file is UTF-8.
        let bytes: [UInt8] = Array("id,ward\n1,北区\n2,".utf8) + [0x82, 0xA0] + Array("\n3,都島区\n4,".utf8) + [0xFF]
        #expect(decodingDiagnostics(bytes) == [unreadable("82", line: 3, column: 3)])
    }

    @Test func invalidByteInAUTF8FileWithBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id\n北区".utf8) + [0xFF]
        #expect(decodingDiagnostics(bytes) == [unreadable("FF", line: 2, column: 3)])
    }

    @Test func utf16IsNamed() {
        #expect(decodingDiagnostics([0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00]) == [
            "jobs.csv:1:1: error: cannot read the file: it is UTF-16 text (Excel's \"Unicode text\"); "
                + "save it as UTF-8 or CSV (Shift_JIS)",
        ])
    }
}
