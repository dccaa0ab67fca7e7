import ArgumentParser
import CohortCore
import CohortStore
import CohortWeb
import Foundation
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, then serve the web application.")

    @ArgumentParser.Option(name: .long, help: "Address to listen on (default: COHORT_HOSTNAME, else 127.0.0.1).")
    var hostname: String?

    @ArgumentParser.Option(name: .long, help: "Port to listen on (default: COHORT_PORT, else 8080).")
    var port: Int?

    @OptionGroup var database: DatabaseOption

    @ArgumentParser.Flag(name: .long, help: "Load the demo programs and sign-ins when the database has no programs.")
    var demo = false

    func run() async throws {
        var config = try AppRunner.config(.init(database: database.database, hostname: hostname, port: port))
        if demo, (ProcessInfo.processInfo.environment["COHORT_MAIL_TRANSPORT"] ?? "").isEmpty {
            // Applicants get their private links by email only: on a demo, the emails land in a
            // folder beside the database, where whoever tries Cohort can open them.
            config.mailTransport = .file(directory: Self.demoMailFolder(config.database))
        }
        try await AppRunner.withApp(config) { app in
            if demo {
                let loader = DemoLoader(db: app.persistence)
                if try await loader.isEmpty() {
                    try await loader.load(now: app.wallClock.now, hashPassword: { [app] in try app.hashPassword($0) })
                    say("Loaded the demo data.")
                }
                printDemoSignIns()
                if case .file(let folder) = config.mailTransport {
                    say("Emails (applicants' private links, decisions) are written to \(folder)/ as .eml files.")
                }
            }
            say("Starting Cohort at \(config.baseURL.absoluteString) (database \(config.database)). Stop it with Ctrl-C.")
            app.environment.arguments = ["cohort", "serve"]
            try await app.execute()
        }
    }

    static func demoMailFolder(_ database: DatabaseLocation) -> String {
        guard case .sqliteFile(let path) = database else { return "cohort-mail" }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "cohort-mail" : "\(folder)/mail"
    }

    private func printDemoSignIns() {
        say("Demo sign-ins (sample accounts; never use --demo on a public server):")
        for account in DemoCatalog.accounts {
            say("  \(account.roleLabel): \(account.email) / \(account.password)")
        }
        say("  participant of the 2006 workshop (no password: ask for a sign-in link at /me/sign-in): \(DemoCatalog.participantEmail(6))")
        say("  facilitator of the 2006 workshop (the same way): \(DemoCatalog.facilitatorEmail(key: "lead"))")
        say("  participant of the 2017/18 program (the same way): \(DemoCatalog.applicant2017Email(0))")
        say("  nominee of the next edition, with a survey to answer (the same way): \(DemoCatalog.nextNomineeEmail(0))")
    }
}
