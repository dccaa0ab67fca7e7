import Foundation

/// Where a person goes back to after signing in with a link: a page of their own they were
/// sent to (an agenda from a change message, a check-in list, a certificate). Only Cohort's own
/// person pages qualify, written plainly, so a link can never send anyone to another site.
public enum ReturnPath {
    public static let maxLength = 200

    public static func validated(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.utf8.count <= maxLength,
              text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2F }) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == "", !parts.dropFirst().contains(where: \.isEmpty) else { return nil }
        let segments = Array(parts.dropFirst())
        switch segments.first {
        case "me": return text
        case "sessions": return segments.count == 3 && UUID(uuidString: segments[1]) != nil && segments[2] == "attendance" ? text : nil
        case "certificates": return segments.count == 2 && UUID(uuidString: segments[1]) != nil ? text : nil
        default: return nil
        }
    }

    /// `?next=…` for a path that qualifies, else nothing.
    public static func query(_ path: String?) -> String {
        validated(path).map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
    }
}
