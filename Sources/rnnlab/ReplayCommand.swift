import ArgumentParser
import Foundation
import LabText
import RNNEngine
import RNNLab

/// `rnnlab replay FILE`: trains a recorded run again and says whether it ended bit for bit the same.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Train a recorded run again (from `rnnlab run --record` or the lab's W) and compare how it ends.",
        discussion: "Exit status: 0 when it ends bit for bit as recorded, 1 when it does not, 2 for a bad file.")

    @OptionGroup var options: LessonOptions

    @Argument(help: "The run file.")
    var file: String

    func run() throws {
        options.language.apply(followLocale: true)
        options.applyThreads()
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { fail(error) }
        let record: RunRecord
        do { record = try RunRecord(json: data, file: file) } catch { fail(error) }
        say(.export(.replayHeader), ["lesson": .text(record.lesson), "steps": .integer(record.steps),
                                     "changes": .integer(record.changes.count)])
        if record.threads != Parallel.maxThreads {
            say(.export(.otherThreads), ["recorded": .integer(record.threads), "now": .integer(Parallel.maxThreads)])
        }
        let outcome: RunReplay.Outcome
        do { outcome = try RunReplay.run(record, dataDirectory: options.dataDirectory) } catch { fail(error) }
        let e = outcome.ending
        if outcome.reproduced {
            say(.export(.reproduced), ["step": .integer(e.step), "loss": .text(SettingValue.format(e.loss))])
        } else {
            let r = record.ending
            say(.export(.notReproduced), ["step": .integer(e.step), "loss": .text(SettingValue.format(e.loss)),
                                          "recordedStep": .integer(r?.step ?? 0),
                                          "recordedLoss": .text(r.map { SettingValue.format($0.loss) } ?? "—")])
            throw ExitCode(1)
        }
    }
}
