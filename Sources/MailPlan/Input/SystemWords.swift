import Foundation

/// The operating system's words for a failed file operation, in lower case as they finish a sentence ("cannot write
/// plan.json: no space left on device").
public enum SystemWords {
    /// The words for an `errno` value.
    public static func of(errno code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// The words for a Foundation error: those of the POSIX error it is or holds, else Foundation's description. (On
    /// Linux the error under a `CocoaError` may be a `POSIXError` or an `NSError`; either, bridged to `NSError`, has the
    /// POSIX domain and the `errno`.)
    public static func of(_ error: any Error) -> String {
        var candidates = [error as NSError]
        if let underlying = candidates[0].userInfo[NSUnderlyingErrorKey] as? any Error {
            candidates.append(underlying as NSError)
        }
        guard let posix = candidates.first(where: { $0.domain == NSPOSIXErrorDomain }) else {
            return error.localizedDescription
        }
        return of(errno: Int32(posix.code))
    }
}
