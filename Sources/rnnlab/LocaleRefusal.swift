import Foundation
import LabText
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses to open the lab under a Chinese, Japanese or Korean locale that
/// is not UTF-8 (``LocaleCheck/refusesCJK``), where every 汉字 would show as
/// `?`: the bilingual message goes to standard error and the program exits
/// with status 1, before the terminal is touched. The message is written in
/// the locale's own codeset when iconv knows it (so a GBK terminal reads the
/// Chinese line), else as UTF-8.
func refuseNonUTF8Locale(environment: [String: String]) {
    let check = LocaleCheck(environment: environment)
    guard check.refusesCJK else { return }
    // The key's text is bilingual in every table: English and 简体中文.
    let message = cliLanguage(.cli(.error), ["error": .phrase(Phrase(.command(.localeNotUTF8), ["locale": .text(check.locale)]))])
    FileHandle.standardError.write(encoded(message + "\n", forLocale: check))
    exit(1)
}

/// `text` in the codeset of `locale` (iconv's name for it), or its UTF-8
/// bytes when iconv cannot convert to that codeset.
func encoded(_ text: String, forLocale locale: LocaleCheck) -> Data {
    let utf8 = Data(text.utf8)
    guard let target = iconvName(locale) else { return utf8 }
    return convert(utf8, to: target) ?? utf8
}

/// iconv's name for the locale's codeset; a bare language takes glibc's default.
func iconvName(_ locale: LocaleCheck) -> String? {
    if !locale.codeset.isEmpty { return locale.codeset.uppercased() }
    switch locale.language {
    case "zh": return locale.locale.lowercased().hasPrefix("zh_tw") || locale.locale.lowercased().hasPrefix("zh_hk") ? "BIG5" : "GB2312"
    case "ja": return "EUC-JP"
    case "ko": return "EUC-KR"
    default: return nil
    }
}

/// `data` (UTF-8) converted with iconv to `codeset`, or nil when iconv does
/// not know the codeset or a character has no counterpart in it.
func convert(_ data: Data, to codeset: String) -> Data? {
    let cd = iconv_open(codeset, "UTF-8")
    if cd == nil || UInt(bitPattern: cd) == UInt.max { return nil }
    defer { _ = iconv_close(cd) }
    var input = [CChar](repeating: 0, count: data.count + 1)
    data.withUnsafeBytes { raw in
        for (i, b) in raw.enumerated() { input[i] = CChar(bitPattern: b) }
    }
    var output = [CChar](repeating: 0, count: data.count * 4 + 16)
    let outCapacity = output.count
    var inLeft = data.count
    var outLeft = outCapacity
    let status = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
            var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
            return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        }
    }
    if status == -1 || inLeft != 0 { return nil }
    return Data(output[0..<(outCapacity - outLeft)].map { UInt8(bitPattern: $0) })
}
