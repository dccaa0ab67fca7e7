/// What a reviewer may see of an application. With blind review on, the applicant's name,
/// email, phone, organisation and every question the manager marked identifying are left out
/// of everything a reviewer is shown.
public enum BlindReview {
    /// Profile questions that say who the applicant is.
    public static let identityKeys: Set<String> = ["full_name", "phone", "organisation"]

    public static func isHidden(_ question: Question, blind: Bool) -> Bool {
        blind && (identityKeys.contains(question.key) || question.isIdentifying)
    }

    /// The form's sections with hidden questions taken out (sections left empty are dropped).
    public static func visibleSections(_ form: FormDefinition, blind: Bool) -> [FormSection] {
        form.sections.compactMap { section in
            var visible = section
            visible.questions = section.questions.filter { !isHidden($0, blind: blind) }
            return visible.questions.isEmpty ? nil : visible
        }
    }
}
