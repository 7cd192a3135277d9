import ArgumentParser
import Foundation
import TerminalUI

/// How the lab draws on terminals set up for Chinese, Japanese or Korean
/// (see `DisplaySettings` and DECISIONS.md, "Ambiguous width and ASCII glyphs").
struct DisplayOptions: ParsableArguments {
    @Option(name: .customLong("ambiguous-width"),
            help: "Columns your terminal gives East Asian ambiguous characters (─ · σ …): 1, or 2 on terminals set to draw them wide (default: $RNNLAB_AMBIGUOUS_WIDTH, else 1). 2 draws frames, arrows and plots in ASCII and keeps every other ambiguous character out of the screen.")
    var ambiguousWidth: String?

    @Option(name: .customLong("borders"),
            help: "unicode or ascii: draw frames, arrows, shades and plots with ASCII, for fonts without box drawing or braille (default: $RNNLAB_BORDERS, else unicode; ascii whenever the ambiguous width is 2).")
    var borders: String?

    /// The terminal's capabilities from the environment and these options; refuses a bad value.
    func capabilities(environment: [String: String]) -> Capabilities {
        switch DisplaySettings.apply(to: Capabilities.detect(environment: environment), environment: environment,
                                     ambiguousWidth: ambiguousWidth, borders: borders) {
        case .success(let capabilities): return capabilities
        case .failure(let refusal): fail(refusal.phrase)
        }
    }
}
