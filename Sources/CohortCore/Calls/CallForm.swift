import Foundation

/// The call settings form as typed: texts per language, dates in the call's zone, the
/// eligibility rules. Field names are flat (`title_ms`, `lang_ne`, `sector_ngo`) so a plain
/// HTML form posts them.
public struct CallForm: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(_ name: String) -> String { values[name] ?? "" }

    /// A new call's starting values: English, Malaysia's zone, closing in four weeks.
    public static func blank(now: Date, prefix: String) -> CallForm {
        var values = ["lang_en": "on", "timeZone": "Asia/Kuala_Lumpur", "graceMinutes": "30", "referencePrefix": prefix]
        values["opensAt"] = LocalDateTime.format(now, zone: "Asia/Kuala_Lumpur")
        values["closesAt"] = LocalDateTime.format(now.addingTimeInterval(28 * 86_400), zone: "Asia/Kuala_Lumpur")
        return CallForm(values: values)
    }

    public init(_ call: Call, rules: EligibilityRules) {
        var values: [String: String] = [:]
        for (name, text) in [("title", call.title), ("description", call.description), ("privacy", call.privacyNotice)] {
            for (language, value) in text.values { values["\(name)_\(language.rawValue)"] = value }
        }
        for language in call.languages { values["lang_\(language.rawValue)"] = "on" }
        values["opensAt"] = LocalDateTime.format(call.opensAt, zone: call.timeZone)
        values["closesAt"] = LocalDateTime.format(call.closesAt, zone: call.timeZone)
        values["timeZone"] = call.timeZone
        values["graceMinutes"] = "\(call.graceMinutes)"
        values["targetCohortSize"] = call.targetCohortSize.map(String.init) ?? ""
        values["contactEmail"] = call.contactEmail
        values["referencePrefix"] = call.referencePrefix
        if call.isPublished { values["published"] = "on" }
        if call.allowsEditingAfterSubmit { values["editAfterSubmit"] = "on" }
        values["nationalities"] = rules.nationalities.map(\.code).sorted().joined(separator: ", ")
        values["residences"] = rules.residences.map(\.code).sorted().joined(separator: ", ")
        for sector in rules.sectors { values["sector_\(sector.rawValue)"] = "on" }
        values["minimumYears"] = rules.minimumYearsOfExperience.map(String.init) ?? ""
        values["requiredAnswers"] = rules.requiredAnswers.sorted { $0.key < $1.key }
            .map { "\($0.key): \($0.value.joined(separator: ", "))" }.joined(separator: "\n")
        self.values = values
    }

    /// The languages ticked, English always first: applicants fall back to it.
    public var languages: [Language] {
        let chosen = Language.allCases.filter { self["lang_\($0.rawValue)"] == "on" }
        return chosen.contains(.english) ? chosen : [.english] + chosen
    }

    /// The call and rules this form describes.
    /// - Parameters:
    ///   - questions: the form's questions, which required answers must name.
    ///   - current: the call as saved, when editing one.
    public func validated(id: UUID, programID: UUID, questions: [Question], current: Call?) throws -> (Call, EligibilityRules) {
        var errors = FieldErrorList()
        let languages = self.languages
        func texts(_ name: String, label: String, max: Int, required: Bool, singleLine: Bool) -> LocalizedText {
            var values: [Language: String] = [:]
            for language in languages {
                let field = "\(name)_\(language.rawValue)"
                let value = TextRules.clean(self[field])
                if language == .english && required {
                    if singleLine { TextRules.requireLine(value, field: field, label: label, max: max, into: &errors) }
                    else if value.isEmpty { errors.add(field, "Enter \(label) in English.") }
                }
                TextRules.limit(value, field: field, label: label, max: max, into: &errors)
                if !value.isEmpty { values[language] = value }
            }
            return LocalizedText(values)
        }
        let title = texts("title", label: "a title", max: 200, required: true, singleLine: true)
        let description = texts("description", label: "a description of the call", max: 20_000, required: true, singleLine: false)
        let privacy = texts("privacy", label: "a privacy notice", max: 5_000, required: true, singleLine: false)

        let zone = self["timeZone"]
        let zoneKnown = TimeZone(identifier: zone) != nil
        if !zoneKnown { errors.add("timeZone", "Choose the time zone the deadline is set in.") }
        // Without a zone the times cannot be read; say so once, at the zone.
        let opensAt = LocalDateTime.parse(self["opensAt"], zone: zoneKnown ? zone : "UTC")
        let closesAt = LocalDateTime.parse(self["closesAt"], zone: zoneKnown ? zone : "UTC")
        if opensAt == nil { errors.add("opensAt", "Enter the opening date and time, like 2017-06-01 09:00.") }
        if closesAt == nil { errors.add("closesAt", "Enter the closing date and time, like 2017-07-15 23:59.") }
        if let opensAt, let closesAt, closesAt <= opensAt { errors.add("closesAt", "The call must close after it opens.") }
        let grace = Int(self["graceMinutes"].trimmingCharacters(in: .whitespaces).isEmpty ? "0" : self["graceMinutes"].trimmingCharacters(in: .whitespaces))
        if grace == nil || !(0...1_440).contains(grace!) { errors.add("graceMinutes", "Enter a number of minutes from 0 to 1440 (one day).") }
        var target: Int?
        if !self["targetCohortSize"].trimmingCharacters(in: .whitespaces).isEmpty {
            target = Int(self["targetCohortSize"].trimmingCharacters(in: .whitespaces))
            if target == nil || !(1...10_000).contains(target!) { errors.add("targetCohortSize", "Enter how many people the cohort takes, like 25.") }
        }
        let contact = EmailAddress.normalise(self["contactEmail"])
        if !EmailAddress.isValid(contact) { errors.add("contactEmail", "Enter the address applicants can write to, like program@example.org.") }
        let prefix = self["referencePrefix"].trimmingCharacters(in: .whitespaces).uppercased()
        if let current, current.referencePrefix != prefix, currentHasReferences {
            errors.add("referencePrefix", "References starting \(current.referencePrefix) have been given to applicants; the prefix can no longer change.")
        } else if !ReferenceCode.isValidPrefix(prefix) {
            errors.add("referencePrefix", "Use 2 to 12 capital letters and digits, like MWP2017.")
        }

        let nationalities = countries("nationalities", into: &errors)
        let residences = countries("residences", into: &errors)
        let sectors = Set(OrganisationKind.allCases.filter { self["sector_\($0.rawValue)"] == "on" })
        var minimumYears: Int?
        if !self["minimumYears"].trimmingCharacters(in: .whitespaces).isEmpty {
            minimumYears = Int(self["minimumYears"].trimmingCharacters(in: .whitespaces))
            if minimumYears == nil || !(0...60).contains(minimumYears!) { errors.add("minimumYears", "Enter a whole number of years from 0 to 60.") }
        }
        let required = requiredAnswers(questions: questions, into: &errors)
        try errors.check()
        let call = Call(id: id, programID: programID, title: title, description: description, opensAt: opensAt!, closesAt: closesAt!,
                        timeZone: zone, graceMinutes: grace!, languages: languages, targetCohortSize: target, privacyNotice: privacy,
                        contactEmail: contact, isPublished: self["published"] == "on",
                        allowsEditingAfterSubmit: self["editAfterSubmit"] == "on", referencePrefix: prefix)
        let rules = EligibilityRules(nationalities: nationalities, residences: residences, sectors: sectors,
                                     minimumYearsOfExperience: minimumYears, requiredAnswers: required)
        return (call, rules)
    }

    /// Set by the caller from the store: whether any reference of the call has been handed out.
    public var currentHasReferences = false

    private func countries(_ field: String, into errors: inout FieldErrorList) -> Set<Country> {
        let codes = self[field].split { $0 == "," || $0 == " " || $0.isNewline }.map { $0.uppercased() }
        let unknown = codes.filter { Country(code: $0) == nil }
        if !unknown.isEmpty {
            errors.add(field, "Not a country code: \(unknown.joined(separator: ", ")). Use two-letter codes like MY, NP, BD.")
        }
        return Set(codes.compactMap { Country(code: $0) })
    }

    /// Lines like `works_with_migrants: yes` or `focus: recruitment, domestic_work`.
    private func requiredAnswers(questions: [Question], into errors: inout FieldErrorList) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in self["requiredAnswers"].split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                errors.add("requiredAnswers", "Write each rule as question key, colon, accepted answers: “works_with_migrants: yes”.")
                continue
            }
            guard let question = questions.first(where: { $0.key == parts[0] }) else {
                errors.add("requiredAnswers", "The form has no question with the key “\(parts[0])”.")
                continue
            }
            let accepted = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let allowed: [String]? = question.type == .yesNo ? ["yes", "no"] : (question.type.hasOptions ? question.options.map(\.value) : nil)
            if let allowed, let wrong = accepted.first(where: { !allowed.contains($0) }) {
                errors.add("requiredAnswers", "“\(wrong)” is not an answer to \(question.key); use \(allowed.joined(separator: ", ")).")
            }
            result[question.key] = accepted
        }
        return result
    }
}

/// Dates and times as a `datetime-local` field shows them, in a named zone.
public enum LocalDateTime {
    public static func format(_ date: Date, zone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    /// Accepts `2017-07-15T23:59` (what browsers send) and `2017-07-15 23:59` (what people type).
    public static func parse(_ text: String, zone: String) -> Date? {
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.isLenient = false
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: cleaned) { return date }
        }
        return nil
    }
}
