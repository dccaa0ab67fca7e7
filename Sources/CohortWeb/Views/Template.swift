/// Every page template, by name. Pages name their template with one of these, never with a
/// string, and `PageRenderer.load` refuses to start when one is missing from the build.
enum Template: String, CaseIterable, Sendable {
    case accounts
    case agenda
    case application
    case call
    case certificate
    case checkIn = "check-in"
    case error
    case home
    case link
    case me
    case meSignIn = "me-sign-in"
    case meSurvey = "me-survey"
    case organisations
    case program
    case programParts = "program-parts"
    case receipt
    case review
    case reviewApplication = "review-application"
    case reviewHome = "review-home"
    case reviewQueue = "review-queue"
    case section
    case signIn = "sign-in"
    case staffApplication = "staff-application"
    case staffApplications = "staff-applications"
    case staffAgenda = "staff-agenda"
    case staffAttendance = "staff-attendance"
    case staffCertificates = "staff-certificates"
    case staffCall = "staff-call"
    case staffCalls = "staff-calls"
    case staffConfirm = "staff-confirm"
    case staffDecisions = "staff-decisions"
    case staffForm = "staff-form"
    case staffFormBuilder = "staff-form-builder"
    case staffHome = "staff-home"
    case staffParticipants = "staff-participants"
    case staffSurveys = "staff-surveys"
    case staffSurvey = "staff-survey"
    case staffSurveyNeeds = "staff-survey-needs"
    case staffLearningGains = "staff-learning-gains"
    case staffPrograms = "staff-programs"
    case staffReview = "staff-review"
    case staffSelection = "staff-selection"
    case staffSelectionCompare = "staff-selection-compare"
    case staffSelectionRun = "staff-selection-run"
    case staffTokens = "staff-tokens"
    case verify
}
