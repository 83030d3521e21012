/// The character encodings an input file may be saved in.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8 without a byte order mark.
    case utf8 = "UTF-8"
    /// UTF-8 starting with the byte order mark EF BB BF, as Excel's "CSV UTF-8" writes it.
    case utf8WithBOM = "UTF-8 with BOM"
    /// Microsoft's Shift_JIS, as Japanese Excel's plain "CSV" writes it; see `CP932`.
    case cp932 = "Shift_JIS (CP932)"

    public var description: String { rawValue }
}

/// Turns the bytes of an input file into text, finding out whether they are UTF-8 or Shift_JIS (CP932).
///
/// UTF-8 is tried first: a file that is valid UTF-8 is taken as UTF-8 (so pure ASCII is UTF-8), and a leading
/// byte order mark is removed. Otherwise the file is decoded as CP932. Japanese text in CP932 is almost never valid
/// UTF-8 (its lead bytes 0x81–0x9F are UTF-8 continuation bytes), so the order rarely matters in practice.
public enum TextDecoding {
    /// Decodes a file's bytes as UTF-8 (with or without a BOM) or CP932.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: the file's name as the user gave it, for the diagnostic.
    /// - Returns: the text, without a byte order mark, and the encoding it was found in.
    /// - Throws: `DiagnosticsError` with one diagnostic at 1:1 when the bytes are neither UTF-8 nor CP932; it names
    ///   the first offending byte and its line and column, as counted in the encoding the file most likely is.
    public static func decode(
        _ bytes: [UInt8], file: String
    ) throws(DiagnosticsError) -> (text: String, encoding: TextEncoding) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
                return (text, .utf8WithBOM)
            }
            // The mark says UTF-8 outright, so the position is counted in UTF-8 only.
            let offset = firstInvalidUTF8(bytes, from: 3)
            throw DiagnosticsError([Diagnostic(start, unreadableMessage(bytes, offset: offset, in: .utf8WithBOM))])
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        let cp932Offset: Int
        do {
            return (try CP932.decodeOrLocate(bytes), .cp932)
        } catch {
            cp932Offset = error.offset
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticsError([Diagnostic(start,
                "cannot read the file: it is UTF-16 text (Excel's \"Unicode text\"); "
                    + "save it as UTF-8 or CSV (Shift_JIS)")])
        }
        let utf8Offset = firstInvalidUTF8(bytes, from: 0)
        let encoding = likelyEncoding(bytes, utf8Offset: utf8Offset, cp932Offset: cp932Offset)
        let offset = encoding == .cp932 ? cp932Offset : utf8Offset
        throw DiagnosticsError([Diagnostic(start, unreadableMessage(bytes, offset: offset, in: encoding))])
    }

    /// Which encoding a file that is valid in neither was most likely meant to be, so that the reported byte is the
    /// real damage rather than the first byte that the wrong encoding trips over.
    ///
    /// Decoded as CP932, UTF-8 Japanese text often runs on for a while, but CP932 Japanese text seldom forms a
    /// three-byte UTF-8 sequence (a character from U+0800 up, where kana and kanji are) and practically never two
    /// before its first invalid UTF-8 byte: two mean UTF-8. Otherwise the encoding that decodes further is the
    /// better guess.
    static func likelyEncoding(_ bytes: [UInt8], utf8Offset: Int, cp932Offset: Int) -> TextEncoding {
        // In valid UTF-8, each byte from 0xE0 up starts a character of U+0800 or above.
        if bytes[..<utf8Offset].lazy.filter({ $0 >= 0xE0 }).count >= 2 {
            return .utf8
        }
        return cp932Offset > utf8Offset ? .cp932 : .utf8
    }

    /// The offset of the first byte at which `bytes` stops being valid UTF-8, or `bytes.count` if it never does.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// The diagnostic's text for a byte that cannot be read, with its line and column.
    private static func unreadableMessage(_ bytes: [UInt8], offset: Int, in encoding: TextEncoding) -> String {
        // Both decoders stop at the first byte of a sequence, even a truncated one, so the offset is inside the file.
        // ASCII is valid in both, so the byte is 0x80 or above and always has two hex digits.
        let hex = String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)
        let (line, column) = position(after: bytes[..<offset], in: encoding)
        let described = "byte 0x\(hex) at line \(line), column \(column)"
        return "cannot read the file as UTF-8 or Shift_JIS/CP932 (\(described) is not valid in either); "
            + "save it as UTF-8 or CSV (Shift_JIS)"
    }

    /// The 1-based line and column just after `prefix`, which must be valid in `encoding`.
    ///
    /// Lines end at CR LF, LF or CR, as in `CSVTable`, and columns count Unicode scalars, as `SourceLocation` does.
    static func position(after prefix: ArraySlice<UInt8>, in encoding: TextEncoding) -> (line: Int, column: Int) {
        var bytes = Array(prefix)
        if encoding == .utf8WithBOM, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        let text: String
        switch encoding {
        case .utf8, .utf8WithBOM: text = String(decoding: bytes, as: UTF8.self)
        case .cp932: text = CP932.decode(bytes) ?? ""
        }
        var line = 1
        var column = 1
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                line += 1
                column = 1
            case "\n" where afterCR:
                break
            case "\n":
                line += 1
                column = 1
            default:
                column += 1
            }
            afterCR = scalar == "\r"
        }
        return (line, column)
    }
}
