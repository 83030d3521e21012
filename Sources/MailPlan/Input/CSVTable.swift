/// A CSV file read into a header and records, with the exact source position of every field.
///
/// The format is RFC 4180 as spreadsheets write it, with a few allowances for files edited by hand:
/// - Fields are separated by commas; records end at CR LF, LF or CR (all three may be mixed in one file).
/// - A field may be quoted with `"`; inside quotes, `""` is a quote, and commas and line breaks are data. Nothing
///   inside quotes is trimmed, and line breaks inside quotes are kept exactly as they are in the file.
/// - Spaces and tabs around an unquoted field are trimmed, and spaces and tabs are allowed before an opening quote
///   and after a closing one (so `a, "b"` reads as `a` and `b`).
/// - A line that holds only whitespace, or whose first character is `#`, is skipped where a record would start
///   (a `#` inside a quoted field that began on an earlier line is data). A record whose fields are all empty
///   (such as `,,,`, which spreadsheets write for a row that was formatted but left empty) is skipped too.
/// - The first record that is not skipped is the header; every other record must have as many fields.
/// - A byte order mark (U+FEFF) at the very start of the text is ignored.
///
/// Positions are 1-based lines and columns, columns counted in Unicode scalars, as in `SourceLocation`.
public struct CSVTable: Hashable, Sendable {
    /// One field of a record: its text and where it starts in the file.
    public struct Field: Hashable, Sendable, CustomStringConvertible {
        /// The field's value, unquoted and unescaped; an unquoted field's surrounding spaces and tabs are trimmed.
        public var text: String
        /// For a quoted field, its opening quote; for an unquoted one, its first character after leading spaces
        /// and tabs, or where the field starts if it is empty.
        public var location: SourceLocation

        public init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }

        public var description: String { text }
    }

    /// One record (row) of the file.
    public struct Record: Hashable, Sendable {
        /// The record's fields in column order; each record has as many as the header.
        public var fields: [Field]
        /// Where the record's first field starts.
        public var location: SourceLocation

        public init(fields: [Field], location: SourceLocation) {
            self.fields = fields
            self.location = location
        }

        /// The field in the given column.
        ///
        /// - Precondition: `column` is a valid index into `fields` (a caller's programming error otherwise).
        public subscript(column: Int) -> Field { fields[column] }
    }

    /// The file as the user named it, as used in every `SourceLocation` of the table.
    public var file: String
    /// The encoding the file was found in, or `nil` when the table was parsed from text.
    public var encoding: TextEncoding?
    /// The column names, as written in the file's first record.
    public var header: [Field]
    /// Every record after the header, in file order.
    public var records: [Record]

    public init(file: String, encoding: TextEncoding? = nil, header: [Field], records: [Record]) {
        self.file = file
        self.encoding = encoding
        self.header = header
        self.records = records
    }

    /// Parses CSV text.
    ///
    /// - Parameters:
    ///   - text: the whole file's text.
    ///   - file: the file's name as the user gave it, used in every location and diagnostic.
    /// - Returns: the table; its `encoding` is `nil`.
    /// - Throws: `DiagnosticsError` with every problem found: an unterminated quoted field (at its opening quote),
    ///   a quote inside an unquoted field (at the quote), text after a closing quote (at that text), a record with
    ///   another number of fields than the header, an empty file, or a file without a header.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> CSVTable {
        var parser = CSVParser(text: text, file: file)
        let rows = parser.parseRecords()
        var diagnostics = parser.diagnostics
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let header = rows.first else {
            // A broken quote can swallow the header; the quote's diagnostic already says what is wrong.
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(start, parser.isEmpty
                    ? "the file is empty; expected a header line naming the columns"
                    : "the file has no header: every line is blank or a comment; "
                        + "expected a header line naming the columns"))
            }
            throw DiagnosticsError(diagnostics)
        }
        let expected = header.fields.count
        for record in rows.dropFirst() where record.fields.count != expected {
            let found = record.fields.count
            if found > expected {
                diagnostics.append(Diagnostic(record.fields[expected].location,
                    "expected \(expected) \(fields(expected)) as in the header, found \(found); "
                        + "a field that contains a comma must be quoted"))
            } else {
                diagnostics.append(Diagnostic(record.location,
                    "expected \(expected) \(fields(expected)) as in the header, found \(found)"))
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        return CSVTable(file: file, header: header.fields, records: Array(rows.dropFirst()))
    }

    /// Decodes a file's bytes (UTF-8 with or without BOM, or Shift_JIS/CP932) and parses them.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: the file's name as the user gave it, used in every location and diagnostic.
    /// - Returns: the table, with the encoding the bytes were found in.
    /// - Throws: `DiagnosticsError` when the bytes are in neither encoding (see `TextDecoding.decode(_:file:)`) or
    ///   the text is not a valid table (see `parse(_:file:)`).
    public static func parse(bytes: [UInt8], file: String) throws(DiagnosticsError) -> CSVTable {
        let decoded = try TextDecoding.decode(bytes, file: file)
        var table = try parse(decoded.text, file: file)
        table.encoding = decoded.encoding
        return table
    }

    /// Reads, decodes and parses a CSV file.
    ///
    /// - Parameters:
    ///   - path: where the file is.
    ///   - displayName: the name to use in locations and diagnostics; the path when `nil`.
    /// - Returns: the table, with the encoding the file was found in.
    /// - Throws: `InputFileError` when the file cannot be read at all (missing, a directory, no permission), and
    ///   `DiagnosticsError` when it can be read but its content is not a valid table.
    public static func load(path: String, displayName: String? = nil) throws -> CSVTable {
        let bytes = try InputFileError.readBytes(atPath: path)
        return try parse(bytes: bytes, file: displayName ?? path)
    }

    private static func fields(_ count: Int) -> String { count == 1 ? "field" : "fields" }
}
