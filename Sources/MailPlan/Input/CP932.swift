/// Microsoft's code page 932 (Windows-31J), the "Shift_JIS" that Japanese Excel writes when a sheet is saved as
/// "CSV (comma delimited)".
///
/// CP932 is JIS X 0208 in Shift_JIS form plus Microsoft's additions: NEC special characters (row 13: ①, ㈱, Ⅰ, ㍻),
/// NEC-selected IBM extensions (lead bytes 0xED–0xEE), IBM extensions (0xFA–0xFC, such as 髙 at 0xFBFC), and the
/// user-defined area (0xF0–0xF9, mapped to the private-use characters U+E000–U+E757). It also maps 0x8160 to
/// U+FF5E FULLWIDTH TILDE (～) and 0x817C to U+FF0D (－), where plain Shift_JIS has U+301C and U+2212.
///
/// The mapping is Python's `cp932` codec, kept in the generated `CP932+Table.swift`, rather than Foundation's
/// `.shiftJIS`: on Linux Foundation decodes the same characters but cannot say where a file stops being valid,
/// its encoder turns the controls 0x1A, 0x1C and 0x7F into one another and silently drops characters such as
/// U+FEFF, and on other platforms it may pick another table.
///
/// Single bytes 0x80, 0xA0 and 0xFD–0xFF are rejected: Windows maps them to C1 controls or private-use
/// characters, which in a CSV file only ever mean the file is not CP932 at all.
public enum CP932 {
    /// Decodes CP932 bytes.
    ///
    /// - Returns: the text, or `nil` when some byte sequence is not valid CP932.
    public static func decode(_ bytes: some Collection<UInt8>) -> String? {
        try? decodeOrLocate(Array(bytes))
    }

    /// Encodes text as CP932, the exact inverse of `decode(_:)`: `decode(encode(text)!) == text`.
    ///
    /// Where CP932 has two codes for one character, Windows' choice is made: JIS X 0208 before NEC row 13 before
    /// the IBM extensions, and never the NEC-selected copy of an IBM extension. No best-fit substitution is made.
    ///
    /// - Returns: the bytes, or `nil` when the text has a character that CP932 cannot represent (such as 〜
    ///   U+301C WAVE DASH, whose CP932 code decodes to ～ U+FF5E, or an emoji).
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if (0xFF61...0xFF9F).contains(scalar.value) {
                bytes.append(UInt8(scalar.value - 0xFF61 + 0xA1))
            } else if let code = encodingTable[scalar.value] {
                bytes.append(UInt8(code >> 8))
                bytes.append(UInt8(code & 0xFF))
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Decodes CP932 bytes, or throws the offset of the first byte that starts an invalid sequence.
    ///
    /// A lead byte whose trail byte is missing or unassigned is the offending byte, since that is where the
    /// sequence a reader would see starts.
    static func decodeOrLocate(_ bytes: [UInt8]) throws(InvalidByteOffset) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
            } else if (0xA1...0xDF).contains(byte) {
                scalars.append(Unicode.Scalar(UInt32(byte) - 0xA1 + 0xFF61)!)
                index += 1
            } else if index + 1 < bytes.count, let scalar = doubleByte(byte, bytes[index + 1]) {
                scalars.append(scalar)
                index += 2
            } else {
                throw InvalidByteOffset(offset: index)
            }
        }
        return String(scalars)
    }

    /// The character of a double-byte code, or `nil` when the code is unassigned or the bytes cannot form one.
    static func doubleByte(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? {
        guard let slot = slot(lead, trail) else { return nil }
        let value = decodingTable[slot]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Where a code lives in `decodingTable`: 60 lead bytes (0x81–0x9F, 0xE0–0xFC) × 188 trail bytes
    /// (0x40–0x7E, 0x80–0xFC).
    private static func slot(_ lead: UInt8, _ trail: UInt8) -> Int? {
        let row: Int
        switch lead {
        case 0x81...0x9F: row = Int(lead) - 0x81
        case 0xE0...0xFC: row = Int(lead) - 0xE0 + 31
        default: return nil
        }
        let column: Int
        switch trail {
        case 0x40...0x7E: column = Int(trail) - 0x40
        case 0x80...0xFC: column = Int(trail) - 0x41
        default: return nil
        }
        return row * trailCount + column
    }

    private static let leadCount = 60
    private static let trailCount = 188

    /// Every double-byte code's scalar value, 0 where unassigned (U+0000 is never a double-byte character).
    static let decodingTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: leadCount * trailCount)
        for line in tableText.split(separator: "\n") {
            // The generated lines are "LLTT chars…"; anything else means the generated file was edited by hand.
            let scalars = Array(line.unicodeScalars)
            let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
            guard scalars.count > 5, scalars[4] == " ", let first = UInt16(hex, radix: 16) else {
                preconditionFailure("CP932+Table.swift has a malformed line: \(line)")
            }
            let lead = UInt8(first >> 8)
            var trail = UInt8(first & 0xFF)
            for scalar in scalars.dropFirst(5) {
                guard let slot = slot(lead, trail), scalar.value <= 0xFFFF else {
                    preconditionFailure("CP932+Table.swift runs past its row: \(line)")
                }
                table[slot] = UInt16(scalar.value)
                trail = trail == 0x7E ? 0x80 : trail + 1
            }
        }
        // The user-defined area is regular, so it is computed rather than stored.
        for lead in UInt8(0xF0)...0xF9 {
            for column in 0..<trailCount {
                table[(Int(lead) - 0xE0 + 31) * trailCount + column] =
                    UInt16(0xE000 + (Int(lead) - 0xF0) * trailCount + column)
            }
        }
        return table
    }()

    /// Scalar value → double-byte code, choosing among duplicate codes as Windows does.
    static let encodingTable: [UInt32: UInt16] = {
        var table: [UInt32: UInt16] = [:]
        // Codes ascend, so the first code met for a character is the JIS X 0208 one, then NEC row 13, then IBM;
        // the NEC-selected IBM extensions (0xED, 0xEE) are only a fallback, which in practice never applies.
        var necSelected: [(UInt32, UInt16)] = []
        for lead in (UInt8(0x81)...0x9F).concatenated(with: UInt8(0xE0)...0xFC) {
            for trail in (UInt8(0x40)...0x7E).concatenated(with: UInt8(0x80)...0xFC) {
                guard let scalar = doubleByte(lead, trail) else { continue }
                let code = UInt16(lead) << 8 | UInt16(trail)
                if lead == 0xED || lead == 0xEE {
                    necSelected.append((scalar.value, code))
                } else if table[scalar.value] == nil {
                    table[scalar.value] = code
                }
            }
        }
        for (value, code) in necSelected where table[value] == nil {
            table[value] = code
        }
        return table
    }()
}

/// The byte offset at which a decoder met a byte that cannot start a valid sequence.
struct InvalidByteOffset: Error {
    var offset: Int
}

extension ClosedRange<UInt8> {
    /// This range's values followed by another's, for walking the two halves of CP932's byte ranges.
    fileprivate func concatenated(with other: ClosedRange<UInt8>) -> [UInt8] {
        Array(self) + Array(other)
    }
}
