import ArgumentParser
import CohortCore
import CohortStore
import CohortWeb
import Foundation
import Vapor

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage sign-in accounts.", subcommands: [Create.self, List.self, Token.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print a one-time password (or read one from standard input).")

        @ArgumentParser.Option(name: .long, help: "The account's email address.") var email: String
        @ArgumentParser.Option(name: .long, help: "The person's name.") var name: String
        @ArgumentParser.Option(name: .long, help: "admin or member.") var role: String = "member"
        @ArgumentParser.Flag(name: .long, help: "Read the password from the first line of standard input.") var passwordStdin = false
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let form = AccountForm(email: email, name: name, platformRole: role)
            let valid: (email: String, name: String, role: PlatformRole)
            do { valid = try form.validated() } catch let failure as ValidationFailure {
                throw CLIError(failure.errors.map { "--\($0.field == "platformRole" ? "role" : $0.field): \($0.message)" }.joined(separator: " "))
            }
            var password = OneTimePassword.make(using: .system)
            if passwordStdin {
                guard let line = readLine(strippingNewline: true) else { throw CLIError("no password on standard input") }
                if let problem = PasswordPolicy.problems(line).first { throw CLIError(problem.message) }
                password = line
            }
            let config = try AppRunner.config(.init(database: database.database))
            try await AppRunner.withApp(config) { app in
                let hash = try app.hashPassword(password)
                do {
                    _ = try await AccountStore(db: app.persistence).create(email: valid.email, name: valid.name, passwordHash: hash, role: valid.role,
                                                                  mustChangePassword: !passwordStdin, now: app.wallClock.now)
                } catch let refusal as FieldRefusal {
                    throw CLIError(app.english(refusal))
                }
            }
            say("Created \(valid.role.label.lowercased()) account \(valid.email).")
            if !passwordStdin { say("One-time password (shown once): \(password)") }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a personal API token for a staff account and print it (shown once).")

        @ArgumentParser.Option(name: .long, help: "The staff account's email address.") var email: String
        @ArgumentParser.Option(name: .long, help: "Where the token will be used.") var name: String = "Command line"
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let config = try AppRunner.config(.init(database: database.database))
            let token = try await AppRunner.withApp(config) { app in
                do {
                    return try await app.makeAPIToken(email: email, name: name)
                } catch let failure as ValidationFailure {
                    throw CLIError(failure.errors.map { "--\($0.field): \($0.message)" }.joined(separator: " "))
                } catch let refusal as FieldRefusal {
                    throw CLIError("--\(refusal.field): \(app.english(refusal))")
                }
            }
            say("API token for \(email) (shown once; revoke it under API tokens in the staff area):")
            say(token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let config = try AppRunner.config(.init(database: database.database))
            let accounts = try await AppRunner.withApp(config) { app in try await AccountStore(db: app.persistence).all() }
            if accounts.isEmpty { say("No accounts.") }
            for account in accounts {
                say("\(account.email)\t\(account.name)\t\(account.platformRole.rawValue)\t\(account.isActive ? "active" : "deactivated")")
            }
        }
    }
}
