import ArgumentParser

@main
struct RNNLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnnlab",
        abstract: "An interactive terminal lab for recurrent neural networks.",
        subcommands: [LaunchCommand.self, BenchCommand.self],
        defaultSubcommand: LaunchCommand.self)
}
