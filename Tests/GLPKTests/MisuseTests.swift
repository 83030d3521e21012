import Foundation
import GLPK
import Testing

/// Each misuse reachable from the public API gives a thrown error or a documented precondition, never a
/// GLPK abort (which would take the test process down).
@Suite("Misuse never reaches GLPK")
struct MisuseTests {
    private func issues(_ model: LinearModel) -> [String] {
        do {
            _ = try solve(model)
            return []
        } catch {
            guard case .invalidModel(let issues) = error else { return ["unexpected \(error)"] }
            return issues.map(\.description)
        }
    }

    @Test func handleFromAnotherModel() {
        var other = LinearModel()
        _ = other.addVariable("a")
        let foreign = other.addVariable("b")
        var model = LinearModel()
        let x = model.addVariable("x")
        model.addConstraint("row", [(x, 1), (foreign, 1)], .atMost(1))
        #expect(issues(model) == ["constraint 'row': refers to variable #2, which is not in this model"])
    }

    @Test func badBounds() {
        var model = LinearModel()
        model.addVariable("nan", lowerBound: .nan)
        model.addVariable("inverted", lowerBound: 2, upperBound: 1)
        model.addVariable("plus_infinite_lower", lowerBound: .infinity)
        model.addVariable("fractional", kind: .integer, lowerBound: 0.5, upperBound: 3)
        let binary = model.addVariable("binary", kind: .binary)
        model.setBounds(binary, lower: 0, upper: 2)
        model.addConstraint("inverted_row", [], .between(3, 1))
        model.addConstraint("minus_infinite_upper", [], ConstraintBounds(lower: -.infinity, upper: -.infinity))
        #expect(issues(model) == [
            "variable 'nan': bound is NaN",
            "variable 'inverted': lower bound 2.0 is above upper bound 1.0",
            "variable 'plus_infinite_lower': lower bound is +infinity",
            "variable 'fractional': integer variable has fractional bounds [0.5, 3.0]",
            "variable 'binary': binary variable has bounds [0.0, 2.0] outside [0, 1]",
            "constraint 'inverted_row': lower bound 3.0 is above upper bound 1.0",
            "constraint 'minus_infinite_upper': upper bound is -infinity",
        ])
    }

    @Test func coefficientsThatAreNotFinite() {
        var model = LinearModel()
        let x = model.addVariable("x", objective: .infinity)
        model.addConstraint("row", [(x, .nan)], .atMost(1))
        model.objectiveConstant = .nan
        #expect(issues(model) == [
            "model: objective constant nan is not finite",
            "variable 'x': objective coefficient inf is not finite",
            "constraint 'row': coefficient of 'x' is nan",
        ])
    }

    @Test func namesGlpkCannotTake() {
        var model = LinearModel(name: "has space")
        model.addVariable(String(repeating: "v", count: 256))
        model.addVariable("tab\tname")
        model.addVariable("twin")
        model.addVariable("twin")
        model.addConstraint("same", [], .free)
        model.addConstraint("same", [], .free)
        #expect(issues(model) == [
            "model: problem name 'has space' contains a space or control character",
            "variable '\(String(repeating: "v", count: 256))': name is 256 bytes long; GLPK allows at most 255",
            "variable 'tab\tname': name 'tab\tname' contains a space or control character",
            "variable 'twin': name is also used by variable #3",
            "constraint 'same': name is also used by constraint #1",
        ])
    }

    @Test func invalidParametersAreRejectedWhenMade() {
        #expect(throws: GLPKError.invalidParameter("relative gap must be a finite number ≥ 0, got -0.1")) {
            try SolveParameters(relativeGap: -0.1)
        }
        #expect(throws: GLPKError.self) { try SolveParameters(relativeGap: .nan) }
        #expect(throws: GLPKError.self) { try SolveParameters(timeLimit: .zero) }
        #expect(throws: GLPKError.self) { try SolveParameters(timeLimit: .seconds(-1)) }
        #expect(throws: GLPKError.self) { try SolveParameters(start: [.infinity]) }
    }

    @Test func startsThatDoNotFit() throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .integer, upperBound: 10, objective: 1)
        model.addVariable("y", upperBound: 1)
        model.addConstraint("at_least_three", [(x, 1)], .atLeast(3))
        #expect(throws: GLPKError.invalidStart("it has 1 values for 2 variables")) {
            try solve(model, SolveParameters(start: [4]))
        }
        #expect(throws: GLPKError.invalidStart("integer variable 'x' = 3.5 is fractional")) {
            try solve(model, SolveParameters(start: [3.5, 0]))
        }
        #expect(throws: GLPKError.invalidStart("variable 'y' = 2.0 is outside [0.0, 1.0]")) {
            try solve(model, SolveParameters(start: [4, 2]))
        }
        #expect(throws: GLPKError.invalidStart("constraint 'at_least_three' has activity 2.0, outside ≥ 3.0")) {
            try solve(model, SolveParameters(start: [2, 0]))
        }
    }

    @Test func writingToAFolderThatDoesNotExist() throws {
        var model = LinearModel()
        model.addVariable("x")
        #expect(throws: GLPKError.self) {
            try model.write(to: "/nonexistent-folder/model.mps", format: .freeMPS)
        }
        #expect(throws: GLPKError.writeFailed(path: "", reason: "the path is empty")) {
            try model.write(to: "", format: .cplexLP)
        }
    }

    @Test func writingAnInvalidModelWritesNothing() throws {
        var model = LinearModel()
        model.addVariable("x", lowerBound: 1, upperBound: 0)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("invalid-\(UUID()).lp").path
        #expect(throws: GLPKError.self) { try model.write(to: path, format: .cplexLP) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func valueOfAVariableWithoutASolutionIsAPrecondition() async {
        await #expect(processExitsWith: .failure) {
            var model = LinearModel()
            let x = model.addVariable("x", upperBound: 1, objective: 1)
            model.addConstraint("impossible", [(x, 1)], .atLeast(2))
            let solution = try solve(model)
            _ = solution.value(of: x)
        }
    }
}
