import CohortStore
import Foundation
import Vapor

/// Rendered public pages, kept until the public content version changes. The version is
/// read from the database at most every `recheckInterval`, so several instances pick up
/// each other's changes within that time; a change made here is seen at once.
final class PublicPageCache: @unchecked Sendable {
    static let recheckInterval: TimeInterval = 0.5

    private struct Entry {
        let version: Int
        /// A page that lists open calls is good until the next call opens or closes.
        let validUntil: Date?
        let body: ByteBuffer
        let contentType: HTTPMediaType
    }

    private let lock = NSLock()
    private var version = 0
    private var checkedAt = Date.distantPast
    private var entries: [String: Entry] = [:]

    /// The content version, refreshed when it is older than the recheck interval.
    func currentVersion(now: Date, fetch: () async throws -> Int) async throws -> Int {
        let (known, fresh) = lock.withLock { (version, now.timeIntervalSince(checkedAt) < Self.recheckInterval) }
        if fresh { return known }
        let latest = try await fetch()
        lock.withLock {
            if latest != version { entries.removeAll() }
            version = latest
            checkedAt = now
        }
        return latest
    }

    /// Forces the next read to ask the database, after a change made by this instance.
    func expire() {
        lock.withLock { checkedAt = .distantPast }
    }

    func response(for key: String, version: Int, now: Date) -> Response? {
        guard let entry = lock.withLock({ entries[key] }), entry.version == version,
              entry.validUntil.map({ $0 > now }) ?? true else { return nil }
        var headers = HTTPHeaders()
        headers.contentType = entry.contentType
        return Response(status: .ok, headers: headers, body: .init(buffer: entry.body))
    }

    func store(_ response: Response, for key: String, version: Int, validUntil: Date?) {
        guard response.status == .ok, let buffer = response.body.buffer,
              let contentType = response.headers.contentType else { return }
        lock.withLock {
            // Bounded: a flood of made-up slugs 404s and is never stored, but stay safe anyway.
            if entries.count > 1000 { entries.removeAll() }
            entries[key] = Entry(version: version, validUntil: validUntil, body: buffer, contentType: contentType)
        }
    }
}

extension Request {
    /// Serves a public page from the cache when nobody is signed in, or renders and keeps it.
    /// `render` gives the page and the moment it stops being true by the clock alone (nil: only
    /// a content change makes it stale).
    func cachedPublic(_ key: String, render: () async throws -> (Response, validUntil: Date?)) async throws -> Response {
        guard authSession == nil, cookies[cookieJar.flash] == nil else { return try await render().0 }
        let cache = application.publicPageCache
        let now = self.now
        let version = try await cache.currentVersion(now: now) { try await ContentVersionStore(db: self.persistence).current() }
        if let hit = cache.response(for: key, version: version, now: now) { return hit }
        let (response, validUntil) = try await render()
        cache.store(response, for: key, version: version, validUntil: validUntil)
        return response
    }
}

extension Request {
    /// A public page with a form (a call's start form), kept like `cachedPublic` for visitors
    /// without a session: drawn once with `CSRFMiddleware.placeholder` where the token goes,
    /// and every response, fresh or kept, gets this browser's own token in its place, so no
    /// visitor is ever given another's.
    func cachedPublicForm(_ key: String, render: () async throws -> (Response, validUntil: Date?)) async throws -> Response {
        guard authSession == nil, cookies[cookieJar.flash] == nil else { return try await render().0 }
        let shared = try await cachedPublic(key) {
            drawsSharedPage = true
            defer { drawsSharedPage = false }
            return try await render()
        }
        guard let html = shared.body.string else { return shared }
        let response = Response(status: shared.status, headers: shared.headers,
                                body: .init(string: html.replacingOccurrences(of: CSRFMiddleware.placeholder, with: csrfToken())))
        response.cookies = shared.cookies
        return response
    }
}
