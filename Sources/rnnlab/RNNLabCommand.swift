import ArgumentParser
import LabText

@main
struct RNNLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab",
        abstract: Language.english(.cli(.abstract)),
        subcommands: [LaunchCommand.self, ListCommand.self, RunCommand.self, VerifyCommand.self, LintCommand.self, DataCommand.self, ExportCommand.self, ReplayCommand.self, BenchCommand.self],
        defaultSubcommand: LaunchCommand.self)
}
