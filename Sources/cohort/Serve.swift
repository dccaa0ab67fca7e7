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
        let config = try AppRunner.config(.init(database: database.database, hostname: hostname, port: port))
        try await AppRunner.withApp(config) { app in
            if demo {
                let loader = DemoLoader(db: app.db)
                if try await loader.isEmpty() {
                    try await loader.load(hashPassword: { [app] in try app.hashPassword($0) })
                    say("Loaded the demo data.")
                }
                printDemoSignIns()
            }
            say("Starting Cohort at \(config.baseURL.absoluteString) (database \(config.database)). Stop it with Ctrl-C.")
            app.environment.arguments = ["cohort", "serve"]
            try await app.execute()
        }
    }

    private func printDemoSignIns() {
        say("Demo sign-ins (sample accounts; never use --demo on a public server):")
        for account in DemoCatalog.accounts {
            say("  \(account.roleLabel): \(account.email) / \(account.password)")
        }
    }
}
