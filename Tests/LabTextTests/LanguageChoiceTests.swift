import LabText
import Testing

/// Which language a session speaks: `--lang`, `$RNNLAB_LANG`, the locale.
@Suite struct LanguageChoiceTests {
    /// A stand-in for the Chinese table (any table will do: the choice reads codes).
    static let chinese = Language(code: "zh-Hans", name: "简体中文", texts: [:])
    static let both: [Language] = [.english, chinese]

    @Test(arguments: [
        ("zh_CN.UTF-8", "zh-Hans"), ("zh_SG.UTF-8", "zh-Hans"), ("zh_CN", "zh-Hans"), ("zh", "zh-Hans"),
        ("zh_Hans_CN.UTF-8", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh_CN.GB18030", "zh-Hans"), ("zh_CN.UTF-8@pinyin", "zh-Hans"),
        ("zh_TW.UTF-8", "en"), ("zh_HK.UTF-8", "en"), ("zh_Hant_TW", "en"),
        ("en_US.UTF-8", "en"), ("de_DE.UTF-8", "en"), ("C", "en"), ("POSIX", "en"), ("C.UTF-8", "en"), ("", "en"),
    ])
    func theLocaleNamesTheLanguage(_ locale: String, _ code: String) {
        #expect(LanguageChoice.locale(["LANG": locale], among: Self.both).code == code)
    }

    @Test func lcAllThenLcMessagesThenLang() {
        let env = ["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"]
        #expect(LanguageChoice.locale(env, among: Self.both).code == "zh-Hans")
        #expect(LanguageChoice.locale(["LC_ALL": "", "LC_MESSAGES": "zh_SG.UTF-8", "LANG": "en_US.UTF-8"], among: Self.both).code == "zh-Hans")
        #expect(LanguageChoice.locale(["LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"], among: Self.both).code == "en")
    }

    @Test func aLocaleTheLabHasNoTableForIsEnglish() {
        #expect(LanguageChoice.locale(["LANG": "zh_CN.UTF-8"], among: [.english]).code == "en")
    }

    @Test func theOptionWinsOverTheVariable() throws {
        let env = ["RNNLAB_LANG": "en", "LANG": "zh_CN.UTF-8"]
        #expect(try LanguageChoice.explicit(option: "zh-Hans", environment: env, among: Self.both).get()?.code == "zh-Hans")
        #expect(try LanguageChoice.explicit(option: nil, environment: env, among: Self.both).get()?.code == "en")
        #expect(try LanguageChoice.explicit(option: nil, environment: ["LANG": "zh_CN.UTF-8"], among: Self.both).get() == nil)
        #expect(try LanguageChoice.explicit(option: nil, environment: ["RNNLAB_LANG": ""], among: Self.both).get() == nil)
    }

    @Test func codesAreReadKindly() {
        for name in ["zh-Hans", "zh-hans", "ZH-HANS", "zh", "zh_CN", "zh-CN"] {
            #expect(LanguageChoice.find(name, among: Self.both)?.code == "zh-Hans", "\(name)")
        }
        #expect(LanguageChoice.find("EN", among: Self.both)?.code == "en")
        #expect(LanguageChoice.find("zh-TW", among: Self.both) == nil)
    }

    @Test func anUnknownCodeIsRefusedWithTheCodesThereAre() {
        let refused = LanguageChoice.explicit(option: "fr", environment: [:], among: Self.both)
        guard case .failure(let refusal) = refused else { Issue.record("fr was accepted"); return }
        #expect(Language.english.render(refusal.phrase) == "unknown language “fr” (from --lang); the lab has: en (English), zh-Hans (简体中文)")
        let fromVariable = LanguageChoice.explicit(option: nil, environment: ["RNNLAB_LANG": "klingon"], among: Self.both)
        guard case .failure(let other) = fromVariable else { Issue.record("klingon was accepted"); return }
        #expect(Language.english.render(other.phrase).contains("(from $RNNLAB_LANG)"))
    }
}
