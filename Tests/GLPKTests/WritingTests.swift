import Foundation
import GLPK
import Testing

@Suite("Writing model files")
struct WritingTests {
    private func sampleModel() -> LinearModel {
        var model = LinearModel(name: "sample", sense: .maximize)
        let x = model.addVariable("x", kind: .binary, objective: 3)
        let y = model.addVariable("y", kind: .integer, upperBound: 4, objective: 2)
        let z = model.addVariable("z", lowerBound: -1, upperBound: 1, objective: -1)
        model.objectiveConstant = 7
        model.addConstraint("capacity", [(x, 2), (y, 1), (z, 1)], .atMost(5))
        model.addConstraint("window", [(y, 1), (z, -1)], .between(1, 3))
        return model
    }

    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-\(name)").path
    }

    @Test func freeMPSCarriesNamesBoundsAndIntegrality() throws {
        let path = temporaryFile("sample.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try sampleModel().write(to: path, format: .freeMPS)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for expected in ["NAME sample", "ROWS", "COLUMNS", "RHS", "BOUNDS", "capacity", "window", "MARKER", " x ", " z "] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func cplexLPKeepsTheSenseAndTheConstant() throws {
        let path = temporaryFile("sample.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try sampleModel().write(to: path, format: .cplexLP)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Maximize"))
        #expect(text.contains("capacity:"))
        #expect(text.contains("constant term = 7"))
        // GLPK lists binaries among the general integers, with bounds 0 and 1.
        #expect(text.contains("Generals\n x\n y\n"))
        #expect(text.contains("0 <= x <= 1"))
    }

    @Test func writingReplacesAnExistingFileWhole() throws {
        let path = temporaryFile("replace.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "old contents".write(toFile: path, atomically: true, encoding: .utf8)
        try sampleModel().write(to: path, format: .cplexLP)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("old contents"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasSuffix(".tmp") && $0.contains("replace.lp") }
        #expect(leftovers.isEmpty)
    }
}
