/// The help overlay's symbols: what each mark on the lesson screen means.
extension English {
    static let symbols: [KeyMapKey: String] = [
        .symbolsTitle: "Symbols",
        .symbolMet: "check met, in this run or before",
        .symbolOpen: "check open: settings match, this run can meet it",
        .symbolOtherSettings: "check under other settings: s sets them up",
        .symbolFailed: "check not met in this run",
        .symbolChanged: "knob changed from the lesson's value",
        .symbolSelected: "the selected knob or check",
        .symbolRunState: "running, paused, diverged",
        .symbolRadius: "spectral radius of W_hh: >1 gradients grow, <1 fade",
        .symbolGradient: "the loss's gradient reaching step t of the sequence",
        .symbolNonFinite: "a value that is not finite (inf, NaN), at the top",
        .symbolMark: "a mark on the loss plot: a knob changed at that step",
        .symbolLiveLabel: "live/rebuilds",
        .symbolLive: "knob applies at the next step / rebuilds the model",
    ]
}
