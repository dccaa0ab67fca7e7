import CohortCore
import CohortStore
import Crypto
import Foundation

/// A certificate as an Open Badges 2.0 hosted assertion (https://www.imsglobal.org/spec/ob/v2p0/),
/// so that it can be carried into other systems. The recipient is the person's address, hashed
/// with a salt as the standard allows, never the address itself.
struct OpenBadgeAssertion: Encodable {
    struct Recipient: Encodable {
        let type: String
        let hashed: Bool
        let salt: String
        let identity: String
    }

    struct Issuer: Encodable {
        let type = "Profile"
        let id: String
        let name: String
        let url: String
    }

    struct Criteria: Encodable {
        let narrative: String
    }

    struct BadgeClass: Encodable {
        let type = "BadgeClass"
        let id: String
        let name: String
        let description: String
        let criteria: Criteria
        let issuer: Issuer
    }

    struct Verification: Encodable {
        let type = "hosted"
    }

    let context = "https://w3id.org/openbadges/v2"
    let type = "Assertion"
    let id: String
    let recipient: Recipient
    let badge: BadgeClass
    let verification = Verification()
    let issuedOn: String
    let revoked: Bool?

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case type, id, recipient, badge, verification, issuedOn, revoked
    }

    init(_ certificate: CertificateStore.Certificate, email: String?, detail: ProgramDetail, module: ProgramModule, rule: CompletionRule,
         baseURL: URL) {
        let base = baseURL.absoluteString.trimmingSuffix("/")
        let printed = CertificatePrintView.printed(certificate.code)
        id = base + SiteURL.verifyJSON(code: printed).path
        // A salt of the certificate's own: the same hash every time it is fetched, different for each certificate.
        let salt = Self.hex(SHA256.hash(data: Data("cohort-badge-salt:\(certificate.id.uuidString.lowercased())".utf8))).prefix(16)
        let identity = email ?? (base + SiteURL.verify(code: printed).path)
        recipient = Recipient(type: email == nil ? "url" : "email", hashed: true, salt: String(salt),
                              identity: "sha256$" + Self.hex(SHA256.hash(data: Data((identity + salt).utf8))))
        let lead = detail.partnerships.first { $0.role == .lead }?.organisation
        badge = BadgeClass(
            id: "urn:uuid:\(module.id.uuidString.lowercased())", name: "\(detail.program.title): Module \(module.number), \(module.title)",
            description: "Attendance of Module \(module.number) (\(module.periodText), \(module.venueText)) of the \(detail.program.title).",
            criteria: Criteria(narrative: ModuleAttendanceView.ruleText(rule)),
            issuer: Issuer(id: "urn:uuid:\((lead?.id ?? detail.program.id).uuidString.lowercased())",
                           name: lead?.displayName ?? detail.program.title, url: base + SiteURL.program(slug: detail.program.slug).path))
        issuedOn = certificate.issuedAt.formatted(.iso8601)
        revoked = certificate.isRevoked ? true : nil
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
