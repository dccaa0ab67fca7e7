import Foundation

/// Small checks shared by every validator.
public enum TextRules {
    /// Trims surrounding white space and folds to Unicode NFC, so that the same
    /// name typed on two keyboards compares equal.
    public static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// Checks a required single-line text and its length in characters.
    public static func requireLine(_ value: String, field: String, label: String, max: Int,
                                   into errors: inout FieldErrorList) {
        if value.isEmpty {
            errors.add(field, "Enter \(label).")
        } else if value.count > max {
            errors.add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max) characters or fewer.")
        } else if value.contains(where: { $0.isNewline }) {
            errors.add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must fit on one line.")
        }
    }

    public static func limit(_ value: String, field: String, label: String, max: Int,
                             into errors: inout FieldErrorList) {
        if value.count > max {
            errors.add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max) characters or fewer.")
        }
    }
}

/// An email address as accounts use it: trimmed and lower-cased, so sign-in ignores case.
public enum EmailAddress {
    public static func normalise(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one @, a dot in the domain, no spaces, a sane length.
    public static func isValid(_ email: String) -> Bool {
        guard email.utf8.count <= 254, !email.contains(where: { $0.isWhitespace }),
              !InputText.hasForbiddenCharacter(email), !InputText.hasBidiControl(email) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
              !domain.contains("..") else { return false }
        return true
    }
}

/// Program slugs: the stable part of a program's public address.
public enum Slug {
    public static let maxLength = 60

    public static func isValid(_ slug: String) -> Bool {
        guard (3...maxLength).contains(slug.count), !slug.hasPrefix("-"), !slug.hasSuffix("-") else { return false }
        return slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } && !slug.contains("--")
    }

    /// Suggests a slug from a title: ASCII letters and digits joined by hyphens.
    public static func suggest(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength { break }
            slug = next
        }
        return slug
    }
}
