import CohortCore
import CohortStore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Sets up databases, middleware, templates and routes. Migrations run when `migrate` is true.
public func configure(_ app: Application, config: CohortConfig, migrate: Bool = true) async throws {
    app.cohortConfig = config
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.http.server.configuration.serverName = nil
    app.routes.defaultMaxBodySize = "1mb"
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    PasswordHasher(cost: config.bcryptCost).prepare()

    try DatabaseSetup.register(config.database, on: app)
    app.migrations.add(CohortMigrations.all)
    if migrate {
        try await app.autoMigrate()
    }
    try await DatabaseSetup.tune(app.db)
    app.persistence = try Persistence(location: config.database, database: { [unowned app] in app.db })
    app.lifecycle.use(PersistenceShutdown(persistence: app.persistence))

    app.renderer = try await PageRenderer.load()
    app.staticAssets = try StaticAssets.load()
    app.catalogs = try Catalogs.load()
    app.publicPageCache = PublicPageCache()

    // Outermost first: every response, errors included, is logged and gets the security headers.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(secureCookies: config.secureCookies))
    app.middleware.use(ErrorPageMiddleware(environment: app.environment))
    app.middleware.use(InputCharactersMiddleware())
    app.middleware.use(SessionAuthMiddleware())
    app.middleware.use(CSRFMiddleware())

    app.lifecycle.use(MaintenanceLoop())
    app.lifecycle.use(OutboxDelivery())

    try routes(app)
}

/// Chooses and tunes the database driver for a `DatabaseLocation`.
enum DatabaseSetup {
    static func register(_ location: DatabaseLocation, on app: Application) throws {
        switch location {
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: nil), as: .sqlite)
        case .sqliteFile(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 4, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            do {
                // SQL with its bound values may hold personal data: logged at trace level only.
                // Four connections per event loop, not the driver's one: with one, a burst of
                // requests on a busy two-core machine waited out the pool's timeout (seen with
                // parallel sign-ins under the full test suite) while PostgreSQL sat idle.
                // A request waits up to 20 s for a connection before it fails, not the driver's 10.
                app.databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(20),
                                                sqlLogLevel: .trace), as: .psql)
            } catch {
                throw ConfigError("COHORT_DATABASE_URL", "could not be read as a PostgreSQL address")
            }
        }
    }

    /// WAL lets readers carry on while one writer commits; harmless on an in-memory database.
    static func tune(_ db: any Database) async throws {
        guard let sql = try? db.sql(), sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
