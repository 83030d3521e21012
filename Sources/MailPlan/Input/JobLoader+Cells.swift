/// Reads one cell of a job book by its column, reporting a value that cannot be used at the cell.
struct CellReader {
    let site: Site
    let log: DiagnosticCollector
    private let wardByKey: [String: String]

    /// The words a yes/no cell may hold, as they are written (Latin letters in any case).
    static let yesWords = ["yes", "y", "true", "1", "はい"]
    static let noWords = ["no", "n", "false", "0", "いいえ"]

    /// Job dates must be in the years whose public holidays the calendar knows.
    static let years = JapaneseHolidays.supportedYears

    init(site: Site, log: DiagnosticCollector) {
        self.site = site
        self.log = log
        var byKey: [String: String] = [:]
        for ward in site.wards {
            byKey[ward.name] = ward.id
        }
        for ward in site.wards {
            byKey[ward.id] = ward.id
        }
        wardByKey = byKey
    }

    /// Reads `field` as `column` into `row`.
    func read(_ field: CSVTable.Field, into row: inout JobRow, as column: JobColumn) {
        let text = field.text.trimmingWhitespace
        let at = field.location
        func fail(_ message: String) { log.error(message, at: at) }
        if text.isEmpty && column != .title {
            fail("\(column) is empty; expected \(Self.expectation(column))")
            return
        }
        switch column {
        case .id: row.id = text
        case .title: row.title = text
        case .ward: row.ward = ward(text, fail)
        case .program:
            row.program = code(text, among: site.programs.map(\.id), what: "program", section: "[[programs]]", fail)
        case .envelope:
            row.envelope = code(text, among: site.envelopes.map(\.id), what: "envelope", section: "[[envelopes]]",
                                fail)
        case .pieces: row.pieces = wholeNumber(text, column, minimum: 1, fail)
        case .inserts: row.inserts = wholeNumber(text, column, minimum: 0, fail)
        case .weightGrams:
            guard let grams = Double(text), grams.isFinite, grams > 0 else {
                return fail("weight_g must be a number of grams above 0, found '\(text)'")
            }
            guard grams <= TOMLReader.largestNumber else {
                return fail("weight_g must be at most \(TOMLReader.largestNumberWritten) grams, found '\(text)'")
            }
            row.weightGrams = grams
        case .stages: row.stages = stages(text, fail)
        case .current: row.current = kinds(text, fail)
        case .ready: row.ready = date(text, column, fail)
        case .due: row.due = date(text, column, fail)
        case .personalData: row.personalData = flag(text, column, fail)
        case .wardRecords: row.wardRecords = flag(text, column, fail)
        case .wardSpecific: row.wardSpecific = flag(text, column, fail)
        }
    }

    /// What a cell of `column` should hold, to finish "… is empty; expected …".
    static func expectation(_ column: JobColumn) -> String {
        switch column {
        case .id: "an id unique in the book"
        case .ward: "a ward code or Japanese name"
        case .program: "a program code"
        case .title: "a title"
        case .pieces: "a whole number above 0"
        case .stages: "stage names joined by '+', such as extract+insert+dispatch"
        case .envelope: "an envelope code"
        case .inserts: "a whole number, 0 or more"
        case .weightGrams: "a number of grams above 0"
        case .ready, .due: "a date written YYYY-MM-DD"
        case .personalData, .wardRecords, .wardSpecific: "yes or no"
        case .current: "one resource kind per stage joined by '+', such as ward+department+ward"
        }
    }

    private func ward(_ text: String, _ fail: (String) -> Void) -> String? {
        if let code = wardByKey[text] { return code }
        var message = "unknown ward '\(text)'"
        if let near = TOMLReader.suggestion(for: text, among: site.wards.map(\.id)) {
            message += "; did you mean '\(near)'?"
        }
        fail(message + " (write a ward code or Japanese name from [[wards]] of the site)")
        return nil
    }

    private func code(_ text: String, among codes: [String], what: String, section: String,
                      _ fail: (String) -> Void) -> String? {
        if codes.contains(text) { return text }
        var message = "unknown \(what) '\(text)'"
        if let near = TOMLReader.suggestion(for: text, among: codes) {
            message += "; did you mean '\(near)'? (not in \(section) of the site)"
        } else if codes.count <= 8 {
            message += " (the site's \(what)s are \(codes.joined(separator: ", ")))"
        } else {
            message += " (not in \(section) of the site)"
        }
        fail(message)
        return nil
    }

    /// A whole number written in plain digits, at least `minimum` and at most a billion (as every number of a
    /// site is, ``TOMLReader/largestNumber``).
    private func wholeNumber(_ text: String, _ column: JobColumn, minimum: Int, _ fail: (String) -> Void) -> Int? {
        let bound = minimum == 0 ? "0 or more" : "above \(minimum - 1)"
        if let value = Int(text) {
            guard value >= minimum else {
                fail("\(column) must be \(bound), found \(text)")
                return nil
            }
            guard value <= Int(TOMLReader.largestNumber) else {
                fail("\(column) must be at most \(TOMLReader.largestNumberWritten), found \(text)")
                return nil
            }
            return value
        }
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {  // digits past Int.max
            fail("\(column) must be at most \(TOMLReader.largestNumberWritten), found \(text)")
            return nil
        }
        let digitsOnly = text.filter { $0 != "," }
        if text.contains(","), !digitsOnly.isEmpty, Int(digitsOnly) != nil {
            fail("\(column) must be written without thousands separators: write \(digitsOnly), found '\(text)'")
        } else if let number = Double(text), number.isFinite {
            fail("\(column) must be a whole number \(bound), found '\(text)'")
        } else {
            fail("\(column) must be a whole number \(bound) in digits, found '\(text)'")
        }
        return nil
    }

    /// `+`-joined stage names: known, in processing order, each once.
    private func stages(_ text: String, _ fail: (String) -> Void) -> [Stage]? {
        let (stages, known): ([Stage], Bool) = plusJoined(text, column: "stages", noun: "stage", emptyNoun: "name", fail)
        var valid = known
        var seen: [Stage] = []
        for stage in stages {
            if seen.contains(stage) {
                fail("stage '\(stage)' is named twice in stages")
                valid = false
            } else if let last = seen.last, stage < last {
                fail("stages must be in processing order (extract, insert, dispatch): '\(stage)' comes after "
                    + "'\(last)'")
                valid = false
            }
            seen.append(stage)
        }
        return valid ? seen : nil
    }

    /// `+`-joined resource kinds, one per stage (checked against `stages` once both are read).
    private func kinds(_ text: String, _ fail: (String) -> Void) -> [ResourceKind]? {
        let (kinds, valid): ([ResourceKind], Bool) = plusJoined(text, column: "current", noun: "kind", emptyNoun: "kind", fail)
        return valid ? kinds : nil
    }

    /// `+`-joined names of an enumeration's cases: the known ones, and whether every name was known (each
    /// unknown or empty name is reported, with a suggestion).
    private func plusJoined<Value: RawRepresentable & CaseIterable>(
        _ text: String, column: String, noun: String, emptyNoun: String, _ fail: (String) -> Void
    ) -> ([Value], Bool) where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        var values: [Value] = []
        var valid = true
        for part in text.split(separator: "+", omittingEmptySubsequences: false) {
            let name = String(part).trimmingWhitespace
            guard let value = Value(rawValue: name) else {
                var message = name.isEmpty ? "\(column) has an empty \(emptyNoun) between '+' signs"
                                           : "unknown \(noun) '\(name)' in \(column)"
                if let near = TOMLReader.suggestion(for: name, among: names) { message += "; did you mean '\(near)'?" }
                fail(message + " (the \(noun)s are \(names.joined(separator: ", ")))")
                valid = false
                continue
            }
            values.append(value)
        }
        return (values, valid)
    }

    private func date(_ text: String, _ column: JobColumn, _ fail: (String) -> Void) -> CivilDate? {
        guard let date = CivilDate(iso: text) else {
            fail("\(column) must be a date written YYYY-MM-DD, found '\(text)'")
            return nil
        }
        guard Self.years.contains(date.year) else {
            fail("\(column) \(date) is outside \(Self.years.lowerBound)–\(Self.years.upperBound), the years whose "
                + "public holidays mailplan knows")
            return nil
        }
        return date
    }

    private func flag(_ text: String, _ column: JobColumn, _ fail: (String) -> Void) -> Bool? {
        let word = text.lowercased()
        if Self.yesWords.contains(word) { return true }
        if Self.noWords.contains(word) { return false }
        fail("\(column) must be yes or no, found '\(text)' (also accepted: y/n, true/false, 1/0, はい/いいえ)")
        return nil
    }
}
