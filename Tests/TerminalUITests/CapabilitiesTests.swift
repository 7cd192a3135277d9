import Testing
import TerminalUI

@Suite struct CapabilitiesTests {
    @Test func typicalTerminal() {
        let c = Capabilities.detect(environment: ["TERM": "xterm-256color", "LANG": "en_US.UTF-8"])
        #expect(c == .full)
    }

    @Test func noColor() {
        let c = Capabilities.detect(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1"])
        #expect(c == Capabilities(color: false, unicode: true))
        // An empty NO_COLOR does not count (no-color.org).
        let d = Capabilities.detect(environment: ["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": ""])
        #expect(d.color)
    }

    @Test func dumbTerminal() {
        let c = Capabilities.detect(environment: ["TERM": "dumb", "LANG": "en_US.UTF-8"])
        #expect(c == .ascii)
    }

    @Test func localePrecedence() {
        #expect(!Capabilities.detect(environment: ["TERM": "xterm", "LANG": "C"]).unicode)
        #expect(!Capabilities.detect(environment: ["TERM": "xterm"]).unicode)
        #expect(!Capabilities.detect(environment: ["TERM": "xterm", "LC_ALL": "C", "LANG": "en_US.UTF-8"]).unicode)
        #expect(Capabilities.detect(environment: ["TERM": "xterm", "LC_CTYPE": "de_DE.utf8", "LANG": "C"]).unicode)
        #expect(Capabilities.detect(environment: ["TERM": "xterm", "LC_ALL": "", "LANG": "zh_CN.UTF-8"]).unicode)
    }

    @Test func missingTermMeansNoColor() {
        #expect(!Capabilities.detect(environment: ["LANG": "C.UTF-8"]).color)
    }
}
