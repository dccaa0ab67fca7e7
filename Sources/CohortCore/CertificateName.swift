import Foundation

/// The name a person wants printed on their certificates, as they typed it.
public enum CertificateName {
    /// Cleaned and checked: one line, 1 to 200 characters. The message is the caller's, in
    /// the person's language; this only says whether the name will do.
    public static func validated(_ typed: String) -> String? {
        let name = TextRules.clean(typed)
        guard !name.isEmpty, name.count <= 200, !name.contains(where: \.isNewline),
              !InputText.hasBidiControl(name) else { return nil }
        return name
    }
}
