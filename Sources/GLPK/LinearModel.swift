/// A linear or mixed-integer program, built as a value and solved with ``solve(_:_:)``.
///
/// Variables and constraints are added in order and referred to by the handles the `add` methods return.
/// Nothing reaches GLPK until the model is solved or written, and then ``validate()`` checks every index,
/// bound, coefficient and name first, because GLPK aborts the whole process on invalid input instead of
/// returning an error.
///
/// ```swift
/// var model = LinearModel(sense: .maximize)
/// let x = model.addVariable("x", kind: .binary, objective: 3)
/// let y = model.addVariable("y", kind: .binary, objective: 2)
/// model.addConstraint("capacity", [(x, 2), (y, 1)], .atMost(2))
/// let solution = try solve(model)   // x = 1, y = 0, objective 3
/// ```
public struct LinearModel: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable, Hashable {
        /// The corresponding GLPK constant is `GLP_MIN`.
        case minimize
        /// The corresponding GLPK constant is `GLP_MAX`.
        case maximize
    }

    /// The domain of a variable.
    public enum VariableKind: Sendable, Hashable {
        /// A real-valued variable (`GLP_CV`).
        case continuous
        /// An integer variable (`GLP_IV`).
        case integer
        /// An integer variable with bounds 0 and 1 (`GLP_BV`).
        case binary
    }

    /// A handle to a variable of the model that created it.
    public struct Variable: Hashable, Comparable, Sendable {
        /// The 0-based position of the variable in its model.
        public let index: Int

        public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
    }

    /// A handle to a constraint of the model that created it.
    public struct Constraint: Hashable, Comparable, Sendable {
        /// The 0-based position of the constraint in its model.
        public let index: Int

        public static func < (a: Constraint, b: Constraint) -> Bool { a.index < b.index }
    }

    /// A problem name, used in written files.
    public var name: String
    /// Whether the objective is minimised or maximised.
    public var sense: Sense
    /// A constant added to the objective (GLPK's objective coefficient 0).
    public var objectiveConstant: Double = 0

    // Columns, stored as parallel arrays so that models of 10^5 variables stay compact.
    var variableNames: [String] = []
    var variableKinds: [VariableKind] = []
    var lowerBounds: [Double] = []
    var upperBounds: [Double] = []
    var objectiveCoefficients: [Double] = []

    // Rows in compressed sparse row form: the terms of row i are rowStarts[i] ..< rowStarts[i + 1].
    var constraintNames: [String] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var rowStarts: [Int] = [0]
    var termVariables: [Int] = []
    var termCoefficients: [Double] = []

    /// Creates an empty model.
    public init(name: String = "", sense: Sense = .minimize) {
        self.name = name
        self.sense = sense
    }

    /// The number of variables.
    public var variableCount: Int { variableNames.count }
    /// The number of constraints.
    public var constraintCount: Int { constraintNames.count }
    /// The number of nonzero constraint coefficients.
    public var nonzeroCount: Int { termVariables.count }
    /// The number of integer and binary variables.
    public var integerVariableCount: Int { variableKinds.lazy.filter { $0 != .continuous }.count }
    /// True when the model has integer or binary variables.
    public var isMixedInteger: Bool { variableKinds.contains { $0 != .continuous } }
    /// The handles of all variables, in order.
    public var variables: [Variable] { (0..<variableCount).map(Variable.init(index:)) }
    /// The handles of all constraints, in order.
    public var constraints: [Constraint] { (0..<constraintCount).map(Constraint.init(index:)) }

    /// Adds a variable and returns its handle.
    ///
    /// Bounds may be infinite. A binary variable always has bounds 0 and 1; the bounds given are ignored.
    /// Invalid bounds (NaN, lower above upper, fractional bounds on an integer variable) are not checked
    /// here but by ``validate()``, which ``solve(_:_:)`` and the writers call before any GLPK call.
    @discardableResult
    public mutating func addVariable(
        _ name: String = "",
        kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        objective: Double = 0
    ) -> Variable {
        variableNames.append(name)
        variableKinds.append(kind)
        lowerBounds.append(kind == .binary ? 0 : lowerBound)
        upperBounds.append(kind == .binary ? 1 : upperBound)
        objectiveCoefficients.append(objective)
        return Variable(index: variableNames.count - 1)
    }

    /// Adds a constraint `lower ≤ Σ coefficient · variable ≤ upper` and returns its handle.
    ///
    /// Terms of the same variable are summed and zero coefficients dropped, because GLPK rejects
    /// repeated column indices in a row.
    @discardableResult
    public mutating func addConstraint(
        _ name: String = "",
        _ terms: some Sequence<(Variable, Double)>,
        _ bounds: ConstraintBounds
    ) -> Constraint {
        var row = terms.map { (index: $0.0.index, coefficient: $0.1) }
        row.sort { $0.index < $1.index }
        var previous = -1
        for term in row {
            if term.index == previous, let last = termCoefficients.indices.last {
                termCoefficients[last] += term.coefficient
            } else {
                termVariables.append(term.index)
                termCoefficients.append(term.coefficient)
                previous = term.index
            }
        }
        // Drop the zeros that remain after merging (a coefficient that is NaN is kept for validate()).
        let start = rowStarts[rowStarts.count - 1]
        var write = start
        for read in start..<termVariables.count where termCoefficients[read] != 0 {
            termVariables[write] = termVariables[read]
            termCoefficients[write] = termCoefficients[read]
            write += 1
        }
        termVariables.removeSubrange(write...)
        termCoefficients.removeSubrange(write...)
        rowStarts.append(write)
        constraintNames.append(name)
        rowLower.append(bounds.lower)
        rowUpper.append(bounds.upper)
        return Constraint(index: constraintNames.count - 1)
    }

    /// Sets the objective coefficient of a variable.
    /// - Precondition: `variable` belongs to this model.
    public mutating func setObjectiveCoefficient(_ variable: Variable, _ coefficient: Double) {
        requireMember(variable)
        objectiveCoefficients[variable.index] = coefficient
    }

    /// Changes the bounds of a variable (for a binary variable, only within 0 and 1).
    /// - Precondition: `variable` belongs to this model.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        requireMember(variable)
        lowerBounds[variable.index] = lower
        upperBounds[variable.index] = upper
    }

    /// Changes the bounds of a constraint.
    /// - Precondition: `constraint` belongs to this model.
    public mutating func setBounds(_ constraint: Constraint, _ bounds: ConstraintBounds) {
        requireMember(constraint)
        rowLower[constraint.index] = bounds.lower
        rowUpper[constraint.index] = bounds.upper
    }

    /// The name given to a variable.
    /// - Precondition: `variable` belongs to this model.
    public func name(of variable: Variable) -> String {
        requireMember(variable)
        return variableNames[variable.index]
    }

    /// The name given to a constraint.
    /// - Precondition: `constraint` belongs to this model.
    public func name(of constraint: Constraint) -> String {
        requireMember(constraint)
        return constraintNames[constraint.index]
    }

    /// The kind, bounds and objective coefficient of a variable.
    /// - Precondition: `variable` belongs to this model.
    public func info(of variable: Variable) -> (kind: VariableKind, lower: Double, upper: Double, objective: Double) {
        requireMember(variable)
        let j = variable.index
        return (variableKinds[j], lowerBounds[j], upperBounds[j], objectiveCoefficients[j])
    }

    /// The bounds of a constraint.
    /// - Precondition: `constraint` belongs to this model.
    public func bounds(of constraint: Constraint) -> ConstraintBounds {
        requireMember(constraint)
        return ConstraintBounds(lower: rowLower[constraint.index], upper: rowUpper[constraint.index])
    }

    /// The merged terms and bounds of a constraint.
    /// - Precondition: `constraint` belongs to this model.
    public func info(of constraint: Constraint) -> (terms: [(Variable, Double)], bounds: ConstraintBounds) {
        requireMember(constraint)
        let i = constraint.index
        let terms = (rowStarts[i]..<rowStarts[i + 1]).map { (Variable(index: termVariables[$0]), termCoefficients[$0]) }
        return (terms, bounds(of: constraint))
    }

    private func requireMember(_ variable: Variable) {
        precondition(variable.index >= 0 && variable.index < variableCount, "variable \(variable.index) is not in this model")
    }

    private func requireMember(_ constraint: Constraint) {
        precondition(constraint.index >= 0 && constraint.index < constraintCount, "constraint \(constraint.index) is not in this model")
    }

    /// The objective value of an assignment of all variables (including the constant).
    /// - Precondition: `values.count == variableCount`.
    public func objectiveValue(of values: [Double]) -> Double {
        precondition(values.count == variableCount, "expected \(variableCount) values, got \(values.count)")
        var total = objectiveConstant
        for j in 0..<variableCount { total += objectiveCoefficients[j] * values[j] }
        return total
    }

    /// The activity (left-hand side) of every constraint under an assignment of all variables.
    /// - Precondition: `values.count == variableCount` and every term's variable belongs to this model.
    public func activities(of values: [Double]) -> [Double] {
        precondition(values.count == variableCount, "expected \(variableCount) values, got \(values.count)")
        return (0..<constraintCount).map { i in
            var sum = 0.0
            for k in rowStarts[i]..<rowStarts[i + 1] { sum += termCoefficients[k] * values[termVariables[k]] }
            return sum
        }
    }
}

/// The bounds of a constraint's left-hand side: `lower ≤ Σ a·x ≤ upper`, either side possibly infinite.
public struct ConstraintBounds: Sendable, Hashable, CustomStringConvertible {
    /// The lower bound, or `-infinity`.
    public var lower: Double
    /// The upper bound, or `+infinity`.
    public var upper: Double

    /// A ranged or one-sided constraint; checked by ``LinearModel/validate()``.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `Σ a·x ≤ value` (`GLP_UP`).
    public static func atMost(_ value: Double) -> ConstraintBounds { .init(lower: -.infinity, upper: value) }
    /// `Σ a·x ≥ value` (`GLP_LO`).
    public static func atLeast(_ value: Double) -> ConstraintBounds { .init(lower: value, upper: .infinity) }
    /// `Σ a·x = value` (`GLP_FX`).
    public static func exactly(_ value: Double) -> ConstraintBounds { .init(lower: value, upper: value) }
    /// `lower ≤ Σ a·x ≤ upper` (`GLP_DB`).
    public static func between(_ lower: Double, _ upper: Double) -> ConstraintBounds { .init(lower: lower, upper: upper) }
    /// No bound at all (`GLP_FR`): a free row, useful for reporting an expression's value.
    public static var free: ConstraintBounds { .init(lower: -.infinity, upper: .infinity) }

    public var description: String {
        switch (lower.isInfinite, upper.isInfinite) {
        case (true, true): return "free"
        case (true, false): return "≤ \(upper)"
        case (false, true): return "≥ \(lower)"
        case (false, false): return lower == upper ? "= \(lower)" : "in [\(lower), \(upper)]"
        }
    }
}
