import ArgumentParser
import Foundation
import MailPlan
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files atomically: each file appears whole or not at all, and nothing already there is
/// replaced until every new file has been written.
///
/// A path that exists and is not a regular file (a folder, a device such as `/dev/full`, a pipe) is never replaced:
/// renaming a finished file over a device node would turn the device into a plain file. A symbolic link is
/// replaced by the new file; the file it pointed to is left as it was.
enum OutputFiles {
    /// A file that cannot be written, and the operating system's reason.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ files: [(name: String, data: Data)], into folder: URL) throws(Failure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(path: folder.path, reason: "it is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: folder.path, reason: SystemWords.of(error))
        }
        for (name, _) in files {
            let final = folder.appendingPathComponent(name).path
            if let refusal = refusal(final) { throw Failure(path: final, reason: refusal) }
        }
        var staged: [(URL, URL)] = []
        do throws(Failure) {
            for (name, data) in files {
                let final = folder.appendingPathComponent(name)
                let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
                staged.append((temporary, final))  // removed below if anything fails, this one included
                do {
                    try data.write(to: temporary)
                } catch {
                    throw Failure(path: final.path, reason: SystemWords.of(error))
                }
            }
            for (temporary, final) in staged {
                guard rename(temporary.path, final.path) == 0 else {
                    throw Failure(path: final.path, reason: SystemWords.of(errno: errno))
                }
            }
        } catch {
            for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
    }

    /// Why the file at `path` must not be replaced, or nil when there is none or it is a regular file.
    static func refusal(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder"
        default: return "it is not a regular file (a device, a pipe or a socket), and only files are replaced"
        }
    }
}

/// Runs `body`, which writes output files; on a ``OutputFiles/Failure`` prints it to standard error and exits with
/// 73 (`EX_CANTCREAT`), as every command does for a file it cannot write.
func reportingOutputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as OutputFiles.Failure {
        printError("mailplan: \(failure)")
        throw ExitCode(ExitStatus.cannotCreate)
    }
}
