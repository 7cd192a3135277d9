/// Which language a session speaks: `--lang`, else `$RNNLAB_LANG`, else (for
/// the lab and the commands people read) the saved choice of the toggle key,
/// else the locale, else English. Pure: the caller passes the environment.
public enum LanguageChoice {
    /// The variable that names the language when `--lang` does not.
    public static let environmentVariable = "RNNLAB_LANG"

    /// The language named explicitly, by `option` (`--lang`) or else by
    /// `$RNNLAB_LANG`; `.success(nil)` when neither names one. A name the lab
    /// does not have is refused with a phrase listing the ones it has.
    public static func explicit(option: String?, environment: [String: String],
                                among languages: [Language] = Language.all) -> Result<Language?, LanguageRefusal> {
        if let option {
            guard let language = find(option, among: languages) else {
                return .failure(LanguageRefusal(code: option, source: "--lang", languages: languages))
            }
            return .success(language)
        }
        if let text = environment[environmentVariable], !text.isEmpty {
            guard let language = find(text, among: languages) else {
                return .failure(LanguageRefusal(code: text, source: "$" + environmentVariable, languages: languages))
            }
            return .success(language)
        }
        return .success(nil)
    }

    /// The language of the locale: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` (as the C library reads them). Chinese in the
    /// simplified script (`zh_CN`, `zh_SG`, `zh_Hans…`, a bare `zh`) gives
    /// `zh-Hans` when the lab has it; everything else, and `C`/`POSIX`, English.
    public static func locale(_ environment: [String: String], among languages: [Language] = Language.all) -> Language {
        let name = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        guard let code = localeCode(name), let language = languages.first(where: { $0.code == code }) else {
            return languages.first { $0.code == Language.english.code } ?? .english
        }
        return language
    }

    /// The lab's code for a POSIX locale name (`zh_CN.UTF-8` → `zh-Hans`), or nil
    /// for a locale the lab has no table for (traditional Chinese included).
    public static func localeCode(_ locale: String) -> String? {
        // language[_territory][.codeset][@modifier]; `-` is accepted for `_`.
        let base = locale.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        let parts = base.split(separator: "@", maxSplits: 1).first.map { $0.lowercased() }?
            .split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init) ?? []
        guard let first = parts.first else { return nil }
        switch first {
        case "en": return "en"
        case "zh":
            let rest = Set(parts.dropFirst())
            if rest.isEmpty || rest.contains("hans") || rest.contains("cn") || rest.contains("sg") || rest.contains("my") {
                return rest.contains("hant") ? nil : "zh-Hans"
            }
            return nil  // zh_TW, zh_HK, zh_MO, zh_Hant: traditional characters
        default: return nil
        }
    }

    /// The language `name` means: a code of `languages` (any case), or a locale
    /// name that maps to one (`zh`, `zh_CN`, `zh-CN` → `zh-Hans`).
    public static func find(_ name: String, among languages: [Language] = Language.all) -> Language? {
        if let exact = languages.first(where: { $0.code.lowercased() == name.lowercased() }) { return exact }
        guard let code = localeCode(name) else { return nil }
        return languages.first { $0.code == code }
    }
}

/// `--lang` or `$RNNLAB_LANG` names no language of the lab.
public struct LanguageRefusal: Error, Equatable, Sendable {
    public var code: String
    /// `--lang` or `$RNNLAB_LANG`.
    public var source: String
    /// The codes of the languages the lab has, with their names.
    public var available: [String]

    public init(code: String, source: String, languages: [Language]) {
        self.code = code
        self.source = source
        available = languages.map { "\($0.code) (\($0.name))" }
    }

    /// "unknown language “fr” (from --lang); the lab has: en (English), zh-Hans (简体中文)".
    public var phrase: Phrase {
        Phrase(.language(.unknownLanguage), ["code": .text(code), "source": .text(source), "languages": Self.joined(available)])
    }

    /// Names joined by the language's list separator (as RNNLab's `.list` joins them).
    private static func joined(_ items: [String]) -> TextArgument {
        guard let first = items.first else { return .text("") }
        guard items.count > 1 else { return .text(first) }
        return .phrase(Phrase(.list(.pair), ["first": .text(first), "rest": joined(Array(items.dropFirst()))]))
    }
}
