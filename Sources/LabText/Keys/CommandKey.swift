/// What the `rnnlab` commands print (run, verify, list, lint, data, bench) and their refusals.
/// (`--help` texts are ArgumentParser metadata and stay in the commands.)
public enum CommandKey: String, CaseIterable, Sendable {
    case runHeader
    case runStep
    case runFinal
    case runBaseline
    case diverged
    case rolledBack
    case checkpointNote
    case interrupted
    case metricsWritten
    case metricsNotWritten
    case checkpointWritten
    case checkpointWrittenWithNote
    case checkpointNotWritten
    case metricsExtension
    case sameOutputFile
    case optionNotWhole
    case lessonDidNotLoad
    case verifyWhat
    case noCheck
    case verifyPass
    case verifyFail
    case verifySummary
    /// Under a PASS/FAIL line of a check over several seeds: one metric's value at each seed.
    case verifySeedValues
    case verifyProblems
    /// --jobs out of its range.
    case badJobs
    /// --seeds that is not a range or list of seeds.
    case badSeeds
    /// Before the lines of one seed when `verify --seeds` runs several.
    case verifySeedHeader
    /// The head of the Markdown margin table of `verify --margins` (two lines: names and rule).
    case marginHeader
    /// A row of the margin table: one clause of one check over the seeds.
    case marginRow
    /// A row for a check that stops early: the step each seed stopped at, of the budget.
    case marginBudgetRow
    /// One seed's value in a margin row, with its threshold when the threshold is a metric.
    case marginValueAgainst
    /// The margin column of an exact clause (equality, or a threshold of 0).
    case marginExact
    /// The note column: the check failed at some seed.
    case marginFailed
    /// The note column: the check passed everywhere, but by less than 10% somewhere.
    case marginThin
    /// The note column of a check with room to spare.
    case marginFine
    /// Under the table: how many runs were needed and how many were trained.
    case marginRuns
    /// One lesson; `id` comes padded to its column.
    case listLesson
    /// The check ids under a lesson in `rnnlab list`.
    case listChecks
    /// A task kind as `rnnlab data` shows it.
    case kindRegression
    case kindClassification
    case kindPerStepClassification
    case kindSeq2seq
    case noSuchPath
    case lintNote
    case lintSummary
    case badThreads
    case badThreadsVariable
    /// RNNLAB_MOUSE set to something other than 0 or 1.
    case badMouseVariable
    /// A refused option or environment variable, and why.
    case optionRefused
    case noLessons
    case setSyntax
    case dataFolder
    /// A column of `rnnlab data`.
    case columnName
    case columnKind
    case columnShape
    case columnTrain
    case columnValid
    case columnTest
    case columnLoad
    case columnKnobs
    /// A training split generated afresh at every step.
    case fresh
    case milliseconds
    case cannotLoad
    case dataNote
    case dataFooter
    /// `rnnlab data import` and the imported sets in `rnnlab data`.
    case dataImportedHeader
    case dataImported
    /// A text is counted in characters, not rows.
    case dataImportedText
    case dataImportNext
    case importBadName
    case importNameTaken
    case importBuiltInName
    case importBadKind
    case dataBaselines
    case dataNotLoaded
    case knobSyntax
    case dataError
    case dataTitle
    case dataSizes
    case sample
    case dataShowBaselines
    case indented
    case dataTimes
    /// A column of `rnnlab bench`.
    case benchGroup
    case benchName
    case benchThreads
    case benchReference
    /// A measured value with its unit: "12.3 ms".
    case benchValue
    case benchUnknownGroup
    /// `rnnlab bench --compare FILE`: the columns, a ratio, rows only one side has, a bad file.
    case benchOurs
    case benchTheirs
    case benchTheirsBest
    case benchRatioColumn
    case benchRatio
    case benchOnlyOurs
    case benchOnlyTheirs
    case benchCompareFile
    case benchCompareUnreadable
    case cannotOpenLab
    case cannotOpenLabNoTerminal
    case couldNotSave
    /// The lab refuses a locale that is not UTF-8 and names Chinese,
    /// Japanese or Korean or their encodings (zh_CN.GBK, zh_CN.GB18030):
    /// every 汉字 would show as `?`. Bilingual in every table, English and
    /// 简体中文, since the lab's language cannot be trusted before the
    /// terminal can show it.
    case localeNotUTF8
    /// `--ambiguous-width` or `$RNNLAB_AMBIGUOUS_WIDTH` is not 1 or 2; `source` names which.
    case badAmbiguousWidth
    /// `--borders` or `$RNNLAB_BORDERS` is not `unicode` or `ascii`; `source` names which.
    case badBorders

    public var placeholders: Set<String> {
        switch self {
        case .runHeader: return ["parameters", "task", "title"]
        case .runStep: return ["loss", "metrics", "rate", "step", "validation"]
        case .runFinal: return ["loss", "metrics"]
        case .runBaseline: return ["baseline"]
        case .diverged: return ["cause"]
        case .rolledBack, .interrupted: return ["step"]
        case .checkpointNote: return ["good", "step"]
        case .metricsWritten: return ["file", "steps"]
        case .localeNotUTF8: return ["locale"]
        case .badAmbiguousWidth, .badBorders: return ["source", "value"]
        case .metricsNotWritten, .checkpointNotWritten, .cannotOpenLab, .cannotOpenLabNoTerminal, .couldNotSave: return ["reason"]
        case .checkpointWritten: return ["file", "step"]
        case .checkpointWrittenWithNote: return ["file", "note", "step"]
        case .metricsExtension, .sameOutputFile: return ["file"]
        case .optionNotWhole: return ["option", "range", "value"]
        case .lessonDidNotLoad: return ["problem"]
        case .verifyWhat, .columnName, .columnKind, .columnShape, .columnTrain, .columnValid, .columnTest, .columnLoad, .columnKnobs, .fresh, .cannotLoad, .dataFooter, .dataBaselines, .dataNotLoaded, .dataShowBaselines, .benchGroup, .benchName, .benchReference, .benchOurs, .benchTheirs, .benchTheirsBest, .benchRatioColumn, .benchOnlyOurs, .benchOnlyTheirs: return []
        case .noCheck: return ["check", "checks", "lesson"]
        case .verifyPass, .verifyFail: return ["check", "detail", "lesson", "seconds", "steps"]
        case .verifySummary: return ["failed", "passed"]
        case .verifySeedValues: return ["metric", "seeds", "values"]
        case .verifyProblems: return ["count"]
        case .badJobs: return ["most", "value"]
        case .badSeeds: return ["text"]
        case .verifySeedHeader: return ["seed"]
        case .marginHeader: return ["seeds"]
        case .marginRow: return ["check", "clause", "lesson", "note", "values", "worst"]
        case .marginBudgetRow: return ["budget", "check", "lesson", "note", "values", "worst"]
        case .marginValueAgainst: return ["threshold", "value"]
        case .marginExact, .marginFailed, .marginThin, .marginFine: return []
        case .marginRuns: return ["distinct", "jobs", "needed"]
        case .listLesson: return ["done", "id", "number", "title", "total"]
        case .listChecks: return ["checks"]
        case .kindRegression, .kindClassification, .kindPerStepClassification, .kindSeq2seq: return []
        case .noSuchPath: return ["path"]
        case .lintNote: return ["file", "reason"]
        case .lintSummary: return ["files", "problems"]
        case .badThreads, .badThreadsVariable: return ["most", "value"]
        case .badMouseVariable: return ["value"]
        case .optionRefused: return ["option", "reason"]
        case .noLessons, .dataFolder, .dataImportedHeader: return ["folder"]
        case .dataImported: return ["name", "kind", "count", "folder"]
        case .dataImportedText: return ["name", "count", "folder"]
        case .dataImportNext: return ["lessons", "name"]
        case .importBadName, .importBuiltInName: return ["name"]
        case .importNameTaken: return ["name", "folder"]
        case .importBadKind: return ["kind", "kinds"]
        case .setSyntax, .knobSyntax, .indented: return ["text"]
        case .milliseconds: return ["ms"]
        case .dataNote: return ["name", "note"]
        case .dataError: return ["error"]
        case .dataTitle: return ["name", "summary"]
        case .dataSizes: return ["kind", "shape", "test", "train", "validation"]
        case .sample: return ["number"]
        case .dataTimes: return ["baselines", "load"]
        case .benchThreads: return ["threads"]
        case .benchValue: return ["unit", "value"]
        case .benchUnknownGroup: return ["group", "groups"]
        case .benchRatio: return ["ratio"]
        case .benchCompareFile: return ["file", "reference"]
        case .benchCompareUnreadable: return ["file", "reason"]
        }
    }
}
