import Foundation
@testable import MailPlan
import Testing

@Suite("Reading plan.json")
struct PlanDocumentReadingTests {
    /// The plan.json text of a small seeded week's greedy plan, or its optimal plan (which has `bound`, `gap` and
    /// `model` as well).
    static func planJSON(seed: UInt64 = 7, optimal: Bool = false) throws -> String {
        let book = SmallInstances.book(seed: seed)
        let catalogue = RouteCatalogue(book)
        let plan = optimal ? try OptimalPlanner(options: .init(timeLimit: .seconds(30))).plan(catalogue)
                           : HeuristicPlanners.greedy(catalogue)
        let document = PlanDocument(plan: plan, statusQuo: HeuristicPlanners.statusQuo(catalogue), book: book, solveSeconds: 0)
        return String(decoding: try document.json(), as: UTF8.self)
    }

    /// The diagnostics of decoding `text` as `plan.json`, or [] when it decodes.
    static func diagnostics(_ text: String) -> [String] {
        do throws(DiagnosticsError) {
            _ = try PlanDocument.decode(Array(text.utf8), file: "plan.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The `line:column` of the character at UTF-8 byte `offset`, counted here without the parser: lines after
    /// each newline, columns in Unicode scalars.
    static func position(of offset: String.Index, in text: String) -> String {
        let before = text[..<offset]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return "\(line):\(text[lineStart..<offset].unicodeScalars.count + 1)"
    }

    @Test(arguments: [
        ("", "plan.json:1:1: error: the file is empty; a plan.json holds one JSON object"),
        ("  \n  ", "plan.json:2:3: error: the file ends where a JSON value was expected"),
        ("{\"a\": 1,}", "plan.json:1:9: error: a comma before '}': remove the comma after the last member"),
        ("[1, 2,]", "plan.json:1:7: error: a comma before ']': remove the comma after the last element"),
        ("{\n  \"planner\": \"optimal\",\n  \"cost\": {,\n", "plan.json:3:12: error: unexpected ','; expected a key in double quotes"),
        ("{\"a\" 1}", "plan.json:1:6: error: unexpected '1'; expected ':' after the key 'a'"),
        ("{\"a\": 1 \"b\": 2}", "plan.json:1:9: error: unexpected '\"'; expected ',' or '}' after the value of 'a'"),
        ("{\"a\": tru}", "plan.json:1:7: error: 'tru' is not a JSON value (true, false, null, a number, a string, an array or an object)"),
        ("{\"a\": NaN}", "plan.json:1:7: error: 'NaN' is not a JSON value (true, false, null, a number, a string, an array or an object)"),
        ("{\"a\": \"x\ny\"}", "plan.json:1:9: error: the string that starts at line 1, column 7 is not closed on its line"),
        ("{\"a\": \"x\ty\"}", "plan.json:1:9: error: a control character (U+0009) inside a string; write it as an escape"),
        ("{\"a\": 01}", "plan.json:1:8: error: a number cannot have a leading zero"),
        ("{\"a\": 1.}", "plan.json:1:9: error: unexpected '}'; a digit must follow '.'"),
        ("{\"a\": -}", "plan.json:1:8: error: unexpected '}'; a number needs a digit here"),
        ("{\"a\": 1e}", "plan.json:1:9: error: unexpected '}'; a digit must follow the exponent"),
        ("{\"a\": \"\\q\"}", "plan.json:1:8: error: '\\q' is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        ("{\"a\": \"\\u12\"}", "plan.json:1:8: error: \\u must be followed by four hex digits"),
        ("{\"a\": \"\\uD800x\"}", "plan.json:1:8: error: \\uD800 is half of a surrogate pair without its other half"),
        ("{\"a\": 1, \"a\": 2}", "plan.json:1:10: error: the key 'a' appears twice in one object (first at line 1, column 2)"),
        ("{\"a\": 1} x", "plan.json:1:10: error: unexpected 'x' after the end of the JSON value"),
        ("{\"a\": [1, 2}", "plan.json:1:12: error: unexpected '}'; expected ',' or ']' after an array element"),
        ("{\"a\": {\"b\": 1}", "plan.json:1:15: error: the file ends inside the object that starts at line 1, column 1"),
        ("{\"a\": \"open", "plan.json:1:12: error: the file ends inside the string that starts at line 1, column 7"),
        // Columns count Unicode scalars, not bytes; CRLF ends a line like LF; a byte-order mark is no column.
        ("{\"名前\": 1,}", "plan.json:1:10: error: a comma before '}': remove the comma after the last member"),
        ("{\r\n  \"a\": 1,\r\n}", "plan.json:3:1: error: a comma before '}': remove the comma after the last member"),
        ("\u{FEFF}{\"a\": 1,}", "plan.json:1:9: error: a comma before '}': remove the comma after the last member"),
        ("{\"a\": 1} é", "plan.json:1:10: error: unexpected 'é' (U+00E9) after the end of the JSON value"),
        ("[1]", "plan.json:1:1: error: not a plan: the file holds an array, where mailplan plan writes an object"),
        ("\n  \"just a string\"", "plan.json:2:3: error: not a plan: the file holds a string, where mailplan plan writes an object"),
    ])
    func syntaxErrorsAreReportedWhereTheyAre(text: String, expected: String) {
        #expect(Self.diagnostics(text) == [expected])
    }

    @Test func invalidUTF8AndDeepNestingAreErrorsNotCrashes() throws {
        var bytes = Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        do throws(DiagnosticsError) {
            _ = try PlanDocument.decode(bytes, file: "plan.json")
            Issue.record("invalid UTF-8 decoded as a plan")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["plan.json:1:8: error: byte 0xFF is not UTF-8; a plan.json is UTF-8 text"])
        }
        bytes = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        do throws(DiagnosticsError) {
            _ = try PlanDocument.decode(bytes, file: "plan.json")
            Issue.record("a 100,000-deep array decoded as a plan")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["plan.json:1:257: error: values are nested more than 256 deep"])
        }
    }

    @Test func aJSONFileThatIsNoPlanSaysWhatItLacks() {
        let all = PlanDocument.requiredKeys.count
        #expect(Self.diagnostics("{\"hello\": \"world\"}") == [
            "plan.json:1:1: error: not a plan.json written by mailplan plan: it lacks \(all) of its \(all) keys "
                + "('planner', 'status', 'objective', 'cost', …)",
        ])
    }

    /// The reader's list of required keys is the decoder's: without any one of them a plan is refused, naming it;
    /// without an optional one it still reads.
    @Test(arguments: [false, true])
    func requiredKeysAreExactlyTheOnesAPlanCannotLack(optimal: Bool) throws {
        let text = try Self.planJSON(optimal: optimal)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(PlanDocument.requiredKeys).isSubset(of: object.keys))
        #expect(optimal == (object["model"] != nil && object["bound"] != nil))
        for key in object.keys {
            var without = object
            without[key] = nil
            let data = try JSONSerialization.data(withJSONObject: without, options: [.sortedKeys])
            let found = Self.diagnostics(String(decoding: data, as: UTF8.self))
            if PlanDocument.requiredKeys.contains(key) {
                #expect(found == ["plan.json:1:1: error: not a plan.json written by mailplan plan: it lacks '\(key)'"])
            } else {
                #expect(found == [], "\(key) is optional, yet: \(found)")
            }
        }
    }

    @Test func aPlanReadsBackAsWritten() throws {
        let text = try Self.planJSON()
        let document = try PlanDocument.decode(Array(text.utf8), file: "plan.json")
        #expect(String(decoding: try document.json(), as: UTF8.self) == text)
        #expect(document.jobsDigest == SmallInstances.book(seed: 7).jobsDigest)
        #expect(document.wards.allSatisfy { $0.yen != nil && $0.yenStatusQuo != nil })
    }

    /// Every number of a real plan.json, replaced by a string, is reported exactly where it stands; replaced by a
    /// fraction, it either still reads (a yen or hours field) or is reported there (a count).
    @Test(arguments: [false, true])
    func everyWrongValueIsReportedWhereItStands(optimal: Bool) throws {
        let text = try Self.planJSON(optimal: optimal)
        let numbers = try Regex(#": (-?[0-9][0-9.e+-]*)"#)
        var checked = 0, wholeNumbers = 0
        for match in text.matches(of: numbers) {
            let range = try #require(match.output[1].range)
            let at = Self.position(of: range.lowerBound, in: text)
            var asString = text
            asString.replaceSubrange(range, with: "\"x\"")
            let stringErrors = Self.diagnostics(asString)
            #expect(stringErrors.count == 1 && stringErrors[0].hasPrefix("plan.json:\(at): error: '"), "\(stringErrors) at \(at)")
            #expect(stringErrors.first?.contains("must be") == true, "\(stringErrors)")
            var asFraction = text
            asFraction.replaceSubrange(range, with: "0.5")
            let fractionErrors = Self.diagnostics(asFraction)
            if !fractionErrors.isEmpty {
                #expect(fractionErrors.count == 1 && fractionErrors[0].hasPrefix("plan.json:\(at): error: '"), "\(fractionErrors) at \(at)")
                #expect(fractionErrors.first?.hasSuffix("must be a whole number, not 0.5") == true, "\(fractionErrors)")
                var asHuge = text
                asHuge.replaceSubrange(range, with: "9223372036854775807")
                #expect(Self.diagnostics(asHuge) == [fractionErrors[0].replacingOccurrences(
                    of: "must be a whole number, not 0.5", with: "must be a whole number below 9.2e18 in size, not 9223372036854775807")])
                wholeNumbers += 1
            }
            checked += 1
        }
        #expect(checked > 40)
        #expect(wholeNumbers > 10)
    }

    @Test func nullWhereAValueBelongsIsReportedThere() throws {
        let text = try Self.planJSON()
        let range = try #require(text.range(of: "\"handoffs\" : "))
        let value = try #require(text[range.upperBound...].firstIndex(where: { $0 == "," }))
        var edited = text
        edited.replaceSubrange(range.upperBound..<value, with: "null")
        let at = Self.position(of: range.upperBound, in: text)
        #expect(Self.diagnostics(edited).first?.hasPrefix("plan.json:\(at): error: ") == true, "\(Self.diagnostics(edited))")
    }

    @Test func repeatedStagesAndWardsAreEachReported() throws {
        let text = try Self.planJSON()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var assignments = try #require(object["assignments"] as? [[String: Any]])
        try #require(!assignments.isEmpty)
        assignments.append(assignments[0])
        var wrongStage = assignments[0]
        wrongStage["stage"] = "fold"
        assignments.append(wrongStage)
        object["assignments"] = assignments
        var wards = try #require(object["wards"] as? [[String: Any]])
        wards.append(wards[0])
        object["wards"] = wards
        object["lotsPerTier"] = ["many": 1]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        let found = Self.diagnostics(String(decoding: data, as: UTF8.self))
        let job = try #require(assignments[0]["job"] as? String), stage = try #require(assignments[0]["stage"] as? String)
        let ward = try #require(wards[0]["ward"] as? String)
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.hasSuffix("error: job \(job), stage \(stage) is assigned twice (first in assignments[0])") })
        #expect(found.contains { $0.hasSuffix("error: 'fold' is not a stage (extract, insert or dispatch)") })
        #expect(found.contains { $0.hasSuffix("error: ward \(ward) is listed twice (first in wards[0])") })
        #expect(found.contains { $0.hasSuffix("error: 'many' is not a tier (the minimum pieces of a lot, 0 below the tiers)") })
        #expect(found.allSatisfy { !$0.hasPrefix("plan.json:1:1:") }, "\(found)")
    }

    @Test func aMissingFileIsAnInputFileError() {
        #expect(throws: InputFileError(path: "/nonexistent/plan.json", reason: .notFound)) {
            try PlanDocument.read(path: "/nonexistent/plan.json")
        }
    }
}
