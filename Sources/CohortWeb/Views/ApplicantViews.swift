import CohortCore
import Foundation

/// Words a page template needs, keyed with underscores ("start_heading") because
/// Mustache reads dots as paths.
struct WordTable: Sendable {
    let table: [String: String]

    init(_ words: Words, keys: [String], arguments: [String: [String: String]] = [:]) {
        var table: [String: String] = [:]
        for key in keys { table[key.replacingOccurrences(of: ".", with: "_")] = words(key, arguments[key] ?? [:]) }
        self.table = table
    }
}

struct CallPageView: Sendable {
    let t: [String: String]
    let title: String
    let paragraphs: [String]
    let deadline: String
    /// For the script that adds the deadline in the reader's own zone.
    let deadlineISO: String
    let callZone: String
    let localTimeScript: String
    let isOpen: Bool
    let notice: String?
    let languages: String
    let eligibility: [String]
    let privacy: [String]
    let contact: String
    let startForm: FormView?
    let isSample: Bool
}

/// "Check your email" after a start, or "this link no longer works".
struct LinkView: Sendable {
    let t: [String: String]
    let expired: Bool
    let newLinkHref: String?
}

struct ApplicationOverviewView: Sendable {
    struct SectionItem: Sendable {
        let title: String
        let href: String?
        let state: String
        let stateClass: String
    }

    let t: [String: String]
    let callTitle: String
    let progress: String
    let sections: [SectionItem]
    let reviewHref: String?
    let notice: String?
    let submittedText: String?
    var withdraw: DangerAction?
    let readHref: String?
    var decision: ApplicantDecisionView?
}

/// The decision after selection, as the applicant reads it, with the answer buttons while an offer is open.
struct ApplicantDecisionView: Sendable {
    let heading: String
    let text: String
    let action: String?
    let csrf: String
    let confirmLabel: String
    let declineLabel: String
}

struct SectionPageView: Sendable {
    let t: [String: String]
    /// The autosave script; none in a staff preview, where nothing is saved.
    let script: String?
    let callTitle: String
    let step: String
    let heading: String
    let intro: String?
    let form: FormView
    /// A staff preview's banner and its links to other languages and sections.
    var preview: PreviewBar? = nil
}

struct PreviewBar: Sendable {
    struct Link: Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    let text: String
    let languages: [Link]
    let sections: [Link]
    let backHref: String
}

struct ReviewView: Sendable {
    struct Item: Sendable {
        let label: String
        let answer: String
        let fileHref: String?
        let problem: String?
        let changeHref: String?
    }

    struct Group: Sendable {
        let title: String
        let items: [Item]
    }

    let t: [String: String]
    let callTitle: String
    let groups: [Group]
    let problems: [FormView.ErrorLink]
    let hasProblems: Bool
    let notice: String?
    let submitAction: String?
    let csrf: String
}

struct ReceiptView: Sendable {
    let t: [String: String]
    let reference: String
    let next: String
    let readHref: String
}
