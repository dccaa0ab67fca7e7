import CohortCore
import Vapor

/// A form as the shared `form` partial draws it: fields in order, each with its value and
/// message, and an error summary that links to each field. Templates see stored properties
/// only (Mustache reads values by reflection), so everything is worked out here.
struct FormView: Sendable {
    let action: String
    let submitLabel: String
    let csrf: String
    private(set) var fields: [FieldView]
    let cancelHref: String?
    let errorSummary: [ErrorLink]
    let hasErrors: Bool
    /// Posted as multipart when a field takes a file.
    let isMultipart: Bool
    /// Words the form itself shows, in the page's language.
    var errorSummaryTitle = "There is a problem"
    var errorPrefix = "Error:"
    var optionalText = "(optional)"
    /// A second submit button ("Save and come back later"), sent as `action=later`.
    var secondaryLabel: String?
    /// Marks the form for the autosave script.
    var autosave = false
    /// Repeated rows of fields drawn as a table after `fields` (criteria, quotas), then `fieldsAfter`.
    var grid: FieldGrid?
    var fieldsAfter: [FieldView] = []

    struct ErrorLink: Sendable {
        let href: String
        let message: String
    }

    /// - Parameter namesFieldsInSummary: prefix each message in the summary with its field's label,
    ///   for forms whose messages do not name the field ("Answer this question.").
    init(request: Request, action: String, submitLabel: String, fields: [FormField], cancelHref: String? = nil,
         namesFieldsInSummary: Bool = false) {
        self.action = action
        self.submitLabel = submitLabel
        self.csrf = request.csrfToken()
        self.fields = fields.map(FieldView.init)
        self.cancelHref = cancelHref
        self.errorSummary = fields.compactMap { field in
            // A group of radios or checkboxes is reached through its first choice: the group itself has no id.
            field.error.map { ErrorLink(href: field.asRadios || field.asCheckboxes ? "#\(field.id)-0" : "#\(field.id)",
                                        message: namesFieldsInSummary ? "\(field.label): \($0)" : $0) }
        }
        self.hasErrors = !errorSummary.isEmpty
        self.isMultipart = fields.contains { $0.inputType == "file" }
    }

    /// A form with a table of repeated rows between its leading and trailing fields; the
    /// error summary lists every message in the order the fields are drawn.
    init(request: Request, action: String, submitLabel: String, fields: [FormField], grid: (caption: String, hint: String?, columns: [String], rows: [[FormField]]),
         fieldsAfter: [FormField]) {
        self.init(request: request, action: action, submitLabel: submitLabel, fields: fields + grid.rows.flatMap { $0 } + fieldsAfter)
        self.fields = fields.map(FieldView.init)
        self.grid = FieldGrid(caption: grid.caption, hint: grid.hint, columns: grid.columns,
                              rows: grid.rows.map { FieldGrid.Row(cells: $0.map(FieldView.init)) })
        self.fieldsAfter = fieldsAfter.map(FieldView.init)
    }
}

/// Rows of the same fields, drawn as a table: one row per criterion or quota.
struct FieldGrid: Sendable {
    struct Row: Sendable {
        let cells: [FieldView]
    }

    let caption: String
    let hint: String?
    let columns: [String]
    let rows: [Row]
}

/// A field with everything its template needs as stored values.
struct FieldView: Sendable {
    let name: String
    let label: String
    let id: String
    let hint: String?
    let hintID: String?
    let value: String
    let error: String?
    let errorID: String?
    let describedBy: String?
    let inputType: String
    let isInput: Bool
    let isTextarea: Bool
    let isSelect: Bool
    let isHidden: Bool
    let isCheckbox: Bool
    let isChecked: Bool
    let options: [FormField.Option]
    let required: Bool
    let readOnly: Bool
    let autocomplete: String?
    let isRadios: Bool
    let isCheckboxes: Bool
    let inputMode: String?
    let accept: String?
    let groupHeading: String?
    let groupHint: String?

    init(_ field: FormField) {
        name = field.name
        label = field.label
        id = field.id
        hint = field.hint
        hintID = field.hintID
        value = field.value
        error = field.error
        errorID = field.errorID
        describedBy = field.describedBy
        inputType = field.inputType
        isInput = field.isInput
        isTextarea = field.isTextarea
        isHidden = field.isHidden
        isCheckbox = field.isCheckbox
        isChecked = field.isChecked
        options = Self.named(field)
        required = field.required
        readOnly = field.readOnly
        autocomplete = field.autocomplete
        isRadios = field.asRadios
        isCheckboxes = field.asCheckboxes
        isSelect = field.isSelect && !field.asRadios && !field.asCheckboxes
        inputMode = field.inputMode ?? (field.inputType == "number" ? "decimal" : nil)
        accept = field.accept
        groupHeading = field.groupHeading
        groupHint = field.groupHint
    }
}

extension FieldView {
    /// Options whose inputs each have an id and a name: a radio or a checkbox without a name
    /// sends nothing from a browser. Radios share the field's name; a checkbox is named
    /// `field__value`. Options that were given their own id and name keep them.
    static func named(_ field: FormField) -> [FormField.Option] {
        guard let options = field.options else { return [] }
        guard field.asRadios || field.asCheckboxes else { return options }
        return options.enumerated().map { index, option in
            var option = option
            if option.id.isEmpty { option.id = "\(field.id)-\(index)" }
            if option.name.isEmpty { option.name = field.asCheckboxes ? "\(field.name)__\(option.value)" : field.name }
            return option
        }
    }
}

struct FormField: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
        /// For radios and checkboxes: the input's own id and name.
        var id = ""
        var name = ""
    }

    let name: String
    let label: String
    var hint: String?
    var value: String
    var error: String?
    var inputType: String = "text"
    var isTextarea = false
    var options: [Option]?
    var required = true
    var autocomplete: String?
    var maxLength: Int?
    var readOnly = false
    /// Radios or checkboxes instead of a select.
    var asRadios = false
    var asCheckboxes = false
    var inputMode: String?
    /// File inputs: the extensions offered in the picker (the server still checks the content).
    var accept: String?
    /// A heading (and its hint) shown before the field: the question of a survey grid, whose rows follow as fields.
    var groupHeading: String?
    var groupHint: String?

    var id: String { "f-\(name)" }
    var isSelect: Bool { options != nil }
    var isInput: Bool { !isTextarea && options == nil && !["hidden", "checkbox"].contains(inputType) }
    var hintID: String? { hint == nil ? nil : "\(id)-hint" }
    var errorID: String? { error == nil ? nil : "\(id)-error" }
    /// `aria-describedby` for the hint and the message, when present.
    var describedBy: String? {
        let ids = [hintID, errorID].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    init(_ name: String, _ label: String, value: String, errors: [FieldError], hint: String? = nil) {
        self.name = name
        self.label = label
        self.value = value
        self.hint = hint
        self.error = errors.first { $0.field == name }?.message
    }

    /// Turns this field into a select with the given choices, marking the current value.
    func choices(_ pairs: [(value: String, label: String)], placeholder: String? = nil) -> FormField {
        var copy = self
        var options = pairs.map { Option(value: $0.value, label: $0.label, selected: $0.value == value) }
        if let placeholder { options.insert(Option(value: "", label: placeholder, selected: value.isEmpty), at: 0) }
        copy.options = options
        return copy
    }

    func type(_ inputType: String, autocomplete: String? = nil) -> FormField {
        var copy = self
        copy.inputType = inputType
        copy.autocomplete = autocomplete
        return copy
    }

    func multiline() -> FormField {
        var copy = self
        copy.isTextarea = true
        return copy
    }

    func optional() -> FormField {
        var copy = self
        copy.required = false
        return copy
    }

    static func countryChoices() -> [(value: String, label: String)] {
        Country.all.map { ($0.code, $0.englishName) }
    }
}

extension FormField {
    var isHidden: Bool { inputType == "hidden" }
    var isCheckbox: Bool { inputType == "checkbox" }
    var isChecked: Bool { value == "on" }
}

/// The fields of a submitted form; a missing field reads as empty, so validation (not
/// decoding) tells the person what is missing.
struct FormValues: Sendable {
    let values: [String: String]

    subscript(_ name: String) -> String { values[name] ?? "" }
}

extension Request {
    func formValues() throws -> FormValues {
        guard let values = try? content.decode([String: String].self) else {
            throw RequestProblem.formUnreadable
        }
        guard !values.contains(where: { InputText.hasForbiddenCharacter($0.key) || InputText.hasForbiddenCharacter($0.value) }) else {
            throw RequestProblem.controlCharacterInText
        }
        return FormValues(values: values)
    }
}
