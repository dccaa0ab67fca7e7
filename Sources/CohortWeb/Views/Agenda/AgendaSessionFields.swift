import CohortCore
import Foundation

/// The session form's fields: when, what (English first, then the languages of the program's
/// calls), where, with whom, and who may see it.
enum AgendaSessionFields {
    static func fields(_ form: SessionForm, module: ProgramModule, speakers: [(id: UUID, name: String, role: EnrolmentRole)],
                       languages: Set<Language>, errors: [FieldError], clashes: Bool, isEditing: Bool) -> [FormField] {
        func field(_ name: String, _ label: String, _ value: String, hint: String? = nil) -> FormField {
            FormField(name, label, value: value, errors: errors, hint: hint)
        }
        var fields = [
            field("day", "Day", form.day).choices(module.days.map { ($0.iso, $0.weekdayText) }),
            field("start", "Starts", form.start, hint: "On the venue's clock (\(module.timeZone)), like 09:30.").type("time"),
            field("end", "Ends", form.end).type("time"),
            field("title_en", "Title", form.titles[.english] ?? ""),
            field("description_en", "Description", form.descriptions[.english] ?? "",
                  hint: "What the session is about. Leave an empty line between paragraphs.").multiline().optional(),
        ]
        for language in Language.allCases where language != .english && languages.contains(language) {
            fields.append(field("title_\(language.rawValue)", "Title (\(language.nativeName))", form.titles[language] ?? "",
                                hint: "Empty: the English title is shown.").optional())
            fields.append(field("description_\(language.rawValue)", "Description (\(language.nativeName))", form.descriptions[language] ?? "")
                .multiline().optional())
        }
        fields += [
            field("kind", "Kind", form.kind).choices(SessionKind.allCases.map { ($0.rawValue, $0.label) }),
            field("room", "Room", form.room).optional(),
            field("topics", "Topics", form.topics, hint: "Separated by commas, like ICRMW, ILO C189.").optional(),
        ]
        var people = FormField("speakers", "Facilitators and resource persons", value: "", errors: errors,
                               hint: speakers.isEmpty ? "The program has no facilitators or resource persons yet." : nil)
        people.options = speakers.map {
            FormField.Option(value: $0.id.uuidString.lowercased(), label: "\($0.name) (\($0.role.label.lowercased()))",
                             selected: form.speakers.contains($0.id),
                             id: "f-speaker-\($0.id.uuidString.lowercased())",
                             name: "\(ModuleAgendaController.speakerPrefix)\($0.id.uuidString.lowercased())")
        }
        people.asCheckboxes = true
        people.required = false
        fields.append(people)
        fields.append(field("visibility", "Who may see it", form.visibility).choices([
            (SessionVisibility.everyone.rawValue, "Everyone: the public agenda and calendar"),
            (SessionVisibility.participants.rawValue, "The program's participants"),
            (SessionVisibility.staff.rawValue, "Staff only"),
        ]))
        if isEditing {
            fields.append(checkbox("cancelled", "Cancelled: kept on the agenda and in calendars as cancelled", on: form.isCancelled, errors: errors))
        }
        if clashes {
            fields.append(checkbox("acceptClashes", "Save anyway: the clashes above are intended", on: false, errors: errors))
        }
        return fields
    }

    private static func checkbox(_ name: String, _ label: String, on: Bool, errors: [FieldError]) -> FormField {
        var box = FormField(name, label, value: on ? "on" : "", errors: errors).type("checkbox")
        box.required = false
        return box
    }
}
