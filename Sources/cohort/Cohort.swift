import ArgumentParser
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

@main
struct Cohort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Runs human-rights capacity-building programs: calls, review, selection, workshops and reports.",
        subcommands: [Serve.self, Migrate.self, Demo.self, User.self, Select.self]
    )

    static func main() async {
        // Async code runs on the server's event loops rather than a second pool of threads:
        // each database answer and each response then resumes without a hop between threads.
        // Slow work (password hashing) is handed to the thread pool, as it was before.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Where the data lives; overrides COHORT_DATABASE_URL.
struct DatabaseOption: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: ArgumentHelp("sqlite:PATH or postgres://user:password@host:port/db (default: COHORT_DATABASE_URL, else sqlite:cohort-data/cohort.sqlite)", valueName: "url"))
    var database: String?
}

/// Prints a line and flushes at once, so it shows up even when output goes to a pipe or a log.
func say(_ line: String, terminator: String = "\n") {
    print(line, terminator: terminator)
    fflush(nil)
}
