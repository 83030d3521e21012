import Foundation
import MailPlan

/// The Osaka job book that ships with the checkout, used when a command is given no job book.
///
/// The checkout is found by walking up from the current directory to the first folder that has `Jobs/osaka/`;
/// the book is the `week-*.csv` there whose name sorts last (weeks are named by their Monday, `week-2026-11-30.csv`,
/// so that is the newest), with the `site.toml` beside it.
struct BundledBook {
    /// The job book's path.
    var jobs: String
    /// The site file's path.
    var site: String

    /// The folder, relative to a checkout, that holds the bundled book.
    static let folder = "Jobs/osaka"

    /// Why no bundled book was found.
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// Finds the bundled book from `directory` (the current directory by default).
    ///
    /// - Throws: `NotFound` when no folder from `directory` up has `Jobs/osaka/`, or that folder has no `week-*.csv`.
    static func locate(from directory: String = FileManager.default.currentDirectoryPath)
        throws(NotFound) -> BundledBook {
        let files = FileManager.default
        var candidate = (directory as NSString).standardizingPath
        while true {
            let osaka = (candidate as NSString).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: osaka, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? files.contentsOfDirectory(atPath: osaka)) ?? []
                let weeks = names.filter { $0.hasPrefix("week-") && $0.hasSuffix(".csv") }.sorted()
                guard let newest = weeks.last else {
                    throw NotFound(description: "no week-*.csv in \(osaka); give the job book to use")
                }
                return BundledBook(jobs: (osaka as NSString).appendingPathComponent(newest),
                                   site: (osaka as NSString).appendingPathComponent("site.toml"))
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == candidate { break }
            candidate = parent
        }
        throw NotFound(description: "no job book given, and no \(folder)/ folder in \(directory) or above it "
            + "to take the bundled Osaka week from; give the job book (WEEK.csv) to use")
    }
}

extension BundledBook {
    /// Loads the named job book, or the bundled week when `week` is nil, reporting input problems the way
    /// every command does: each diagnostic and exit 65 for bad content, a message and exit 66 for a missing file.
    static func load(week: String?, site: String?) throws -> JobBook {
        try reportingInputErrors(hint: { error in
            guard site == nil, error.path.hasSuffix(JobBookLoader.defaultSiteFileName) else { return nil }
            return "the site file defaults to \(JobBookLoader.defaultSiteFileName) beside the job book; "
                + "name another with --site"
        }) {
            if let week {
                return try JobBookLoader.load(jobs: week, site: site)
            }
            let bundled = try BundledBook.locate()
            return try JobBookLoader.load(jobs: bundled.jobs, site: site ?? bundled.site)
        }
    }
}
