import CohortStore
import Vapor

/// Typed places on `Application` for what configure() sets up once.
extension Application {
    private struct ConfigKey: StorageKey { typealias Value = CohortConfig }
    private struct RendererKey: StorageKey { typealias Value = PageRenderer }
    private struct CacheKey: StorageKey { typealias Value = PublicPageCache }
    private struct AssetsKey: StorageKey { typealias Value = StaticAssets }
    private struct CatalogsKey: StorageKey { typealias Value = Catalogs }

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
}
