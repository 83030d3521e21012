import Foundation

/// An input file that could not be read at all: missing, a directory, or not readable.
///
/// This is kept apart from `DiagnosticsError`, which reports what is wrong *inside* a file, because the CLI
/// answers the two differently: a file that cannot be opened exits with 66 (`EX_NOINPUT` of BSD's sysexits.h),
/// a file with bad content with a data error.
public struct InputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the file could not be read.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// Nothing exists at the path.
        case notFound
        /// The path names a directory.
        case isDirectory
        /// The file exists but reading it failed; the text is the system's explanation.
        case unreadable(String)

        public var description: String {
            switch self {
            case .notFound: "no such file"
            case .isDirectory: "is a directory, not a file"
            case .unreadable(let why): "cannot be read (\(why))"
            }
        }
    }

    /// The path as the user gave it.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// Reads a whole input file.
    ///
    /// - Returns: the file's bytes.
    /// - Throws: `InputFileError` when the file is missing, is a directory, or cannot be read.
    public static func readBytes(atPath path: String) throws(InputFileError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFileError(path: path, reason: .notFound)
        }
        guard !isDirectory.boolValue else {
            throw InputFileError(path: path, reason: .isDirectory)
        }
        // Read as a stream, so that a pipe (the shell's `<(…)`) or a device reads like a file; Foundation's
        // Data(contentsOf:) refused both, and said "permission denied".
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            // ENOENT: removed between the check and the read.
            throw InputFileError(path: path, reason: code == ENOENT ? .notFound : .unreadable(SystemWords.of(errno: code)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw InputFileError(path: path, reason: .unreadable(SystemWords.of(error)))
        }
    }
}
