/// The character locale the lab would run in, judged from the environment
/// (the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`, as C's `setlocale` does).
///
/// A locale that is not UTF-8 turns Unicode off (``Capabilities/detect(environment:)``),
/// and then every 汉字 is drawn as `?`. For an English reader under `LANG=C`
/// that costs only the drawings; for a Chinese, Japanese or Korean locale
/// (`zh_CN.GBK`, `zh_CN.GB18030`, `zh_TW.Big5`, `ja_JP.eucJP`, or a bare
/// `zh_CN`, which is GB2312) it destroys the text, so the lab refuses it.
public struct LocaleCheck: Sendable, Equatable {
    /// The effective locale name, or "" when none is set (the C locale).
    public var locale: String

    public init(environment env: [String: String]) {
        locale = ""
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = env[key], !v.isEmpty { locale = v; break }
        }
    }

    /// The codeset part of the name, lowercased, without `@modifier`: "gbk" for "zh_CN.GBK".
    public var codeset: String {
        guard let dot = locale.firstIndex(of: ".") else { return "" }
        let rest = locale[locale.index(after: dot)...]
        return String(rest.prefix { $0 != "@" }).lowercased()
    }

    /// The language part: "zh" for "zh_CN.GBK".
    public var language: String {
        String(locale.prefix { $0 != "_" && $0 != "." && $0 != "@" }).lowercased()
    }

    /// Whether the locale is UTF-8 (as ``Capabilities/detect(environment:)`` judges it).
    public var isUTF8: Bool {
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// Whether the lab refuses to start: a locale that is not UTF-8 and is
    /// Chinese, Japanese or Korean by language or by codeset.
    public var refusesCJK: Bool {
        if isUTF8 || locale.isEmpty { return false }
        if ["zh", "ja", "ko"].contains(language) { return true }
        return LocaleCheck.cjkCodesets.contains(codeset.replacingDashes)
    }

    /// Codesets of Chinese, Japanese and Korean text other than UTF-8 (dashes removed).
    static let cjkCodesets: Set<String> = [
        "gbk", "gb18030", "gb2312", "cp936", "euccn", "big5", "big5hkscs", "euctw", "cp950",
        "eucjp", "sjis", "shiftjis", "cp932", "euckr", "cp949",
    ]
}

extension String {
    fileprivate var replacingDashes: String { filter { $0 != "-" && $0 != "_" } }
}
