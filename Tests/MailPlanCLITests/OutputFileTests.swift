import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Every command that writes files refuses, with exit 73 and the path, to replace anything but a regular file.
/// The atomic writes rename a finished file over the path, which turned a device such as `/dev/full` into a plain
/// file (and a folder or a file named as `--out` gave exit 1 and Foundation's raw error). The tests use a named
/// pipe in a temporary folder in place of a device.
@Suite("Output paths that are not files")
struct OutputFileTests {
    private static func isPipe(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
    }

    private func folderWithPipe(named name: String) throws -> (folder: URL, pipe: String) {
        let folder = try CLIRunner.temporaryFolder("output")
        let pipe = folder.appendingPathComponent(name).path
        try #require(mkfifo(pipe, 0o600) == 0)
        return (folder, pipe)
    }

    @Test func planLeavesAPipeNamedPlanJSONAndWritesNothing() throws {
        let (folder, pipe) = try folderWithPipe(named: "plan.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plan", PlanCommandTests.template, "--planner", "greedy", "--out", folder.path,
                                        "--quiet"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr == "mailplan: cannot write \(pipe): it is not a regular file (a device, a pipe or a "
                    + "socket), and only files are replaced\n")
        #expect(Self.isPipe(pipe))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }

    @Test func exportLeavesAPipe() throws {
        let (folder, pipe) = try folderWithPipe(named: "week.mps")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["export", PlanCommandTests.template, "--mps", pipe])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("mailplan: cannot write \(pipe): it is not a regular file"), "\(result.stderr)")
        #expect(Self.isPipe(pipe))
    }

    @Test func residualsLeavesAPipeAndRefusesAFolder() throws {
        let (folder, pipe) = try folderWithPipe(named: "report.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan")
        let planned = try CLIRunner.run(["plan", PlanCommandTests.template, "--planner", "status-quo", "--out", plan.path,
                                         "--quiet"])
        try #require(planned.status == 0, "\(planned.stderr)")
        for (output, reason) in [(pipe, "it is not a regular file"), (plan.path, "it is a folder")] {
            let result = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan",
                                            plan.appendingPathComponent("plan.json").path, "--output", output])
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("mailplan: cannot write \(output): \(reason)"), "\(result.stderr)")
        }
        #expect(Self.isPipe(pipe))
    }

    /// The logs are appended as the solve goes (so they are not atomic), but they too write only regular files: a
    /// pipe or a device was replaced by a plain file like the others.
    @Test func planLogsLeaveAPipeAndRefuseAFolder() throws {
        let (folder, pipe) = try folderWithPipe(named: "log.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan")
        for option in ["--progress-log", "--search-log"] {
            for (log, reason) in [(pipe, "it is not a regular file"), (folder.path, "it is a folder")] {
                let result = try CLIRunner.run(["plan", PlanCommandTests.template, "--out", out.path, "--quiet", option, log])
                #expect(result.status == 73, "\(option) \(log): \(result.stderr)")
                #expect(result.stderr.hasPrefix("mailplan: cannot write \(log): \(reason)"), "\(result.stderr)")
            }
        }
        #expect(Self.isPipe(pipe))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aFileNamedAsTheOutputFolderIsExit73() throws {
        let folder = try CLIRunner.temporaryFolder("output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("taken")
        try Data("kept\n".utf8).write(to: file)
        for command in [["plan", PlanCommandTests.template, "--planner", "greedy", "--quiet", "--out", file.path],
                        ["generate", "--jobs", "3", "--seed", "1", "--out", file.path]] {
            let result = try CLIRunner.run(command)
            #expect(result.status == 73, "\(command[0]): \(result.stderr)")
            #expect(result.stderr == "mailplan: cannot write \(file.path): it is a file, not a folder\n", "\(command[0])")
            #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
        }
    }
}

@Suite("Output files that cannot be written whole")
struct OutputWriteFailureTests {
    /// Under a file-size limit of 1 KB (the shell's `ulimit -f`, with SIGXFSZ ignored so that the write fails with
    /// EFBIG rather than killing the process) plan.json cannot be written: exit 73 with the system's words, and
    /// no temporary file is left behind (a half-written one was, when its own write failed).
    @Test func aFileTooLargeIsExit73AndLeavesNothing() throws {
        let folder = try CLIRunner.temporaryFolder("output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("plan")
        let command = ["trap '' XFSZ; ulimit -f 2; exec \"$0\" \"$@\"", CLIRunner.executable.path, "plan",
                       PlanCommandTests.template, "--planner", "greedy", "--quiet", "--out", out.path]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c"] + command
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 73, "\(stderr)")
        #expect(stderr == "mailplan: cannot write \(out.path)/plan.json: file too large\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
