import Foundation

/// The language of messages and of the readable summary: `--lang`, else the locale
/// (LC_ALL, LC_MESSAGES, LANG), else English.
enum Language: String {
    case en, vi

    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        if let option, let language = Language(rawValue: option.lowercased()) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("vi") ? .vi : .en
        }
        return .en
    }

    /// Picks the text for this language.
    func text(_ en: String, _ vi: String) -> String { self == .vi ? vi : en }
}
