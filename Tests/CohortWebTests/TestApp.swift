import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

struct Boom: Error {}

/// Runs `body` with a configured application on a database of its own, loaded with demo data.
func withTestApp<T>(_ kind: TestDatabaseKind, demo: Bool = true, _ body: (Application) async throws -> T) async throws -> T {
    try await withTestApp(kind, demo: demo, adjust: { _ in }, body)
}

/// The same, with a change to the configuration first.
func withTestApp<T>(_ kind: TestDatabaseKind, demo: Bool = true, adjust: (inout CohortConfig) -> Void,
                    _ body: (Application) async throws -> T) async throws -> T {
    try await kind.withLocation { location in
        var config = CohortConfig.testing(database: location)
        adjust(&config)
        return try await withApp(configure: { app async throws in
            app.logger.logLevel = .warning
            try await configure(app, config: config)
            app.get("test-failure") { _ -> String in throw Boom() }
            app.get("api", "test-failure") { _ -> String in throw Boom() }
            if demo {
                try await DemoLoader(db: app.persistence).load(now: app.wallClock.now, hashPassword: { [app] in try app.hashPassword($0) })
            }
        }, body)
    }
}

/// A client that keeps cookies between requests, like a browser.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    /// The raw Set-Cookie headers of the last response.
    private(set) var lastSetCookies: [String] = []

    init(_ app: Application) { self.app = app }

    var csrf: String? { cookies["cohort-csrf"] ?? cookies["__Host-cohort-csrf"] }
    var sessionToken: String? { cookies["cohort-session"] ?? cookies["__Host-cohort-session"] }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form, adding the CSRF token from the cookie unless told not to.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, fields["csrf"] == nil {
            if self.csrf == nil { try await get("/sign-in") }
            fields["csrf"] = self.csrf
        }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with files, as a browser does for a form with a file input.
    @discardableResult
    func postMultipart(_ path: String, _ form: [String: String], files: [String: (name: String, bytes: [UInt8])]) async throws -> TestingHTTPResponse {
        var fields = form
        if fields["csrf"] == nil {
            if self.csrf == nil { try await get("/sign-in") }
            fields["csrf"] = self.csrf
        }
        let (headers, body) = Multipart.encode(fields, files: files)
        return try await send(.POST, path, headers: headers, body: body)
    }

    func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/sign-in", ["email": email, "password": password])
    }

    func forget(_ name: String) { cookies[name] = nil }
    func set(cookie name: String, _ value: String) { cookies[name] = value }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var response: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, beforeRequest: { req in
            if !self.cookies.isEmpty {
                req.headers.replaceOrAdd(name: .cookie, value: self.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            }
            if let body { req.body = body }
        }, afterResponse: { res in
            response = res
        })
        let res = try #require(response)
        lastSetCookies = res.headers[.setCookie]
        for header in lastSetCookies {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            let expired = header.contains("Max-Age=0") || value.isEmpty
            cookies[name] = expired ? nil : value
        }
        return res
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

enum Demo {
    static let admin = ("admin@demo.cohort.example", "demo-admin-password")
    static let manager = ("manager@demo.cohort.example", "demo-manager-password")
}

enum Multipart {
    static func encode(_ fields: [String: String], files: [String: (name: String, bytes: [UInt8])]) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----cohort-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (field, file) in files.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, body)
    }
}
