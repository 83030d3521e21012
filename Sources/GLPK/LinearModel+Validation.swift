/// One reason a model cannot be handed to GLPK, naming the variable or constraint concerned.
public struct ModelIssue: Sendable, Hashable, CustomStringConvertible {
    /// What the issue is about: a variable, a constraint, or the model as a whole.
    public enum Subject: Sendable, Hashable {
        case variable(index: Int, name: String)
        case constraint(index: Int, name: String)
        case model
    }

    public var subject: Subject
    public var message: String

    public var description: String {
        switch subject {
        case .variable(let index, let name):
            return "variable \(name.isEmpty ? "#\(index + 1)" : "'\(name)'"): \(message)"
        case .constraint(let index, let name):
            return "constraint \(name.isEmpty ? "#\(index + 1)" : "'\(name)'"): \(message)"
        case .model:
            return "model: \(message)"
        }
    }
}

extension LinearModel {
    /// The longest name GLPK accepts; a longer one makes it abort.
    public static let maximumNameLength = 255

    /// Every problem that would make GLPK abort or misread the model.
    ///
    /// Checks: bounds that are NaN, inverted or infinite on the wrong side; fractional bounds on integer
    /// variables; coefficients that are not finite; terms whose variable is not in this model (a handle from
    /// another model); names that are too long, contain spaces or control characters (which MPS and CPLEX LP
    /// files cannot carry), or are used twice for variables or twice for constraints.
    public func issues() -> [ModelIssue] {
        var found: [ModelIssue] = []
        func variableIssue(_ j: Int, _ message: String) {
            found.append(ModelIssue(subject: .variable(index: j, name: variableNames[j]), message: message))
        }
        func constraintIssue(_ i: Int, _ message: String) {
            found.append(ModelIssue(subject: .constraint(index: i, name: constraintNames[i]), message: message))
        }

        if let problem = Self.nameProblem(name) {
            found.append(ModelIssue(subject: .model, message: "problem name \(problem)"))
        }
        if !objectiveConstant.isFinite {
            found.append(ModelIssue(subject: .model, message: "objective constant \(objectiveConstant) is not finite"))
        }

        var seenVariables: [String: Int] = [:]
        for j in 0..<variableCount {
            let (lower, upper) = (lowerBounds[j], upperBounds[j])
            if let problem = Self.boundsProblem(lower, upper) { variableIssue(j, problem) }
            if variableKinds[j] != .continuous,
               (lower.isFinite && lower.rounded() != lower) || (upper.isFinite && upper.rounded() != upper) {
                variableIssue(j, "integer variable has fractional bounds [\(lower), \(upper)]")
            }
            if variableKinds[j] == .binary, lower < 0 || upper > 1 {
                variableIssue(j, "binary variable has bounds [\(lower), \(upper)] outside [0, 1]")
            }
            if !objectiveCoefficients[j].isFinite {
                variableIssue(j, "objective coefficient \(objectiveCoefficients[j]) is not finite")
            }
            let name = variableNames[j]
            if let problem = Self.nameProblem(name) { variableIssue(j, "name \(problem)") }
            if !name.isEmpty {
                if let first = seenVariables[name] {
                    variableIssue(j, "name is also used by variable #\(first + 1)")
                } else {
                    seenVariables[name] = j
                }
            }
        }

        var seenConstraints: [String: Int] = [:]
        for i in 0..<constraintCount {
            if let problem = Self.boundsProblem(rowLower[i], rowUpper[i]) { constraintIssue(i, problem) }
            for k in rowStarts[i]..<rowStarts[i + 1] {
                let j = termVariables[k]
                if j < 0 || j >= variableCount {
                    constraintIssue(i, "refers to variable #\(j + 1), which is not in this model")
                } else if !termCoefficients[k].isFinite {
                    constraintIssue(i, "coefficient of '\(variableNames[j])' is \(termCoefficients[k])")
                }
            }
            let name = constraintNames[i]
            if let problem = Self.nameProblem(name) { constraintIssue(i, "name \(problem)") }
            if !name.isEmpty {
                if let first = seenConstraints[name] {
                    constraintIssue(i, "name is also used by constraint #\(first + 1)")
                } else {
                    seenConstraints[name] = i
                }
            }
        }
        return found
    }

    /// Throws ``GLPKError/invalidModel(_:)`` listing every issue when the model cannot be handed to GLPK.
    public func validate() throws(GLPKError) {
        let found = issues()
        if !found.isEmpty { throw .invalidModel(found) }
    }

    static func boundsProblem(_ lower: Double, _ upper: Double) -> String? {
        if lower.isNaN || upper.isNaN { return "bound is NaN" }
        if lower == .infinity { return "lower bound is +infinity" }
        if upper == -.infinity { return "upper bound is -infinity" }
        if lower > upper { return "lower bound \(lower) is above upper bound \(upper)" }
        return nil
    }

    static func nameProblem(_ name: String) -> String? {
        if name.utf8.count > maximumNameLength {
            return "is \(name.utf8.count) bytes long; GLPK allows at most \(maximumNameLength)"
        }
        if name.unicodeScalars.contains(where: { $0.value <= 32 || $0.value == 127 }) {
            return "'\(name)' contains a space or control character"
        }
        return nil
    }
}
