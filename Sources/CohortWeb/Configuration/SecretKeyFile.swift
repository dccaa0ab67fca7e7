import CohortCore
import Foundation

/// With SQLite and no COHORT_SECRET_KEY, one key is made and kept beside the database
/// (readable by its owner only), so it survives restarts.
enum SecretKeyFile {
    static func loadOrCreate(beside databasePath: String) throws -> [UInt8] {
        let folder = (databasePath as NSString).deletingLastPathComponent
        let path = (folder.isEmpty ? "." : folder) + "/secret.key"
        let manager = FileManager.default
        if let data = manager.contents(atPath: path), data.count >= 32 {
            return Array(data)
        }
        do {
            if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let key = Data(Randomness.system.bytes(32))
            guard manager.createFile(atPath: path, contents: key, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            return Array(key)
        } catch {
            throw ConfigError("COHORT_SECRET_KEY", "is not set and no key file could be written at \(path); set the variable or make the folder writable")
        }
    }
}
