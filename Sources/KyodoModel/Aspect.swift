/// What part of a guideline an item belongs to.
///
/// The first five are the shared schema every guideline is compared on; the others hold
/// what particular documents state beyond it (measures, eligible activities, project tables…).
public enum Aspect: String, CaseIterable, Codable, Sendable, Comparable {
    case definition
    case principles
    case forms
    case partners
    case processes
    case measures
    case activities
    case programmes
    case checks
    case projects
    case history

    /// The Japanese label used in user-facing output.
    public var japaneseLabel: String {
        switch self {
        case .definition: "定義"
        case .principles: "原則"
        case .forms: "形態"
        case .partners: "担い手"
        case .processes: "進め方"
        case .measures: "推進施策"
        case .activities: "対象活動"
        case .programmes: "事業制度"
        case .checks: "チェック項目"
        case .projects: "事業例"
        case .history: "経過"
        }
    }

    /// The aspects every guideline is compared on.
    public static let core: [Aspect] = [.definition, .principles, .forms, .partners, .processes]

    public static func < (lhs: Aspect, rhs: Aspect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
