import CohortCore
import Foundation

// Fuzz target: a posted application section, as a URL-encoded body, through what Cohort
// does with the decoded fields: the control-character check, reading answers for the
// demo call's questions, validation, eligibility, and storing the answers. The body is
// split and percent-decoded here as a form decoder does; nothing may trap, and stored
// answers must read back unchanged.
private let questions = DemoCatalog.calls(now: Date(timeIntervalSince1970: 1_800_000_000))
    .flatMap { entry in entry.form.sections.flatMap(\.questions) }
private let rules = DemoCatalog.calls(now: Date(timeIntervalSince1970: 1_800_000_000)).map(\.rules)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var values: [String: String] = [:]
    for pair in body.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        func decoded(_ part: Substring) -> String? { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
        guard let name = decoded(parts[0]), let value = parts.count > 1 ? decoded(parts[1]) : "" else { return 0 }
        values[name] = value
    }
    // The server refuses such a form with 400 before reading it.
    if values.contains(where: { InputText.hasForbiddenCharacter($0.key) || InputText.hasForbiddenCharacter($0.value) }) { return 0 }
    let answers = Answer.fromForm(values, questions: questions)
    _ = AnswerValidator.problems(answers, questions: questions)
    for rule in rules { _ = EligibilityCheck.reasons(answers, rules: rule) }
    let stored = AnswersJSON.encode(answers)
    guard let read = try? AnswersJSON.decode(stored), read == answers else { fatalError("answers changed when stored: \(stored)") }
    return 0
}
