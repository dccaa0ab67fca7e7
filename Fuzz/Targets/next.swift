import CohortCore
import Foundation

// Fuzz target: the check on a sign-in's `next` (and a form's `back`). Whatever it accepts
// must be a path on this site once a browser has read it: a single leading slash, visible
// ASCII only, no backslash, before and after percent-decoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNext(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let accepted = SameSitePath.check(raw) else { return 0 }
    for text in [accepted, accepted.removingPercentEncoding ?? accepted] {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { fatalError("accepted an address off the site: \(raw)") }
    }
    return 0
}
