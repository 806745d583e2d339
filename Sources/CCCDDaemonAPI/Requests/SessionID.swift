import Foundation

/// Client-chosen session ids: 1–64 characters of `A-Z a-z 0-9 . _ -`, so they are safe in logs and URLs.
public enum SessionID {
    public static func validate(_ id: String) throws(APIError) {
        guard (1...64).contains(id.utf8.count),
              id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        else { throw .invalidRequest("sessionId must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'") }
    }

    public static func make() -> String { UUID().uuidString.lowercased() }
}
