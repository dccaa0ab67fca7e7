import CohortStore
import Vapor

/// Lets the stores find the process's SQLite writer while they answer a request (a task-local
/// value: commands and background loops, which run without it, write through the pool).
struct SQLiteWriterMiddleware: AsyncMiddleware {
    let writer: SQLiteWriter

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await SQLiteWriter.$current.withValue(writer) { try await next.respond(to: request) }
    }
}

/// Writes what is queued and closes the writer's connection when the server stops.
struct SQLiteWriterShutdown: LifecycleHandler {
    let writer: SQLiteWriter

    func shutdown(_ application: Application) {
        writer.shutdown()
    }
}
