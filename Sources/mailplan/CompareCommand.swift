import ArgumentParser
import Foundation
import MailPlan

/// `mailplan compare A.json B.json [--format text|json]`: two plans side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two plans (plan.json files of mailplan plan): B against the base A.",
        discussion: """
        Prints each cost component of both plans with B's change and its percentage of A, what B saves against \
        A, ward staff hours used and freed, hand-offs, late pieces, postal lots per tier, the wards whose desk \
        hours and yen move, and every job stage whose resource changed (job, stage, from → to). Plans of \
        different weeks or job books compare on their totals and per-ward figures and say that their jobs differ. \
        A file that is not a plan.json is reported as file:line:column: error: message (exit 65); a file that \
        cannot be read exits with 66.
        """
    )

    @Argument(help: ArgumentHelp("The base plan: a plan.json written by mailplan plan.", valueName: "A.json"))
    var a: String

    @Argument(help: ArgumentHelp("The plan to compare with it.", valueName: "B.json"))
    var b: String

    @Option(help: "What to print on stdout.")
    var format: PlanCommand.OutputFormat = .text

    func run() throws {
        // Read both before reporting, so that every problem of both files is printed at once.
        let results = [a, b].map { path in Result { try PlanDocument.read(path: path) } }
        var documents: [PlanDocument] = []
        var status: Int32?
        for result in results {
            switch result {
            case .success(let document):
                documents.append(document)
            case .failure(let error as DiagnosticsError):
                error.diagnostics.forEach { printError($0.description) }
                status = status ?? ExitStatus.dataError
            case .failure(let error as InputFileError):
                printError("mailplan: \(error)")
                status = ExitStatus.noInput
            case .failure(let error):
                throw error
            }
        }
        if let status { throw ExitCode(status) }
        let comparison = PlanComparison(documents[0], documents[1], fileA: a, fileB: b)
        switch format {
        case .text:
            print(comparison.text(), terminator: "")
        case .json:
            FileHandle.standardOutput.write(try comparison.json() + Data("\n".utf8))
        }
    }
}
