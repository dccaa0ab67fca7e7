import Foundation

public enum ApplicationStatus: String, Codable, Sendable, CaseIterable {
    case draft, submitted, withdrawn
    /// Set by the program's staff, in bulk or one by one, once an application is submitted.
    case underReview = "under_review"
    case shortlisted
    case declined

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .withdrawn: "Withdrawn"
        case .underReview: "Under review"
        case .shortlisted: "Shortlisted"
        case .declined: "Not taken forward"
        }
    }

    /// Whether the applicant has submitted (whatever staff have done with it since).
    public var isSubmitted: Bool { Self.staffSettable.contains(self) }

    /// The statuses staff may move a submitted application between. Drafts belong to the
    /// applicant and a withdrawal is the applicant's decision: staff change neither.
    public static let staffSettable: [ApplicationStatus] = [.submitted, .underReview, .shortlisted, .declined]

    public func staffMayChange(to target: ApplicationStatus) -> Bool {
        isSubmitted && target.isSubmitted
    }
}

/// An application to a call, from its first save to its submission or withdrawal.
public struct CallApplication: Hashable, Sendable {
    public var id: UUID
    public var callID: UUID
    public var email: String
    public var language: Language
    /// The version of the call's form these answers were given against.
    public var formVersion: Int
    public var answers: [String: Answer]
    public var status: ApplicationStatus
    public var reference: String?
    public var submittedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, callID: UUID, email: String, language: Language, formVersion: Int, answers: [String: Answer],
                status: ApplicationStatus, reference: String?, submittedAt: Date?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.callID = callID
        self.email = email
        self.language = language
        self.formVersion = formVersion
        self.answers = answers
        self.status = status
        self.reference = reference
        self.submittedAt = submittedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the applicant may still change answers now.
    public func isEditable(call: Call, at now: Date) -> Bool {
        switch status {
        case .draft: return true
        // Only until staff start on it: answers under review stay as they were read.
        case .submitted: return call.allowsEditingAfterSubmit && call.acceptsSubmission(at: now)
        case .withdrawn, .underReview, .shortlisted, .declined: return false
        }
    }
}

/// What stands between an application and its submission.
public enum SubmissionCheck {
    public enum Outcome: Equatable, Sendable {
        case ready
        case closed(at: Date)
        case notYetOpen(opensAt: Date)
        case incomplete([String: AnswerProblem])
        case alreadySubmitted
        case withdrawn
    }

    public static func check(_ application: CallApplication, call: Call, form: FormDefinition, at now: Date) -> Outcome {
        switch application.status {
        case .submitted, .underReview, .shortlisted, .declined: return .alreadySubmitted
        case .withdrawn: return .withdrawn
        case .draft: break
        }
        if now < call.opensAt { return .notYetOpen(opensAt: call.opensAt) }
        if !call.acceptsSubmission(at: now) { return .closed(at: call.closesAt) }
        let problems = AnswerValidator.problems(application.answers, questions: form.questions)
        return problems.isEmpty ? .ready : .incomplete(problems)
    }
}

/// How far an applicant has come, section by section, for the progress line.
public struct FormProgress: Equatable, Sendable {
    public enum State: String, Sendable { case notStarted, inProgress, complete }

    public let states: [State]

    public init(form: FormDefinition, answers: [String: Answer]) {
        states = form.sections.map { section in
            let answered = section.questions.filter { $0.isAnswered(in: answers) }
            if answered.isEmpty && !section.questions.isEmpty { return .notStarted }
            let problems = AnswerValidator.problems(answers, questions: section.questions)
            return problems.isEmpty ? .complete : .inProgress
        }
    }

    public var completeCount: Int { states.filter { $0 == .complete }.count }
}
