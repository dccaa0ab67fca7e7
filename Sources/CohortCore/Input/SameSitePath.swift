import Foundation

/// A redirect target taken from outside (a sign-in's `next`, a form's `back`) that can only
/// lead to a path on this site, never to another origin.
public enum SameSitePath {
    /// Browsers drop tabs and line breaks from an address and read `\\` as `/`, so
    /// `/%09/evil.example` becomes `//evil.example`: only visible ASCII is taken, and the
    /// path must still start with a single `/` once percent-decoded.
    public static func check(_ raw: String?) -> String? {
        guard let raw, raw.utf8.count <= 2_000 else { return nil }
        let decoded = raw.removingPercentEncoding ?? raw
        for text in [raw, decoded] {
            guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
                  text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        }
        return raw
    }
}
