import Foundation

/// A survey's responses as CSV: a row each, a column per item, the groups each response is
/// counted in. Names only for an identified survey; a protected survey's rows are shuffled so
/// their order says nothing, and carry no person column at all.
public enum SurveyCSV {
    public struct Row: Sendable {
        public let person: (name: String, email: String)?
        public let answers: SurveyAnswers

        public init(person: (name: String, email: String)?, answers: SurveyAnswers) {
            self.person = person
            self.answers = answers
        }
    }

    public static func document(_ survey: Survey, rows: [Row], shuffle: ([Row]) -> [Row] = { $0.shuffled() }) -> String {
        let items = survey.form.items
        let identified = survey.privacy == .identified
        let header = (identified ? ["Name", "Email"] : []) + BreakdownDimension.allCases.map(\.label) + items.map(\.key)
        let ordered = identified ? rows : shuffle(rows)
        let lines = ordered.map { row in
            (identified ? [row.person?.name ?? "", row.person?.email ?? ""] : [])
                + BreakdownDimension.allCases.map { row.answers.groups[$0] ?? "" }
                + items.map { row.answers.answers[$0.key]?.textValue ?? "" }
        }
        return CSVWriter.document(header: header, rows: lines)
    }
}
