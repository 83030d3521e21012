/// A column of a job book, with its English header and its Japanese alias.
///
/// Headers are matched after trimming spaces; English headers ignoring case, Japanese ones exactly. Columns may come
/// in any order; a column whose header starts with `x_` is the user's own and is ignored.
enum JobColumn: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case id
    case ward
    case program
    case title
    case pieces
    case stages
    case envelope
    case inserts
    case weightGrams = "weight_g"
    case ready
    case due
    case personalData = "personal_data"
    case wardRecords = "ward_records"
    case wardSpecific = "ward_specific"
    case current

    /// The Japanese header accepted in place of the English one.
    var japaneseName: String {
        switch self {
        case .id: "ID"
        case .ward: "区"
        case .program: "事業"
        case .title: "件名"
        case .pieces: "通数"
        case .stages: "工程"
        case .envelope: "封筒"
        case .inserts: "封入物数"
        case .weightGrams: "重量"
        case .ready: "準備完了日"
        case .due: "差出期限"
        case .personalData: "個人情報"
        case .wardRecords: "区保有情報"
        case .wardSpecific: "区独自"
        case .current: "現行"
        }
    }

    /// Whether a job book must have the column; only the title, which no check or plan needs, may be left out.
    var isRequired: Bool { self != .title }

    var description: String { rawValue }

    /// The column a header names, or nil.
    init?(header: String) {
        let name = header.trimmingWhitespace
        if let column = JobColumn(rawValue: name.lowercased()) {
            self = column
        } else if let column = JobColumn.allCases.first(where: { $0.japaneseName == name }) {
            self = column
        } else {
            return nil
        }
    }

    /// Whether a header names a column of the user's own, which the loader ignores.
    static func isUserColumn(_ header: String) -> Bool {
        header.trimmingWhitespace.lowercased().hasPrefix("x_")
    }
}

extension JobLoader {
    /// Finds each column of the book in the header, reporting unknown, duplicate, unnamed and missing columns.
    ///
    /// - Returns: the field index of every column found; missing columns are absent.
    static func columns(of table: CSVTable, log: DiagnosticCollector) -> [JobColumn: Int] {
        var columns: [JobColumn: Int] = [:]
        let known = JobColumn.allCases.flatMap { [$0.rawValue, $0.japaneseName] }
        for (index, field) in table.header.enumerated() {
            let header = field.text.trimmingWhitespace
            if header.isEmpty {
                // Spreadsheets write a trailing comma for a formatted but empty column: harmless when it is empty.
                if table.records.contains(where: { !$0[index].text.trimmingWhitespace.isEmpty }) {
                    log.error("column \(index + 1) has no name but holds values; name it (x_… for a column of your "
                        + "own) or delete it", at: field.location)
                }
                continue
            }
            if JobColumn.isUserColumn(header) { continue }
            guard let column = JobColumn(header: header) else {
                var message = "unknown column '\(header)'"
                if let near = TOMLReader.suggestion(for: header, among: known) {
                    message += "; did you mean '\(near)'?"
                }
                message += " (start a column of your own with x_ to keep it)"
                log.error(message, at: field.location)
                continue
            }
            if let first = columns[column] {
                let firstHeader = table.header[first].text.trimmingWhitespace
                log.error("column '\(column)' appears twice: '\(header)' here and '\(firstHeader)' in column "
                    + "\(first + 1)", at: field.location)
                continue
            }
            columns[column] = index
        }
        let headerStart = table.header.first?.location ?? SourceLocation(file: table.file, line: 1, column: 1)
        let headerLine = SourceLocation(file: table.file, line: headerStart.line, column: 1)
        for column in JobColumn.allCases where column.isRequired && columns[column] == nil {
            log.error("missing column '\(column)' (or '\(column.japaneseName)'); the header must name it",
                      at: headerLine)
        }
        return columns
    }
}
