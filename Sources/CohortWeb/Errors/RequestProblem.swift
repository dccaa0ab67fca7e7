import CohortCore
import Vapor

/// Why the web layer refuses a request before the domain sees it: a form or body it cannot
/// read, a choice left out, a missing credential. Each case has one status and one catalog key
/// (`request.*`, English for now like the staff texts), mapped in `ErrorMessages`.
enum RequestProblem: Error, Equatable, Sendable {
    // Reading what was sent
    case formUnreadable
    case controlCharacterInText
    case controlCharacterInAddress
    case answersNotAnObject
    case malformedJSON(String)
    case idempotencyKeyInvalid
    case fileNotMultipart

    // Credentials on the API
    case applicationTokenMissing
    case applicationNotFoundForToken
    case staffTokenMissing
    case staffTokenInvalid
    case tooManySignIns(retryAfterSeconds: Int)

    // What the API's applicant asked of the call
    case callNotTakingApplications
    case callNotOpenYet
    case callClosed(at: Date)
    case applicationLocked

    // Choices a staff form needs
    case chooseBulkStatus
    case selectApplications
    case tooManyApplicationsAtOnce(max: Int)
    case chooseEligibility
    case waitlistLength
    case respondBy(timeZone: String)
    case chooseWaitlisted
    case chooseReviewer
    case chooseTwoRuns
    case moveDirection

    // Nothing there to show
    case noPublicProgram(slug: String)
    case noReadableCall
    case noReadableProgram
    case noCertificate
    case noReadableSurveys
    case noReadableSurvey
    case databaseNotAnswering
}

extension ErrorMessages {
    /// Status, headers and the catalog key with its arguments.
    static func describe(_ problem: RequestProblem) -> (status: HTTPStatus, headers: HTTPHeaders, key: String, arguments: [String: String]) {
        switch problem {
        case .formUnreadable: (.badRequest, [:], "request.formUnreadable", [:])
        case .controlCharacterInText: (.badRequest, [:], "request.controlCharacterInText", [:])
        case .controlCharacterInAddress: (.badRequest, [:], "request.controlCharacterInAddress", [:])
        case .answersNotAnObject: (.badRequest, [:], "request.answersNotAnObject", [:])
        case .malformedJSON(let detail): (.badRequest, [:], "request.malformedJSON", ["detail": detail])
        case .idempotencyKeyInvalid: (.badRequest, [:], "request.idempotencyKeyInvalid", [:])
        case .fileNotMultipart: (.unsupportedMediaType, [:], "request.fileNotMultipart", [:])
        case .applicationTokenMissing: (.unauthorized, ["WWW-Authenticate": "Bearer"], "request.applicationTokenMissing", [:])
        case .applicationNotFoundForToken: (.notFound, [:], "request.applicationNotFoundForToken", [:])
        case .staffTokenMissing: (.unauthorized, ["WWW-Authenticate": "Bearer"], "request.staffTokenMissing", [:])
        case .staffTokenInvalid: (.unauthorized, ["WWW-Authenticate": "Bearer error=\"invalid_token\""], "request.staffTokenInvalid", [:])
        case .tooManySignIns(let seconds):
            (.tooManyRequests, ["Retry-After": "\(seconds)"], "request.tooManySignIns", ["minutes": "\(max(1, (seconds + 59) / 60))"])
        case .callNotTakingApplications: (.unprocessableEntity, [:], "request.callNotTakingApplications", [:])
        case .callNotOpenYet: (.unprocessableEntity, [:], "request.callNotOpenYet", [:])
        case .callClosed(let at): (.unprocessableEntity, [:], "request.callClosed", ["at": at.formatted(.iso8601)])
        case .applicationLocked: (.conflict, [:], "request.applicationLocked", [:])
        case .chooseBulkStatus: (.unprocessableEntity, [:], "request.chooseBulkStatus", [:])
        case .selectApplications: (.unprocessableEntity, [:], "request.selectApplications", [:])
        case .tooManyApplicationsAtOnce(let max): (.unprocessableEntity, [:], "request.tooManyApplicationsAtOnce", ["max": "\(max)"])
        case .chooseEligibility: (.unprocessableEntity, [:], "request.chooseEligibility", [:])
        case .waitlistLength: (.unprocessableEntity, [:], "request.waitlistLength", [:])
        case .respondBy(let zone): (.unprocessableEntity, [:], "request.respondBy", ["zone": zone])
        case .chooseWaitlisted: (.unprocessableEntity, [:], "request.chooseWaitlisted", [:])
        case .chooseReviewer: (.unprocessableEntity, [:], "request.chooseReviewer", [:])
        case .chooseTwoRuns: (.unprocessableEntity, [:], "request.chooseTwoRuns", [:])
        case .moveDirection: (.unprocessableEntity, [:], "request.moveDirection", [:])
        case .noPublicProgram(let slug): (.notFound, [:], "request.noPublicProgram", ["slug": slug])
        case .noReadableCall: (.notFound, [:], "request.noReadableCall", [:])
        case .noReadableProgram: (.notFound, [:], "request.noReadableProgram", [:])
        case .noCertificate: (.notFound, [:], "request.noCertificate", [:])
        case .noReadableSurveys: (.notFound, [:], "request.noReadableSurveys", [:])
        case .noReadableSurvey: (.notFound, [:], "request.noReadableSurvey", [:])
        case .databaseNotAnswering: (.serviceUnavailable, [:], "request.databaseNotAnswering", [:])
        }
    }

    /// One of each case, for the test that every key is in the catalog.
    static let everyRequestProblem: [RequestProblem] = [
        .formUnreadable, .controlCharacterInText, .controlCharacterInAddress, .answersNotAnObject, .malformedJSON("x"),
        .idempotencyKeyInvalid, .fileNotMultipart, .applicationTokenMissing, .applicationNotFoundForToken, .staffTokenMissing,
        .staffTokenInvalid, .tooManySignIns(retryAfterSeconds: 600), .callNotTakingApplications, .callNotOpenYet,
        .callClosed(at: Date(timeIntervalSince1970: 0)), .applicationLocked, .chooseBulkStatus, .selectApplications,
        .tooManyApplicationsAtOnce(max: 500), .chooseEligibility, .waitlistLength, .respondBy(timeZone: "Asia/Kuala_Lumpur"),
        .chooseWaitlisted, .chooseReviewer, .chooseTwoRuns, .moveDirection, .noPublicProgram(slug: "x"), .noReadableCall, .noReadableProgram, .noCertificate,
        .noReadableSurveys, .noReadableSurvey, .databaseNotAnswering,
    ]
}
