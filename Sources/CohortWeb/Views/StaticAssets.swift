import Crypto
import Foundation
import Vapor

/// The stylesheet (and any script), read once and served from memory with a content
/// hash in the address, so browsers may keep it for a year.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: HTTPMediaType
        let version: String
    }

    let files: [String: Asset]

    static func load() throws -> StaticAssets {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Public") else {
            throw MissingStaticFiles()
        }
        var files: [String: Asset] = [:]
        for name in ["cohort.css", "autosave.js", "localtime.js", "openapi.json"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let version = SecretToken.hex(SHA256.hash(data: data).prefix(6))
            let type: HTTPMediaType = name.hasSuffix(".css") ? .css : name.hasSuffix(".json") ? .json
                : HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            files[name] = Asset(body: ByteBuffer(data: data), contentType: type, version: version)
        }
        return StaticAssets(files: files)
    }

    var stylesheetURL: String { url("cohort.css") }
    var autosaveURL: String { url("autosave.js") }
    var localTimeURL: String { url("localtime.js") }

    /// A file's address with its version, so a changed file is never read from a stale cache.
    private func url(_ name: String) -> String { SiteURL.staticFile(name, version: files[name]?.version ?? "0").path }
}

/// The build holds no `Public/` folder: start-up stops with this rather than serve pages without styles.
struct MissingStaticFiles: Error, CustomStringConvertible {
    var description: String { "the static files (Public/) are missing from the build" }
}
