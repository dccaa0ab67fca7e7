/// A program with everything its public page shows.
public struct ProgramDetail: Sendable, Hashable {
    public var program: Program
    public var partnerships: [Partnership]
    public var modules: [ProgramModule]
    public var countries: [ProgramCountry]
    public var participantCount: Int

    public init(program: Program, partnerships: [Partnership], modules: [ProgramModule],
                countries: [ProgramCountry], participantCount: Int) {
        self.program = program
        self.partnerships = partnerships.sorted {
            ($0.role.order, $0.organisation.name) < ($1.role.order, $1.organisation.name)
        }
        self.modules = modules.sorted { $0.number < $1.number }
        self.countries = countries
        self.participantCount = participantCount
    }

    public var lead: Partnership? { partnerships.first { $0.role == .lead } }

    public var hasIllustrativeModules: Bool { modules.contains { $0.isIllustrative } }
}
