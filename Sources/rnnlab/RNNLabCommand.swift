import ArgumentParser

@main
struct RNNLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab",
        abstract: "An interactive terminal lab for recurrent neural networks.",
        subcommands: [LaunchCommand.self, ListCommand.self, RunCommand.self, VerifyCommand.self, LintCommand.self, DataCommand.self, BenchCommand.self],
        defaultSubcommand: LaunchCommand.self)
}
