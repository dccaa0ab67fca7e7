import FluentKit
import SQLKit

/// Accounts whose password was set by someone else (an administrator's one-time password)
/// must choose their own at their next sign-in.
struct AddPasswordChangeRequired: AsyncMigration {
    var name: String { "013_AddPasswordChangeRequired" }

    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .field("must_change_password", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").deleteField("must_change_password").update()
    }
}
