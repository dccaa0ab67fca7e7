/// The agendas of the 2017/18 program's five modules. The subjects follow the program's
/// description (knowledge, skills and networks for advocacy on migrant workers' rights in
/// Malaysia, with advocates from countries of origin, towards shared advocacy strategies);
/// every time, room and person is illustrative, and the people are fictional.
extension DemoCatalog {
    public static let speakers2017: [SpeakerEntry] = [
        .init(key: "lead17", name: "Nadia Rahim", country: "MY", role: .facilitator, organisation: "Program team",
              bio: "Human-rights trainer; leads the program's five modules."),
        .init(key: "co17", name: "Joel Manalo", country: "PH", role: .facilitator, organisation: "Program team",
              bio: "Facilitates country-group work and the shared strategies."),
        .init(key: "cmw17", name: "Helena Marsh", country: "GB", role: .resourcePerson, organisation: "Independent expert",
              bio: "International lawyer; writes on the Migrant Workers Convention and its Committee."),
        .init(key: "ilo17", name: "Ratna Dewi", country: "ID", role: .resourcePerson, organisation: "Labour standards researcher",
              bio: "Works on ILO standards on domestic work, fair recruitment and forced labour."),
        .init(key: "upr17", name: "Samuel Okafor", country: "CH", role: .resourcePerson, organisation: "Treaty body and UPR trainer",
              bio: "Trains civil society to use the Universal Periodic Review and the treaty bodies."),
        .init(key: "docs17", name: "Leela Menon", country: "MY", role: .resourcePerson, organisation: "Human rights documentation trainer",
              bio: "Helps organisations document cases safely and turn them into evidence."),
        .init(key: "media17", name: "Hafsah Idris", country: "MY", role: .resourcePerson, organisation: "Former journalist",
              bio: "Trains advocates to work with the media and to tell stories safely."),
        .init(key: "legal17", name: "Ravi Shankar", country: "MY", role: .resourcePerson, organisation: "Advocate and solicitor",
              bio: "Practises employment and immigration law; a member of a bar committee on migrants."),
    ]

    /// Attendance in the 2017/18 modules: like the 2006 workshop's (a session missed here and
    /// there), except that the sixth participant missed Module 3 (a family emergency, say), so
    /// has no certificate for it.
    public static func attended2017(module: Int, participant: Int, session: Int, of count: Int) -> Bool {
        if module == 3 && participant == 5 { return false }
        return (participant + 3 * module + 2 * session) % 11 != 0
    }

    public typealias Slot = (title: String, kind: SessionKind, speakers: [String], topics: [String])

    /// One workshop day: four sessions with two breaks and lunch between them.
    static func workshopDay(_ day: Int, _ slots: [Slot]) -> [SessionEntry] {
        let times = [("09:00", "10:30"), ("11:00", "12:30"), ("13:30", "15:00"), ("15:30", "17:00")]
        var sessions: [SessionEntry] = []
        for (index, slot) in slots.prefix(times.count).enumerated() {
            let isLast = index == min(slots.count, times.count) - 1
            let room = slot.kind == .groupWork ? "Breakout rooms" : slot.kind == .fieldVisit ? "Bus from the lobby" : "Main hall"
            sessions.append(.init(day, times[index].0, times[index].1, slot.title, slot.kind, room: room, speakers: slot.speakers,
                                  topics: slot.topics, visibility: slot.kind == .fieldVisit ? .participants : .everyone))
            switch isLast ? -1 : index {
            case 0, 2: sessions.append(.init(day, times[index].1, times[index + 1].0, "Break", .breakTime, room: "Lobby"))
            case 1: sessions.append(.init(day, "12:30", "13:30", "Lunch", .meal, room: "Dining room"))
            default: break
            }
        }
        return sessions
    }

    /// Sessions of each module, by module number.
    public static let sessions2017: [Int: [SessionEntry]] = [
        1: [
            workshopDay(0, [("Opening: who is in the room, and what we came for", .plenary, ["lead17", "co17"], []),
                            ("Migration to Malaysia: the workers, the sectors and the law", .plenary, ["legal17"], ["Malaysian law"]),
                            ("Country groups: what migrant workers face, from origin to return", .groupWork, ["co17"], ["Networks"]),
                            ("The program's five modules, designed with you", .plenary, ["lead17"], [])]),
            workshopDay(1, [("The UN Convention on Migrant Workers: rights of all migrant workers", .plenary, ["cmw17"], ["ICRMW"]),
                            ("The Committee on Migrant Workers and its reviews of countries of origin", .plenary, ["cmw17"], ["CMW"]),
                            ("Malaysia and the human-rights treaties it has and has not ratified", .workshop, ["cmw17", "legal17"], ["Ratification"]),
                            ("Country groups: what the Convention would change", .groupWork, ["co17"], ["ICRMW"])]),
            workshopDay(2, [("The Universal Periodic Review: Malaysia's recommendations on migrants", .plenary, ["upr17"], ["UPR"]),
                            ("Special procedures and sending an urgent appeal", .workshop, ["upr17"], ["Special procedures"]),
                            ("Field visit: a drop-in centre for migrant workers", .fieldVisit, ["co17"], []),
                            ("Review of the visit", .groupWork, ["lead17"], [])]),
            workshopDay(3, [("CEDAW and women migrant workers", .plenary, ["cmw17"], ["CEDAW"]),
                            ("Panel: what the treaty bodies have said to Malaysia and to countries of origin", .panel, ["cmw17", "upr17"], ["Treaty bodies"]),
                            ("Writing a submission: from a case to a recommendation", .workshop, ["upr17"], ["UPR", "Documentation"]),
                            ("Country groups: one submission each", .groupWork, ["co17"], ["UPR"])]),
            workshopDay(4, [("Country groups present their submissions", .plenary, ["co17", "upr17"], []),
                            ("Between modules: what each of us will do", .workshop, ["lead17"], []),
                            ("Evaluation of Module 1", .groupWork, ["co17"], []),
                            ("Closing", .plenary, ["lead17", "co17"], [])]),
        ].flatMap { $0 },
        2: [
            workshopDay(0, [("What happened between modules", .plenary, ["lead17", "co17"], []),
                            ("ILO Convention 189 on domestic workers", .plenary, ["ilo17"], ["ILO C189", "Domestic work"]),
                            ("ILO Convention 181 and fair recruitment: who pays the fees", .plenary, ["ilo17"], ["ILO C181", "Recruitment"]),
                            ("Country groups: recruitment from origin to employer", .groupWork, ["co17"], ["Recruitment"])]),
            workshopDay(1, [("Forced labour: Convention 29, its Protocol and the indicators", .plenary, ["ilo17"], ["ILO C029", "Forced labour"]),
                            ("Malaysian employment law and domestic workers", .workshop, ["legal17"], ["Malaysian law", "Domestic work"]),
                            ("Panel: unions organising migrant workers", .panel, ["ilo17", "lead17"], ["Unions"]),
                            ("Country groups: a case from each country", .groupWork, ["co17"], ["Forced labour"])]),
            workshopDay(2, [("Field visit: a union's help desk for migrant workers", .fieldVisit, ["co17"], []),
                            ("Review of the visit", .groupWork, ["lead17"], []),
                            ("Bilateral agreements and memoranda between Malaysia and countries of origin", .workshop, ["ilo17", "legal17"], ["Bilateral agreements"]),
                            ("Supply chains and business responsibility", .workshop, ["ilo17"], ["Business and human rights"])]),
            workshopDay(3, [("Country groups present: what we will ask of employers and governments", .plenary, ["co17"], []),
                            ("Between modules: documenting cases for Module 3", .workshop, ["lead17"], ["Documentation"]),
                            ("Evaluation of Module 2", .groupWork, ["co17"], []),
                            ("Closing", .plenary, ["lead17"], [])]),
        ].flatMap { $0 },
        3: [
            workshopDay(0, [("The cases you brought", .plenary, ["lead17", "co17"], []),
                            ("Documenting cases safely: consent, security and what to record", .workshop, ["docs17"], ["Documentation"]),
                            ("From cases to patterns: evidence that counts", .workshop, ["docs17"], ["Documentation"]),
                            ("Country groups: one pattern each", .groupWork, ["co17"], [])]),
            workshopDay(1, [("Access to justice: labour courts, the Industrial Court and immigration detention", .plenary, ["legal17"], ["Access to justice"]),
                            ("Legal aid and strategic cases", .workshop, ["legal17"], ["Access to justice"]),
                            ("Working with the media without putting workers at risk", .workshop, ["media17"], ["Media"]),
                            ("Practice: an interview on camera", .workshop, ["media17"], ["Media"])]),
            workshopDay(2, [("Lobbying: who decides, and how to reach them", .workshop, ["lead17"], ["Lobbying"]),
                            ("Panel: parliamentarians and officials on migrant workers", .panel, ["legal17", "lead17"], ["Lobbying"]),
                            ("Campaigns online and offline", .workshop, ["media17"], ["Campaigns"]),
                            ("Country groups: a message for each audience", .groupWork, ["co17"], [])]),
            workshopDay(3, [("Country groups present their messages", .plenary, ["co17", "media17"], []),
                            ("Between modules: cases to take across borders", .workshop, ["lead17"], ["Networks"]),
                            ("Evaluation of Module 3", .groupWork, ["co17"], []),
                            ("Closing", .plenary, ["lead17"], [])]),
        ].flatMap { $0 },
        4: [
            workshopDay(0, [("Origin and destination: one worker, two ends", .plenary, ["lead17", "co17"], ["Networks"]),
                            ("Migration from Nepal, Bangladesh, the Philippines, Indonesia and Cambodia to Malaysia", .panel, ["co17"], ["Networks"]),
                            ("Pre-departure, recruitment and return: where each side can act", .workshop, ["ilo17"], ["Recruitment"]),
                            ("Mixed groups: following one worker's journey", .groupWork, ["co17"], ["Networks"])]),
            workshopDay(1, [("Embassies, labour attachés and consular help", .plenary, ["legal17"], ["Consular protection"]),
                            ("Referrals across borders: who to call", .workshop, ["docs17"], ["Networks"]),
                            ("Regional bodies: ASEAN and the Consensus on migrant workers", .plenary, ["upr17"], ["ASEAN"]),
                            ("Mixed groups: a referral map", .groupWork, ["co17"], ["Networks"])]),
            workshopDay(2, [("Field visit: a shelter run with an embassy", .fieldVisit, ["co17"], []),
                            ("Review of the visit", .groupWork, ["lead17"], []),
                            ("Joint cases: working one case from both ends", .workshop, ["docs17", "legal17"], ["Documentation"]),
                            ("Keeping in touch: secure communication", .workshop, ["docs17"], ["Digital security"])]),
            workshopDay(3, [("Mixed groups present their referral maps", .plenary, ["co17"], []),
                            ("Between modules: first drafts of shared strategies", .workshop, ["lead17"], ["Strategies"]),
                            ("Evaluation of Module 4", .groupWork, ["co17"], []),
                            ("Closing", .plenary, ["lead17"], [])]),
        ].flatMap { $0 },
        5: [
            workshopDay(0, [("A year of the program: what changed", .plenary, ["lead17", "co17"], []),
                            ("What makes an advocacy strategy work", .workshop, ["lead17"], ["Strategies"]),
                            ("Groups by issue: domestic work, recruitment fees, detention", .groupWork, ["co17"], ["Strategies"]),
                            ("Groups by issue: goals and targets", .groupWork, ["co17"], ["Strategies"])]),
            workshopDay(1, [("Using the UN system in a strategy", .workshop, ["upr17", "cmw17"], ["UPR", "CMW"]),
                            ("Using ILO standards in a strategy", .workshop, ["ilo17"], ["ILO C189", "ILO C181"]),
                            ("Groups by issue: allies, risks and resources", .groupWork, ["co17"], ["Strategies"]),
                            ("Peer review of the drafts", .groupWork, ["lead17"], ["Strategies"])]),
            workshopDay(2, [("Panel: partners on what they can carry forward", .panel, ["lead17", "legal17"], ["Networks"]),
                            ("Measuring what a strategy achieves", .workshop, ["lead17"], ["Monitoring"]),
                            ("Groups by issue: a plan for the first six months", .groupWork, ["co17"], ["Strategies"]),
                            ("Media plans for the strategies", .workshop, ["media17"], ["Media"])]),
            workshopDay(3, [("Groups present their shared strategies", .plenary, ["co17", "lead17"], ["Strategies"]),
                            ("Commitments across countries of origin and Malaysia", .plenary, ["lead17"], ["Networks"]),
                            ("Staying a network after the program", .workshop, ["co17"], ["Networks"]),
                            ("Evaluation of the program", .groupWork, ["co17"], [])]),
            workshopDay(4, [("Closing and certificates", .plenary, ["lead17", "co17"], [])]),
        ].flatMap { $0 },
    ]
}
