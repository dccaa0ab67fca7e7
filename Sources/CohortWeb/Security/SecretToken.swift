import CohortCore
import Crypto
import Foundation

/// Random bearer secrets (session cookies, CSRF tokens) and the hashes stored in their place.
enum SecretToken {
    /// 32 random bytes, base64url without padding: 43 characters, 256 bits.
    static func make(_ randomness: Randomness) -> String {
        Data(randomness.bytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A personal API token (`APIToken.prefix` and a secret) with the hash that is kept of it.
    static func newAPIToken(_ randomness: Randomness) -> (token: String, hash: String) {
        let token = APIToken.prefix + make(randomness)
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    /// Lower-case hexadecimal, written directly: formatting each byte with `String(format:)`
    /// cost as much as the hash itself, on every request that opens an application.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A keyed pseudonym for a value (an email, an address) that must be counted but not kept.
    static func pseudonym(_ value: String, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: key))
        return hex(mac)
    }

    /// Compares without leaking, through timing, how many leading characters matched.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
