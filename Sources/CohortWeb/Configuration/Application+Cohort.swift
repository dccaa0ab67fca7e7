import CohortCore
import CohortStore
import Vapor

/// Typed places on `Application` for what configure() sets up once.
extension Application {
    private struct ConfigKey: StorageKey { typealias Value = CohortConfig }
    private struct RendererKey: StorageKey { typealias Value = PageRenderer }
    private struct CacheKey: StorageKey { typealias Value = PublicPageCache }
    private struct AssetsKey: StorageKey { typealias Value = StaticAssets }
    private struct CatalogsKey: StorageKey { typealias Value = Catalogs }
    private struct PersistenceKey: StorageKey { typealias Value = Persistence }
    private struct ClockKey: StorageKey { typealias Value = WallClock }
    private struct RandomnessKey: StorageKey { typealias Value = Randomness }

    /// The one way to the database, chosen in `configure` (see `Persistence`).
    public var persistence: Persistence {
        get { storage[PersistenceKey.self]! }
        set { storage[PersistenceKey.self] = newValue }
    }

    /// The time every handler, loop and command reads; tests set a fixed one.
    public var wallClock: WallClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }

    /// Where tokens and one-time passwords come from; tests set a seeded one.
    public var randomness: Randomness {
        get { storage[RandomnessKey.self] ?? .system }
        set { storage[RandomnessKey.self] = newValue }
    }

    var catalogs: Catalogs {
        get { storage[CatalogsKey.self]! }
        set { storage[CatalogsKey.self] = newValue }
    }

    public var cohortConfig: CohortConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }

    var renderer: PageRenderer {
        get { storage[RendererKey.self]! }
        set { storage[RendererKey.self] = newValue }
    }

    var publicPageCache: PublicPageCache {
        get { storage[CacheKey.self]! }
        set { storage[CacheKey.self] = newValue }
    }

    var staticAssets: StaticAssets {
        get { storage[AssetsKey.self]! }
        set { storage[AssetsKey.self] = newValue }
    }
}

extension Request {
    var config: CohortConfig { application.cohortConfig }
    var persistence: Persistence { application.persistence }
    /// The time of this request's work, from the application's clock.
    var now: Date { application.wallClock.now }
    var randomness: Randomness { application.randomness }
}

/// Writes what is queued and closes the writer's connections when the server stops.
struct PersistenceShutdown: LifecycleHandler {
    let persistence: Persistence

    func shutdown(_ application: Application) {
        persistence.shutdown()
    }
}
