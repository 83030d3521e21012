import Foundation

/// Writes output files atomically: each file appears whole or not at all, and nothing already there is
/// replaced until every new file has been written.
enum OutputFiles {
    static func write(_ files: [(name: String, data: Data)], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var staged: [(URL, URL)] = []
        do {
            for (name, data) in files {
                let final = folder.appendingPathComponent(name)
                let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
                try data.write(to: temporary)
                staged.append((temporary, final))
            }
            for (temporary, final) in staged {
                if rename(temporary.path, final.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
                }
            }
        } catch {
            for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
    }
}
