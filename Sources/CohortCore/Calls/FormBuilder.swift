import Foundation

/// One question as the form builder's page types it. Labels and help come per offered
/// language; options one per line as `value | label in each language, in order`.
public struct QuestionForm: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(_ name: String) -> String { values[name] ?? "" }

    public init(_ question: Question, languages: [Language]) {
        var values = ["key": question.key, "type": question.type.rawValue]
        if question.required { values["required"] = "on" }
        if question.isIdentifying { values["identifying"] = "on" }
        for language in languages {
            values["label_\(language.rawValue)"] = question.label.values[language] ?? ""
            values["help_\(language.rawValue)"] = question.help.values[language] ?? ""
        }
        values["options"] = question.options.map { option in
            ([option.value] + languages.map { option.label.values[$0] ?? "" }).joined(separator: " | ")
        }.joined(separator: "\n")
        values["wordLimit"] = question.wordLimit.map(String.init) ?? ""
        values["minimum"] = question.minimum.map(Self.number) ?? ""
        values["maximum"] = question.maximum.map(Self.number) ?? ""
        for kind in question.fileTypes { values["fileType_\(kind)"] = "on" }
        values["maxFileMB"] = question.maxFileBytes.map { Self.number(Double($0) / 1_048_576) } ?? ""
        self.values = values
    }

    /// Bounds beyond this have no use in a form and only make numbers awkward to show.
    static let largestBound = 1e12

    static func number(_ value: Double) -> String { NumberText.plain(value) }

    /// - Parameter takenKeys: keys other questions of the form already use.
    public func validated(languages: [Language], takenKeys: Set<String>) throws -> Question {
        var errors = FieldErrorList()
        let key = self["key"].trimmingCharacters(in: .whitespaces).lowercased()
        if !Question.isValidKey(key) {
            errors.add("key", "Use lower-case letters, digits and underscores, starting with a letter, like works_with_migrants.")
        } else if takenKeys.contains(key) {
            errors.add("key", "Another question already uses “\(key)”. Keys must be unique, because answers are kept under them.")
        }
        let type = QuestionType(rawValue: self["type"]).flatMap { QuestionType.callTypes.contains($0) ? $0 : nil }
        if type == nil { errors.add("type", "Choose the kind of answer.") }
        var label: [Language: String] = [:]
        var help: [Language: String] = [:]
        for language in languages {
            let text = TextRules.clean(self["label_\(language.rawValue)"])
            if language == .english { TextRules.requireLine(text, field: "label_en", label: "the question in English", max: 500, into: &errors) }
            else { TextRules.limit(text, field: "label_\(language.rawValue)", label: "the question", max: 500, into: &errors) }
            label[language] = text
            let hint = TextRules.clean(self["help_\(language.rawValue)"])
            TextRules.limit(hint, field: "help_\(language.rawValue)", label: "the help text", max: 2_000, into: &errors)
            help[language] = hint
        }
        var options: [ChoiceOption] = []
        if type?.hasOptions == true {
            var seen = Set<String>()
            for line in self["options"].split(whereSeparator: \.isNewline) {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let value = cells.first, !value.isEmpty else { continue }
                guard Question.isValidKey(value) else {
                    errors.add("options", "Start each line with a value in lower-case letters, digits and underscores: “domestic_work | Domestic work”.")
                    break
                }
                guard seen.insert(value).inserted else { errors.add("options", "Two options use the value “\(value)”."); break }
                var labels: [Language: String] = [:]
                for (index, language) in languages.enumerated() where index + 1 < cells.count { labels[language] = cells[index + 1] }
                if (labels[.english] ?? "").isEmpty { labels[.english] = value.replacingOccurrences(of: "_", with: " ").capitalized }
                options.append(ChoiceOption(value: value, label: LocalizedText(labels)))
            }
            if options.count < 2 { errors.add("options", "Give at least two options, one per line.") }
        }
        let wordLimit = optionalInt("wordLimit", range: 1...5_000, message: "Enter a word limit from 1 to 5000, or leave it empty.", into: &errors)
        let minimum = optionalDouble("minimum", into: &errors)
        let maximum = optionalDouble("maximum", into: &errors)
        if let minimum, let maximum, minimum > maximum { errors.add("maximum", "The largest number must not be below the smallest.") }
        let fileTypes = FileKind.allCases.filter { self["fileType_\($0.rawValue)"] == "on" }.map(\.rawValue)
        var maxFileBytes: Int?
        if type == .file, !self["maxFileMB"].trimmingCharacters(in: .whitespaces).isEmpty {
            let limitMB = FileCheck.absoluteMaxBytes / 1_048_576
            if let megabytes = Double(self["maxFileMB"].trimmingCharacters(in: .whitespaces)), megabytes > 0, megabytes <= Double(limitMB) {
                maxFileBytes = Int(megabytes * 1_048_576)
            } else {
                errors.add("maxFileMB", "Enter a size in MB above 0 and at most \(limitMB).")
            }
        }
        try errors.check()
        return Question(key: key, type: type!, label: LocalizedText(label), help: LocalizedText(help), required: self["required"] == "on",
                        options: options, wordLimit: type == .longText ? wordLimit : nil,
                        minimum: type == .number ? minimum : nil, maximum: type == .number ? maximum : nil,
                        fileTypes: type == .file ? fileTypes : [], maxFileBytes: maxFileBytes, isIdentifying: self["identifying"] == "on")
    }

    private func optionalInt(_ field: String, range: ClosedRange<Int>, message: String, into errors: inout FieldErrorList) -> Int? {
        let text = self[field].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else { errors.add(field, message); return nil }
        return value
    }

    private func optionalDouble(_ field: String, into errors: inout FieldErrorList) -> Double? {
        let text = self[field].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite, abs(value) <= Self.largestBound else {
            errors.add(field, "Enter a number from -1000000000000 to 1000000000000, like 5, or leave it empty.")
            return nil
        }
        return value
    }
}

/// A section's key, title and introduction per language.
public struct SectionForm: Sendable, Equatable {
    public var values: [String: String]

    public init(values: [String: String] = [:]) { self.values = values }

    public subscript(_ name: String) -> String { values[name] ?? "" }

    public init(_ section: FormSection, languages: [Language]) {
        var values = ["key": section.key]
        for language in languages {
            values["title_\(language.rawValue)"] = section.title.values[language] ?? ""
            values["intro_\(language.rawValue)"] = section.intro.values[language] ?? ""
        }
        self.values = values
    }

    public func validated(languages: [Language], takenKeys: Set<String>, questions: [Question]) throws -> FormSection {
        var errors = FieldErrorList()
        let key = self["key"].trimmingCharacters(in: .whitespaces).lowercased()
        if !Question.isValidKey(key) {
            errors.add("key", "Use lower-case letters, digits and underscores, starting with a letter, like your_work.")
        } else if takenKeys.contains(key) || key == ProfileSection.key {
            errors.add("key", "Another section already uses “\(key)”.")
        }
        var title: [Language: String] = [:]
        var intro: [Language: String] = [:]
        for language in languages {
            let text = TextRules.clean(self["title_\(language.rawValue)"])
            if language == .english { TextRules.requireLine(text, field: "title_en", label: "a title in English", max: 200, into: &errors) }
            else { TextRules.limit(text, field: "title_\(language.rawValue)", label: "the title", max: 200, into: &errors) }
            title[language] = text
            let introText = TextRules.clean(self["intro_\(language.rawValue)"])
            TextRules.limit(introText, field: "intro_\(language.rawValue)", label: "the introduction", max: 5_000, into: &errors)
            intro[language] = introText
        }
        try errors.check()
        return FormSection(key: key, title: LocalizedText(title), intro: LocalizedText(intro), questions: questions)
    }
}

/// Edits to a form's own sections, each giving the sections of the next version. The
/// built-in profile section always comes first and is not the builder's to change.
public enum FormEdit {
    public enum Direction: String, Sendable { case up, down }

    public static func moveSection(_ sections: [FormSection], key: String, _ direction: Direction) -> [FormSection] {
        guard let index = sections.firstIndex(where: { $0.key == key }), sections[index].key != ProfileSection.key else { return sections }
        let target = direction == .up ? index - 1 : index + 1
        guard sections.indices.contains(target), sections[target].key != ProfileSection.key else { return sections }
        var moved = sections
        moved.swapAt(index, target)
        return moved
    }

    public static func moveQuestion(_ sections: [FormSection], key: String, _ direction: Direction) -> [FormSection] {
        var moved = sections
        for (sectionIndex, section) in sections.enumerated() where section.key != ProfileSection.key {
            guard let index = section.questions.firstIndex(where: { $0.key == key }) else { continue }
            let target = direction == .up ? index - 1 : index + 1
            guard section.questions.indices.contains(target) else { return sections }
            moved[sectionIndex].questions.swapAt(index, target)
        }
        return moved
    }

    public static func removeSection(_ sections: [FormSection], key: String) -> [FormSection] {
        sections.filter { $0.key != key || $0.key == ProfileSection.key }
    }

    public static func removeQuestion(_ sections: [FormSection], key: String) -> [FormSection] {
        sections.map { section in
            guard section.key != ProfileSection.key else { return section }
            var copy = section
            copy.questions.removeAll { $0.key == key }
            return copy
        }
    }

    /// Puts `question` in place of `replacing` (or at the end of `sectionKey` when adding).
    /// An edited question whose `sectionKey` names another section moves to its end.
    public static func putQuestion(_ sections: [FormSection], _ question: Question, sectionKey: String, replacing: String?) -> [FormSection] {
        if let replacing, let current = sections.first(where: { $0.questions.contains { $0.key == replacing } }),
           current.key != sectionKey, sections.contains(where: { $0.key == sectionKey && $0.key != ProfileSection.key }) {
            return putQuestion(removeQuestion(sections, key: replacing), question, sectionKey: sectionKey, replacing: nil)
        }
        return sections.map { section in
            guard section.key != ProfileSection.key else { return section }
            var copy = section
            if let replacing, let index = copy.questions.firstIndex(where: { $0.key == replacing }) {
                copy.questions[index] = question
            } else if replacing == nil && section.key == sectionKey {
                copy.questions.append(question)
            }
            return copy
        }
    }

    public static func putSection(_ sections: [FormSection], _ section: FormSection, replacing: String?) -> [FormSection] {
        if let replacing, let index = sections.firstIndex(where: { $0.key == replacing && $0.key != ProfileSection.key }) {
            var copy = sections
            copy[index] = section
            return copy
        }
        return replacing == nil ? sections + [section] : sections
    }
}
