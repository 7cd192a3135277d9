import ArgumentParser
import Foundation

/// Opens the lab. Until the terminal lab lands (issue 5) it lists the lessons
/// found in `lessons/` and says what is coming.
struct LaunchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "launch", abstract: "Open the lab (the default).")

    @Option(help: "The folder of lesson files.")
    var lessons = "lessons"

    func run() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        print("RNN Lab")
        print("")
        print("The interactive lab is coming: lessons where a real model trains live while")
        print("you change its hyperparameters. The engine underneath is here already:")
        print("try `rnnlab bench` to see how fast it runs on this machine.")
        print("")
        if files.isEmpty {
            print("No lessons yet in \(lessons)/.")
        } else {
            print("Lessons in \(lessons)/:")
            for f in files { print("  " + f) }
        }
    }
}
