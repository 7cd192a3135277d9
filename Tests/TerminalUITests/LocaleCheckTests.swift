import Testing
import TerminalUI

/// Which locales the lab refuses at launch (issue 21): a Chinese, Japanese
/// or Korean locale that is not UTF-8 would show every 汉字 as `?`.
@Suite struct LocaleCheckTests {
    private func refuses(_ env: [String: String]) -> Bool { LocaleCheck(environment: env).refusesCJK }

    @Test func nonUTF8ChineseLocalesAreRefused() {
        for locale in ["zh_CN.GBK", "zh_CN.GB18030", "zh_CN.gb2312", "zh_CN", "zh_TW.Big5", "zh_HK.BIG5-HKSCS", "ja_JP.eucJP",
                       "ko_KR.EUC-KR", "zh_SG.GBK@stroke"] {
            #expect(refuses(["LANG": locale]), "\(locale)")
        }
        // A codeset of Chinese text under another language's name.
        #expect(refuses(["LANG": "en_US.GB18030"]))
    }

    @Test func utf8AndWesternLocalesAreNot() {
        for locale in ["zh_CN.UTF-8", "zh_CN.utf8", "en_US.UTF-8", "C.UTF-8", "C", "POSIX", "", "en_US.ISO-8859-1", "de_DE@euro"] {
            #expect(!refuses(["LANG": locale]), "\(locale)")
        }
        #expect(!refuses([:]))
    }

    @Test func theFirstNonEmptyVariableDecides() {
        #expect(refuses(["LC_ALL": "zh_CN.GBK", "LANG": "zh_CN.UTF-8"]))
        #expect(!refuses(["LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.GBK"]))
        #expect(refuses(["LC_ALL": "", "LC_CTYPE": "zh_CN.GB18030", "LANG": "en_US.UTF-8"]))
        #expect(!refuses(["LC_CTYPE": "en_US.UTF-8", "LANG": "zh_CN.GBK"]))
        let check = LocaleCheck(environment: ["LANG": "zh_CN.GB18030@x"])
        #expect(check.locale == "zh_CN.GB18030@x" && check.codeset == "gb18030" && check.language == "zh")
    }

    @Test func aRefusedLocaleIsAlsoOneWithoutUnicode() {
        // The refusal covers exactly the locales where Capabilities would turn Unicode off.
        for locale in ["zh_CN.GBK", "zh_CN", "ja_JP.eucJP"] {
            #expect(!Capabilities.detect(environment: ["TERM": "xterm", "LANG": locale]).unicode)
        }
    }
}
