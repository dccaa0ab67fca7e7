/// The people of the 2017/18 program. The seed says the call "invited applications from
/// Malaysian civil society" and that the program "brought together Malaysian advocates with
/// advocates from countries of origin, including Nepal, Bangladesh, Philippines, Indonesia and
/// Cambodia". So the demo has Malaysians apply through the call, and origin-country advocates
/// nominated by the partners and added by staff. Every person is fictional.
extension DemoCatalog {
    public struct ApplicantEntry: Sendable {
        public let name: String
        public let organisation: String
        /// The value chosen in the application form's sector question.
        public let sector: String
        public let position: String
        public let gender: String
        public let years: Int
        public let focus: [String]
        /// False for the two who do not work with migrant workers, whom the call's rule leaves out.
        public let worksWithMigrants: Bool

        init(_ name: String, _ organisation: String, _ sector: String, _ position: String, _ gender: String, years: Int,
             focus: [String], worksWithMigrants: Bool = true) {
            self.name = name
            self.organisation = organisation
            self.sector = sector
            self.position = position
            self.gender = gender
            self.years = years
            self.focus = focus
            self.worksWithMigrants = worksWithMigrants
        }
    }

    /// The address the `index`-th 2017/18 applicant (from 0) applied and signs in with.
    public static func applicant2017Email(_ index: Int) -> String {
        String(format: "applicant17-%02d@demo.cohort.example", index + 1)
    }

    /// The address of the `index`-th advocate the partners nominated from a country of origin.
    public static func nominee2017Email(_ index: Int) -> String {
        String(format: "nominee17-%02d@demo.cohort.example", index + 1)
    }

    /// Thirty Malaysian applicants, in the order they applied.
    public static let applicants2017: [ApplicantEntry] = [
        .init("Nurul Izzah Kamarudin", "Domestic workers' rights centre (sample)", "ngo", "Case officer for domestic workers", "woman", years: 6,
              focus: ["domestic_work", "justice"]),
        .init("Lee Chong Wei Ming", "Migrant workers' legal clinic (sample)", "ngo", "Lawyer", "man", years: 9,
              focus: ["justice", "detention"]),
        .init("Kavitha Subramaniam", "Women's aid shelter (sample)", "ngo", "Shelter coordinator", "woman", years: 11,
              focus: ["domestic_work", "trafficking"]),
        .init("Ahmad Faizal Hussin", "Plantation workers' union (sample)", "trade_union", "Organiser", "man", years: 7,
              focus: ["recruitment"]),
        .init("Jessica Liew Siew Lan", "Refugee and migrant health network (sample)", "ngo", "Coordinator", "woman", years: 5,
              focus: ["detention", "justice"]),
        .init("Mohd Shahrul Nizam", "National union of factory workers (sample)", "trade_union", "Education officer", "man", years: 12,
              focus: ["recruitment", "trafficking"]),
        .init("Anita Dorai", "Community legal aid centre (sample)", "ngo", "Legal aid lawyer", "woman", years: 8,
              focus: ["justice"]),
        .init("Rosnah Abdul Ghani", "Human rights commission (sample)", "nhri", "Complaints officer", "woman", years: 10,
              focus: ["detention", "justice"]),
        .init("Tan Boon Huat", "Electronics workers' support group (sample)", "ngo", "Researcher", "man", years: 4,
              focus: ["recruitment", "trafficking"]),
        .init("Siti Aishah Mohd Nor", "University labour law centre (sample)", "academic", "Lecturer", "woman", years: 9,
              focus: ["recruitment"]),
        .init("Rajesh Muniandy", "Estate community association (sample)", "community_group", "Community worker", "man", years: 15,
              focus: ["domestic_work", "recruitment"]),
        .init("Grace Jitom", "Sabah migrant children's education project (sample)", "ngo", "Program manager", "woman", years: 6,
              focus: ["detention"]),
        .init("Wan Azlina Wan Ismail", "Anti-trafficking coalition (sample)", "ngo", "Advocacy officer", "woman", years: 7,
              focus: ["trafficking"]),
        .init("Daniel Anak Jimbun", "Sarawak workers' rights group (sample)", "ngo", "Field officer", "man", years: 3,
              focus: ["recruitment", "justice"]),
        .init("Chong Mei Fong", "Migrant rights media project (sample)", "ngo", "Journalist and trainer", "woman", years: 8,
              focus: ["trafficking", "justice"]),
        .init("Haris Iskandar Roslan", "Trade union centre, migrant desk (sample)", "trade_union", "Migrant desk officer", "man", years: 10,
              focus: ["recruitment", "domestic_work"]),
        .init("Prema Arumugam", "Domestic workers' association (sample)", "community_group", "Chairperson", "woman", years: 13,
              focus: ["domestic_work"]),
        .init("Lim Kok Leong", "Human rights law practice (sample)", "ngo", "Advocate and solicitor", "man", years: 14,
              focus: ["detention", "justice"]),
        .init("Farhana Zainal Abidin", "Policy research institute (sample)", "academic", "Research fellow", "woman", years: 5,
              focus: ["recruitment", "trafficking"]),
        .init("Yong Jia Hui", "Refugee learning centre (sample)", "ngo", "Teacher and advocate", "nonbinary", years: 4,
              focus: ["detention"]),
        .init("Azman Sulaiman", "Fishing communities' network (sample)", "ngo", "Coordinator", "man", years: 9,
              focus: ["trafficking", "recruitment"]),
        .init("Dr Shanti Velu", "Health for all migrants clinic (sample)", "ngo", "Doctor", "woman", years: 12,
              focus: ["justice"]),
        .init("Norhayati Bakar", "Women's rights organisation (sample)", "ngo", "Program officer", "woman", years: 6,
              focus: ["domestic_work", "trafficking"]),
        .init("Kelvin Ong Jun Wei", "Student volunteers for migrants (sample)", "community_group", "Volunteer coordinator", "man", years: 2,
              focus: ["justice"]),
        .init("Zarina Hashim", "Labour department liaison office (sample)", "government", "Liaison officer", "woman", years: 8,
              focus: ["recruitment"]),
        .init("Muthu Krishnan", "Transport workers' union (sample)", "trade_union", "Branch secretary", "man", years: 11,
              focus: ["recruitment", "justice"]),
        .init("Aida Rahimah Osman", "Legal aid foundation (sample)", "ngo", "Paralegal trainer", "woman", years: 7,
              focus: ["detention", "domestic_work"]),
        .init("Benedict Lojuki", "Indigenous and migrant communities forum (sample)", "ngo", "Secretary", "man", years: 10,
              focus: ["detention", "recruitment"]),
        .init("Lina Abdullah", "Property management company (sample)", "ngo", "Human resources executive", "woman", years: 5,
              focus: [], worksWithMigrants: false),
        .init("Vincent Chia", "Design studio (sample)", "ngo", "Designer", "man", years: 3, focus: [], worksWithMigrants: false),
    ]

    public struct NomineeEntry: Sendable {
        public let name: String
        public let country: String
        public let organisation: String
        public let sector: OrganisationKind
        public let position: String
    }

    /// Advocates from countries of origin, two from each, nominated through Migrant Forum in Asia.
    public static let nominees2017: [NomineeEntry] = [
        .init(name: "Sunita Rai", country: "NP", organisation: "Returnee migrant workers' network (sample)", sector: .network,
              position: "Coordinator"),
        .init(name: "Prakash Adhikari", country: "NP", organisation: "Trade union federation, migrant desk (sample)", sector: .tradeUnion,
              position: "Desk officer"),
        .init(name: "Shirin Sultana", country: "BD", organisation: "Women migrants' welfare association (sample)", sector: .ngo,
              position: "Director"),
        .init(name: "Rafiqul Islam", country: "BD", organisation: "Legal aid for migrant families (sample)", sector: .ngo,
              position: "Lawyer"),
        .init(name: "Maricel Dizon", country: "PH", organisation: "Overseas workers' centre (sample)", sector: .ngo,
              position: "Case officer"),
        .init(name: "Jerome Bautista", country: "PH", organisation: "Migrant workers' party-list office (sample)", sector: .government,
              position: "Policy adviser"),
        .init(name: "Wahyu Prasetyo", country: "ID", organisation: "Migrant families' support association (sample)", sector: .ngo,
              position: "Researcher"),
        .init(name: "Ani Rahmawati", country: "ID", organisation: "Domestic workers' union (sample)", sector: .tradeUnion,
              position: "Organiser"),
        .init(name: "Sreymom Keo", country: "KH", organisation: "Safe migration centre (sample)", sector: .ngo,
              position: "Program officer"),
        .init(name: "Vuthy Chhun", country: "KH", organisation: "Workers' rights legal clinic (sample)", sector: .ngo,
              position: "Legal officer"),
    ]

    /// The 2017/18 call's selection as a manager set it up: 18 places, at least nine women, and
    /// no more than nine from any one sector.
    public static var selection2017: SelectionSetupForm {
        SelectionSetupForm(values: [
            "name": "Cohort of 18 (sample)", "cohortSize": "18", "score": SelectionSetup.Score.calibrated.rawValue,
            "q0_attribute": "gender", "q0_kind": SelectionSetupForm.Kind.value.rawValue, "q0_values": "woman", "q0_min": "9", "q0_max": "",
            "q1_attribute": "sector", "q1_kind": SelectionSetupForm.Kind.each.rawValue, "q1_values": "", "q1_min": "", "q1_max": "9",
        ])
    }
}
