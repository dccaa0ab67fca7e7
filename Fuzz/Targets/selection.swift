import CohortCore
import Foundation

// Fuzz target: a selection instance file as `cohort select` reads it. Nothing may trap; an
// instance that is read must be one the solver can be given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSelection(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let instance = try? SelectionInstance.decode(json: Data(bytes: data, count: size)) else { return 0 }
    // Small instances are solved too: the solver takes what the reader accepts.
    if instance.applicants.count <= 12 { _ = try? SelectionSolver.solve(instance) }
    return 0
}
