/// Where a program is in its lifecycle. Drafts are never public.
public enum ProgramStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case open = "open_for_applications"
    case selection
    case running
    case completed

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .open: "Open for applications"
        case .selection: "Selection"
        case .running: "Running"
        case .completed: "Completed"
        }
    }

    public var isPublic: Bool { self != .draft }
}
