import Vapor

/// Messages shown once after a redirect. The cookie carries only this code, never user data.
enum Flash: String, CaseIterable {
    case saved, created, deleted, removed, added, signedIn, signedOut, passwordSet, ownPasswordChanged, statusChanged, tokenRevoked
    case reviewersAssigned, reviewersShort, reviewSaved, conflictDeclared, decisionsSent, placeOffered
    case sessionCancelled, agendaPublished, attendanceSaved, certificatesIssued, certificateRevoked
    case surveyCreated, remindersQueued, remindersNotDue, everyoneAnswered, needsLinked

    var message: String {
        switch self {
        case .saved: "Your changes are saved."
        case .created: "Created."
        case .deleted: "Deleted."
        case .removed: "Removed."
        case .added: "Added."
        case .signedIn: "You are signed in."
        case .signedOut: "You are signed out."
        case .passwordSet: "The new password is set. The account was signed out everywhere."
        case .ownPasswordChanged: "Your password is changed. You were signed out everywhere else."
        case .statusChanged: "The status is changed."
        case .tokenRevoked: "The token is revoked. Programs using it can no longer sign in with it."
        case .reviewersAssigned: "Reviewers are assigned: every eligible application has the reviews wanted."
        case .reviewersShort: "Reviewers are assigned, but some applications have fewer reviewers than wanted: too few reviewers are free of conflicts. Add reviewers and assign again."
        case .reviewSaved: "Your review is saved."
        case .placeOffered: "The place is offered. The applicant has a message with a new private link and two weeks to answer."
        case .decisionsSent: "The decisions are sent. Each applicant has a message with a new private link."
        case .sessionCancelled: "The session is cancelled. It stays on the agenda as cancelled; participants are told when you next publish."
        case .attendanceSaved: "Attendance is saved."
        case .certificatesIssued: "The certificates are issued. Their holders see and print them on their own page."
        case .certificateRevoked: "The certificate is revoked. Its verification page now says so."
        case .agendaPublished: "The agenda is published. Everyone of the program with an address is sent what changed."
        case .surveyCreated: "The survey is created. Participants see it on their page while it is open."
        case .remindersQueued: "Reminders are on their way to everyone asked who has not answered, in their language."
        case .remindersNotDue: "No reminder went out: one was sent recently. Reminders go out at most as often as the survey's setting allows."
        case .everyoneAnswered: "Everyone asked has answered: no reminder is needed."
        case .needsLinked: "The sessions answering each need are saved. The published agenda says so."
        case .conflictDeclared: "Thank you. The application goes to another reviewer, and your review of it, if any, is removed."
        }
    }
}

extension Request {
    /// Redirects after a successful POST, with a message for the next page.
    func redirect(_ url: SiteURL, flash: Flash? = nil) -> Response {
        redirect(path: url.path, flash: flash)
    }

    func redirect(path: String, flash: Flash?) -> Response {
        let response = redirect(to: Self.headerSafe(path), redirectType: .normal)
        if let flash { response.cookies[cookieJar.flash] = cookieJar.value(flash.rawValue, maxAge: 60) }
        return response
    }

    /// A `Location` never carries a line break or any other byte outside visible ASCII: those
    /// are percent-encoded, whatever part of the address they came from.
    static func headerSafe(_ path: String) -> String {
        guard !path.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return path }
        var out = ""
        for byte in path.utf8 {
            if (0x21...0x7E).contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { out += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }

    /// Reads the pending flash message; the layout clears the cookie.
    var pendingFlash: Flash? {
        cookies[cookieJar.flash].flatMap { Flash(rawValue: $0.string) }
    }
}
