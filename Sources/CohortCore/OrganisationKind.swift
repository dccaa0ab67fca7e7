/// What kind of body an organisation is; reports count participants by it
/// ("from government, trade unions, NGOs and National Human Rights Institutions").
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case ngo
    case tradeUnion = "trade_union"
    case nhri
    case government
    case academic
    case internationalOrganisation = "international_org"
    case barAssociation = "bar_association"
    case network
    case other

    public var label: String {
        switch self {
        case .ngo: "NGO"
        case .tradeUnion: "Trade union"
        case .nhri: "National human rights institution"
        case .government: "Government"
        case .academic: "Academic"
        case .internationalOrganisation: "International organisation"
        case .barAssociation: "Bar association"
        case .network: "Network"
        case .other: "Other"
        }
    }
}
