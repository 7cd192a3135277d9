/// The names of keys that are words, as the help overlay and the hint bars
/// write them ("Space", "Enter"). Arrows and letters are written as they are.
public enum KeyNameKey: String, CaseIterable, Sendable {
    case space, tab, enter, escape, pageUp, pageDown, controlC
    /// The mouse: a click of the left button, the wheel.
    case click, wheel
}
