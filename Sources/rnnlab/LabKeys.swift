import CursesTerminal
import LabApp

extension AppKey {
    /// The lab's key for a terminal event; nil for events the lab ignores
    /// (and for `.resize`, which the loop turns into a resize message).
    init?(_ event: KeyEvent) {
        switch event {
        case .character(let c): self = .character(c)
        case .control(let c): self = .control(c)
        case .up: self = .up
        case .down: self = .down
        case .left: self = .left
        case .right: self = .right
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        case .enter: self = .enter
        case .tab: self = .tab
        case .backTab: self = .backTab
        case .backspace: self = .backspace
        case .delete: self = .delete
        case .escape: self = .escape
        case .interrupt: self = .interrupt
        case .terminate: self = .terminate
        case .function(1): self = .character("?")
        case .function(2): self = .character("t")  // the language toggle
        case .mouse(let m):
            switch m.kind {
            case .click: self = .click(x: m.x, y: m.y)
            case .wheelUp: self = .wheel(up: true, x: m.x, y: m.y)
            case .wheelDown: self = .wheel(up: false, x: m.x, y: m.y)
            }
        case .insert, .resize, .function: return nil
        }
    }
}
