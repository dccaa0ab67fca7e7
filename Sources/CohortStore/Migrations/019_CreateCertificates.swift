import FluentKit
import SQLKit

/// Certificates of attendance: one per person and module while it is valid, with what was
/// true when it was issued (the name as the person chose it, hours and sessions attended), the
/// note of a manager who issued it to someone below the completion rule, and its revocation
/// (the reason is for staff; the public verification page says only that it was revoked).
struct CreateCertificates: AsyncMigration {
    var name: String { "019_CreateCertificates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("certificates")
            .id()
            .field("code", .string, .required)
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("module_id", .uuid, .required, .references("program_modules", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sessions_attended", .int, .required)
            .field("sessions_held", .int, .required)
            .field("hours_attended", .double, .required)
            .field("override_note", .string)
            .field("issued_at", .datetime, .required)
            .field("issued_by", .uuid, .references("accounts", "id", onDelete: .setNull))
            .field("revoked_at", .datetime)
            .field("revoked_reason", .string)
            .field("revoked_by", .uuid, .references("accounts", "id", onDelete: .setNull))
            .unique(on: "code")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "certificates_module").on("certificates").column("module_id").run()
        try await sql.create(index: "certificates_person").on("certificates").column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("certificates").delete()
    }
}
