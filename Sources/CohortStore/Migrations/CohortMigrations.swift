import FluentKit

/// Every migration, in order. Never edit a shipped one: add the next number.
public enum CohortMigrations {
    public static let all: [any Migration] = [
        CreateOrganisations(),
        CreateAccounts(),
        CreatePrograms(),
        CreateProgramParts(),
        CreatePeopleAndRoles(),
        CreateSecurityTables(),
        CreateCalls(),
        CreateApplications(),
        AddFilesTokensAndListIndexes(),
        CreateReviewTables(),
        CreateSelectionRuns(),
        CreateSelectionDecisions(),
        AddPasswordChangeRequired(),
        AddLinkExpiryAndStartAttempts(),
        CreateAgenda(),
        AddAgendaVersionsAndContacts(),
        AddPersonSignIn(),
        CreateAttendance(),
        CreateCertificates(),
        CreateProgramExports(),
        CreateSessionMaterials(),
        CreateSurveys(),
    ]
}
