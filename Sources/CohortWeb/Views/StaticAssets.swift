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
            throw Abort(.internalServerError, reason: "static files are missing from the build")
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

    var stylesheetURL: String { SiteURL.stylesheet(version: files["cohort.css"]?.version ?? "0").path }
    var autosaveURL: String { "/static/autosave.js?v=\(files["autosave.js"]?.version ?? "0")" }
    var localTimeURL: String { "/static/localtime.js?v=\(files["localtime.js"]?.version ?? "0")" }
}
