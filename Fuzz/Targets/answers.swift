import CohortCore
import Foundation

// Fuzz target: an answers body as the applicant API receives it (`{"answers": {...}}`),
// through the JSON scanner and the answers codec. Whatever the bytes, nothing may trap;
// answers that are read must survive being stored and read back unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let answers = try? AnswersJSON.decodeMember("answers", in: bytes) else { return 0 }
    let stored = AnswersJSON.encode(answers)
    guard let read = try? AnswersJSON.decode(stored), read == answers else {
        fatalError("answers changed when stored and read back: \(stored)")
    }
    return 0
}
