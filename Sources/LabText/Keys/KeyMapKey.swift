/// What the keys do: the help overlay (`help…`), the hint bar (`hint…`) and
/// the README's key table (`manual…`). None takes a placeholder.
public enum KeyMapKey: String, CaseIterable, Sendable {
    case helpTitle, helpClose
    case helpMove, helpChange, helpPage, helpFocus, helpOpen, helpPlay, helpStep, helpPace, helpRunSteps, helpSetUp, helpDefaults, helpReset, helpVerify
    case helpRollBack, helpLowerRate, helpHelp, helpBack, helpQuit, helpPredict
    case hintChoose, hintOpen, hintQuit, hintApply, hintCancel, hintCursor, hintDelete
    case hintRollBack, hintLowerRate, hintPause, hintTrain, hintStep, hintPace, hintSetUp, hintPage, hintChange, hintType
    case hintVerify, hintCancelVerify, hintFocus, hintReset, hintHelp, hintBack
    case manualMove, manualChange, manualPage, manualFocus, manualOpen, manualPlay, manualStep, manualPace, manualRunSteps, manualSetUp, manualDefaults, manualReset
    case manualVerify, manualPredict, manualRollBack, manualHelp, manualBack
    /// Presentation mode (`f`): the dashboard alone, as large as the screen.
    case helpPresent, hintPresent, hintShowLesson, manualPresent, hintRunSteps
    // Exploring a run: pin, inspect, mouse.
    case helpPin, hintPin, hintUnpin, manualPin
    case helpInspect, hintInspect, hintInspectMove, hintInspectNext, hintInspectDone, manualInspect
    case helpMouse, manualMouse, helpScroll
    /// Saving the run (`W`): parameters and run file.
    case helpSave, manualSave
    /// The help overlay's last line: a Chinese (or other) input method left in
    /// its native mode swallows letters into its composition (full-width
    /// signs and digits are folded back to ASCII, letters cannot be).
    case helpInputMethod
    /// Loading a saved run (`O`): the picker of checkpoints in `runs/`.
    case helpLoad, manualLoad, hintLoad
    /// Switching the language (`t`, F2).
    case helpLanguage, manualLanguage
    /// The help overlay's second part: the symbols the screen uses and what they
    /// mean (English+Symbols.swift); `symbolLiveLabel` is the one written as a label.
    case symbolsTitle, symbolMet, symbolOpen, symbolOtherSettings, symbolFailed, symbolChanged, symbolSelected
    case symbolRunState, symbolRadius, symbolGradient, symbolNonFinite, symbolMark, symbolLiveLabel, symbolLive
}
