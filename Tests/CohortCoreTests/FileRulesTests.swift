import CohortCore
import Foundation
import Testing

@Suite struct FileRulesTests {
    static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]
    static let docx = [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml....word/document.xml".utf8)
    static let odt = [0x50, 0x4B, 0x03, 0x04] + Array("....mimetypeapplication/vnd.oasis.opendocument.text".utf8)
    static let zip = [0x50, 0x4B, 0x03, 0x04] + Array("....payload.exe".utf8)
    static let html = Array("<html><script>alert(1)</script>".utf8)
    static let exe = Array("MZ\u{90}\u{0}".utf8)

    @Test(arguments: [
        (pdf, FileKind.pdf), (png, .png), (jpeg, .jpeg), (docx, .docx), (odt, .odt),
    ])
    func kindsAreRecognisedByContent(bytes: [UInt8], kind: FileKind) {
        #expect(FileKind.sniff(bytes) == kind)
    }

    @Test(arguments: [zip, html, exe, [], Array("%PD".utf8)])
    func otherContentIsNoKnownKind(bytes: [UInt8]) {
        #expect(FileKind.sniff(bytes) == nil)
    }

    static let question = Question(key: "cv", type: .file, label: .init(english: "CV"), fileTypes: ["pdf"], maxFileBytes: 100)

    @Test func aFileQuestionChecksKindSizeAndEmptiness() throws {
        #expect(try FileCheck.check(Self.pdf, for: Self.question).get() == .pdf)
        #expect(FileCheck.check(Self.png, for: Self.question) == .failure(.init(problem: .kindNotAccepted(accepted: [.pdf]))))
        #expect(FileCheck.check(Self.pdf + [UInt8](repeating: 32, count: 100), for: Self.question)
            == .failure(.init(problem: .tooLarge(maxBytes: 100))))
        #expect(FileCheck.check([], for: Self.question) == .failure(.init(problem: .empty)))
        let text = Question(key: "name", type: .shortText, label: .init(english: "Name"))
        #expect(FileCheck.check(Self.pdf, for: text) == .failure(.init(problem: .notAFileQuestion)))
    }

    @Test func limitsDefaultAndAreCapped() {
        let open = Question(key: "any", type: .file, label: .init(english: "Any"))
        #expect(FileCheck.acceptedKinds(for: open) == FileKind.allCases)
        #expect(FileCheck.maxBytes(for: open) == FileCheck.defaultMaxBytes)
        let huge = Question(key: "huge", type: .file, label: .init(english: "Huge"), maxFileBytes: 1 << 40)
        #expect(FileCheck.maxBytes(for: huge) == FileCheck.absoluteMaxBytes)
    }

    @Test(arguments: [
        ("cv.pdf", FileKind.pdf, "cv.pdf"),
        ("../../etc/passwd", .pdf, "etcpasswd.pdf"),
        ("letter \"signed\".exe", .png, "lettersigned.png"),
        ("رسالة.pdf", .pdf, "file.pdf"),
        ("photo.JPG", .jpeg, "photo.jpg"),
    ])
    func namesAreMadeSafeAndTakeTheRealExtension(name: String, kind: FileKind, expected: String) {
        #expect(FileCheck.safeName(name, kind: kind) == expected)
    }

    @Test func aFileAnswerMustNameAnUpload() {
        let question = Question(key: "cv", type: .file, label: .init(english: "CV"), required: true)
        #expect(AnswerValidator.problem(nil, for: question) == .required)
        #expect(AnswerValidator.problem(.text("my cv"), for: question) == .notAFile)
        #expect(AnswerValidator.problem(.text(UUID().uuidString), for: question) == nil)
    }

    @Test func staffMoveOnlySubmittedApplications() {
        #expect(ApplicationStatus.submitted.staffMayChange(to: .shortlisted))
        #expect(ApplicationStatus.declined.staffMayChange(to: .underReview))
        #expect(!ApplicationStatus.draft.staffMayChange(to: .shortlisted))
        #expect(!ApplicationStatus.withdrawn.staffMayChange(to: .submitted))
        #expect(!ApplicationStatus.submitted.staffMayChange(to: .withdrawn))
        #expect(!ApplicationStatus.submitted.staffMayChange(to: .draft))
    }

    @Test func applicationsUnderReviewAreNoLongerEditableOrSubmittable() {
        let call = Call(id: UUID(), programID: UUID(), title: .init(english: "C"), description: .init(english: "D"),
                        opensAt: Date().addingTimeInterval(-60), closesAt: Date().addingTimeInterval(3600), timeZone: "UTC",
                        languages: [.english], privacyNotice: .init(english: "P"), contactEmail: "a@b.org", isPublished: true,
                        allowsEditingAfterSubmit: true, referencePrefix: "T")
        var application = CallApplication(id: UUID(), callID: call.id, email: "a@b.org", language: .english, formVersion: 1, answers: [:],
                                          status: .submitted, reference: "T-0001", submittedAt: Date(), createdAt: Date(), updatedAt: Date())
        #expect(application.isEditable(call: call, at: Date()))
        application.status = .shortlisted
        #expect(!application.isEditable(call: call, at: Date()))
        #expect(SubmissionCheck.check(application, call: call, form: FormDefinition(version: 1, sections: []), at: Date()) == .alreadySubmitted)
    }

    @Test func anOverrideNeedsAReason() {
        #expect(EligibilityDecision.validateNote("  ") != nil)
        #expect(EligibilityDecision.validateNote(String(repeating: "x", count: 1_001)) != nil)
        #expect(EligibilityDecision.validateNote("Lives in Johor; moved after applying.") == nil)
    }
}
