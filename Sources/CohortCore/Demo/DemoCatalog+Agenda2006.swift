import Foundation

/// The five days of the 2006 workshop, 7–11 April 2006 in Petaling Jaya. The dates, the
/// venue and the subjects (the Migrant Workers Convention, in force since 1 July 2003, ILO
/// standards, the UN human-rights system, advocacy skills, country-group work) follow the
/// program's description; the sessions' times, rooms and people are illustrative, and the
/// facilitators and resource persons are fictional.
extension DemoCatalog {
    public struct SpeakerEntry: Sendable {
        public let key: String
        public let name: String
        public let country: String
        public let role: EnrolmentRole
        public let organisation: String
        public let bio: String
    }

    /// Whether the `participant`-th participant (from 0) attended the `session`-th of `count`
    /// sessions that people attend: nearly everyone nearly always, one in eleven sessions missed
    /// here and there, and the last two participants gone for the final fifth of the workshop,
    /// so the completion rule (80 % of the sessions) leaves them without a certificate.
    public static func attended(participant: Int, session: Int, of count: Int) -> Bool {
        if participant >= 30 && session * 5 >= count * 4 { return false }
        return (participant + 2 * session) % 11 != 0
    }

    public struct SessionEntry: Sendable {
        /// Days after the module's first.
        public let day: Int
        public let start: String
        public let end: String
        public let title: String
        public let kind: SessionKind
        public let room: String
        public let speakers: [String]
        public let topics: [String]
        public let visibility: SessionVisibility
        /// Links handed out with the session: a title and an address.
        public let links: [(title: String, url: String)]

        init(_ day: Int, _ start: String, _ end: String, _ title: String, _ kind: SessionKind, room: String = "Main hall",
             speakers: [String] = [], topics: [String] = [], visibility: SessionVisibility = .everyone,
             links: [(title: String, url: String)] = []) {
            self.day = day
            self.start = start
            self.end = end
            self.title = title
            self.kind = kind
            self.room = room
            self.speakers = speakers
            self.topics = topics
            self.visibility = visibility
            self.links = links
        }

        /// The session in `module`, its speakers' keys resolved by `people` (unknown keys left out).
        public func session(id: UUID, in module: ProgramModule, people: [String: UUID]) -> AgendaSession {
            let days = module.days, zone = module.zone
            func at(_ clock: String) -> Date {
                let time = SessionForm.clock(clock) ?? (0, 0)
                return VenueTime.instant(days[min(day, days.count - 1)], hour: time.hour, minute: time.minute, in: zone)
            }
            return AgendaSession(id: id, moduleID: module.id, start: at(start), end: at(end), title: LocalizedText(english: title),
                                 kind: kind, room: room, speakers: speakers.compactMap { people[$0] }, topics: topics,
                                 visibility: visibility)
        }
    }

    public static let speakers2006: [SpeakerEntry] = [
        .init(key: "lead", name: "Grace Tan Wei Ling", country: "MY", role: .facilitator, organisation: "Workshop team",
              bio: "Trainer in human-rights advocacy; leads the workshop's days."),
        .init(key: "co", name: "Arif Hidayat", country: "ID", role: .facilitator, organisation: "Workshop team",
              bio: "Facilitator of country-group work and advocacy planning."),
        .init(key: "cmw", name: "Tomas Eriksen", country: "NO", role: .resourcePerson, organisation: "Independent expert",
              bio: "International lawyer who has followed the Migrant Workers Convention since its drafting."),
        .init(key: "ilo", name: "Lorna Cabrera", country: "PH", role: .resourcePerson, organisation: "Labour standards researcher",
              bio: "Works on ILO standards on migration and on domestic work."),
        .init(key: "un", name: "Dr Meera Iyer", country: "IN", role: .resourcePerson, organisation: "University law faculty",
              bio: "Teaches international human-rights law and the UN treaty bodies."),
        .init(key: "media", name: "Yusof Hamid", country: "MY", role: .resourcePerson, organisation: "Former journalist",
              bio: "Trains advocates to work with the media."),
    ]

    public static let sessions2006: [SessionEntry] = days2006.flatMap { $0 }

    private static let days2006: [[SessionEntry]] = [
        [
            .init(0, "08:30", "09:00", "Registration", .plenary, room: "Foyer"),
            .init(0, "09:00", "10:00", "Opening and introductions: who is in the room", .plenary, speakers: ["lead", "co"]),
            .init(0, "10:00", "10:30", "Break", .breakTime, room: "Foyer"),
            .init(0, "10:30", "12:30", "The UN Convention on Migrant Workers: from adoption in 1990 to entry into force on 1 July 2003",
                  .plenary, speakers: ["cmw"], topics: ["ICRMW"],
                  links: [("General Assembly resolution 45/158, adopting the Convention", "http://www.un.org/documents/ga/res/45/a45r158.htm")]),
            .init(0, "12:30", "13:30", "Lunch", .meal, room: "Dining hall"),
            .init(0, "13:30", "15:00", "What the Convention protects: the rights of all migrant workers and members of their families",
                  .workshop, speakers: ["cmw", "lead"], topics: ["ICRMW", "Part III"]),
            .init(0, "15:00", "15:30", "Break", .breakTime, room: "Foyer"),
            .init(0, "15:30", "17:00", "Country groups: who has ratified, and what stands in the way", .groupWork,
                  room: "Breakout rooms", speakers: ["co"], topics: ["ICRMW", "Ratification"],
                  links: [("The Convention's signatures and ratifications (UN Treaty Collection)",
                           "https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20IV/iv-13.en.xml")]),
            .init(0, "17:00", "17:30", "Review of the day", .plenary, speakers: ["lead"]),
        ],
        [
            .init(1, "08:45", "09:00", "Recap of the day before", .plenary, speakers: ["co"]),
            .init(1, "09:00", "10:30", "ILO standards on labour migration: Conventions 97 and 143", .plenary, speakers: ["ilo"],
                  topics: ["ILO C97", "ILO C143"]),
            .init(1, "10:30", "11:00", "Break", .breakTime, room: "Foyer"),
            .init(1, "11:00", "12:30", "The ILO Multilateral Framework on Labour Migration and the fundamental principles at work",
                  .plenary, speakers: ["ilo"], topics: ["ILO", "1998 Declaration"]),
            .init(1, "12:30", "13:30", "Lunch", .meal, room: "Dining hall"),
            .init(1, "13:30", "15:00", "Panel: domestic work and the gaps in labour law", .panel, speakers: ["ilo", "lead"],
                  topics: ["Domestic work"]),
            .init(1, "15:00", "15:30", "Break", .breakTime, room: "Foyer"),
            .init(1, "15:30", "17:00", "Country groups: origin and destination, the same worker", .groupWork, room: "Breakout rooms",
                  speakers: ["co"]),
            .init(1, "17:00", "17:30", "Review of the day", .plenary, speakers: ["lead"]),
        ],
        [
            .init(2, "08:45", "09:00", "Recap of the day before", .plenary, speakers: ["co"]),
            .init(2, "09:00", "10:30", "The UN human-rights system: treaty bodies, reporting and shadow reports", .plenary,
                  speakers: ["un"], topics: ["Treaty bodies", "CMW"]),
            .init(2, "10:30", "11:00", "Break", .breakTime, room: "Foyer"),
            .init(2, "11:00", "12:30", "Special procedures and the Special Rapporteur on the human rights of migrants", .plenary,
                  speakers: ["un"], topics: ["Special procedures"]),
            .init(2, "12:30", "13:30", "Lunch", .meal, room: "Dining hall"),
            .init(2, "13:30", "15:00", "National human rights institutions and migrant workers", .panel, speakers: ["un", "lead"],
                  topics: ["NHRIs"]),
            .init(2, "15:30", "17:30", "Field visit: a shelter for migrant domestic workers", .fieldVisit, room: "Bus from the foyer",
                  speakers: ["co"], visibility: .participants),
            .init(2, "17:30", "18:00", "Review of the day", .plenary, speakers: ["lead"]),
        ],
        [
            .init(3, "09:00", "10:30", "Advocacy skills: documenting cases so that they count", .workshop, speakers: ["lead"],
                  topics: ["Documentation"]),
            .init(3, "10:30", "11:00", "Break", .breakTime, room: "Foyer"),
            .init(3, "11:00", "12:30", "Advocacy skills: working with the media", .workshop, speakers: ["media"], topics: ["Media"]),
            .init(3, "12:30", "13:30", "Lunch", .meal, room: "Dining hall"),
            .init(3, "13:30", "15:00", "Advocacy skills: lobbying governments and regional bodies", .workshop, speakers: ["lead", "un"],
                  topics: ["Lobbying"]),
            .init(3, "15:00", "15:30", "Break", .breakTime, room: "Foyer"),
            .init(3, "15:30", "17:00", "Country groups: an advocacy plan for each country", .groupWork, room: "Breakout rooms",
                  speakers: ["co"]),
            .init(3, "17:00", "17:30", "Review of the day", .plenary, speakers: ["lead"]),
        ],
        [
            .init(4, "09:00", "10:30", "Country groups present their advocacy plans", .plenary, speakers: ["co", "lead"]),
            .init(4, "10:30", "11:00", "Break", .breakTime, room: "Foyer"),
            .init(4, "11:00", "12:30", "Working together across countries of origin and destination", .workshop, speakers: ["lead"],
                  topics: ["Networks"]),
            .init(4, "12:30", "13:30", "Lunch", .meal, room: "Dining hall"),
            .init(4, "13:30", "14:30", "Evaluation of the workshop", .groupWork, speakers: ["co"], visibility: .participants),
            .init(4, "14:30", "15:30", "Closing", .plenary, speakers: ["lead", "co"]),
        ],
    ]
}
