import ArgumentParser
import CohortCore
import CohortStore
import CohortWeb
import Foundation
import Vapor

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database schema up to date, or revert every migration.")

    @OptionGroup var database: DatabaseOption

    @ArgumentParser.Flag(name: .long, help: "Revert every migration: this deletes all data.")
    var revert = false

    @ArgumentParser.Flag(name: .long, help: "Do not ask before reverting.")
    var yes = false

    func run() async throws {
        let config = try AppRunner.config(.init(database: database.database))
        if revert && !yes {
            say("Reverting deletes every table and all data in \(config.database). Type 'revert' to go on: ", terminator: "")
            guard readLine() == "revert" else { throw CLIError("nothing was reverted") }
        }
        try await AppRunner.withApp(config, migrate: false) { app in
            if revert {
                try await app.autoRevert()
                say("Reverted every migration.")
            } else {
                try await app.autoMigrate()
                say("The database is up to date.")
            }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo programs and sign-ins into an empty database; or add made-up applications for benchmarks.")

    @OptionGroup var database: DatabaseOption

    @ArgumentParser.Option(name: .long, help: "Add this many made-up applications to the demo's open call (the demo data must be loaded).")
    var synthetic: Int?

    @ArgumentParser.Option(name: .long, help: "Add this many made-up responses to the next edition's needs assessment, then time its results (the demo data must be loaded).")
    var surveyResponses: Int?

    func run() async throws {
        let config = try AppRunner.config(.init(database: database.database))
        if let surveyResponses {
            guard surveyResponses > 0, surveyResponses <= 1_000_000 else { throw CLIError("--survey-responses takes a number from 1 to 1000000") }
            try await AppRunner.withApp(config) { app in try await SurveyBenchmark.run(app, responses: surveyResponses) }
            return
        }
        if let synthetic {
            guard synthetic > 0, synthetic <= 2_000_000 else { throw CLIError("--synthetic takes a number from 1 to 2000000") }
            try await AppRunner.withApp(config) { app in
                guard let program = try await ProgramStore(db: app.persistence).find(slug: DemoCatalog.openCallSlug),
                      let call = try await CallStore(db: app.persistence).calls(programID: program.id).first else {
                    throw CLIError("load the demo data first: cohort demo")
                }
                let started = ContinuousClock.now
                try await SyntheticApplications(db: app.persistence).fill(callID: call.id, count: synthetic, now: app.wallClock.now)
                let seconds = (ContinuousClock.now - started).components.seconds
                say("Added \(synthetic) made-up applications to call \(call.id.uuidString.lowercased()) in \(seconds) s.")
            }
            return
        }
        try await AppRunner.withApp(config) { app in
            do {
                try await DemoLoader(db: app.persistence).load(now: app.wallClock.now, hashPassword: { [app] in try app.hashPassword($0) })
            } catch let refusal as DemoLoader.LoadError {
                throw CLIError(refusal.description)
            }
        }
        say("Loaded the demo data. Start with: swift run cohort serve --demo")
    }
}
