import LabText
extension TaskCatalog {
    static let datasetEntries: [TaskEntry] = [
        TaskEntry(name: "digits", summary: Phrase(.task(.digits)), source: .dataset,
                  files: [ImageTasks.digits.file], knobs: []) { _, dir, seed in
            try ImageTasks.make(ImageTasks.digits, directory: dir, seed: seed)
        },
        TaskEntry(name: "mnist", summary: Phrase(.task(.mnist)), source: .dataset,
                  files: [ImageTasks.mnist.file], knobs: []) { _, dir, seed in
            try ImageTasks.make(ImageTasks.mnist, directory: dir, seed: seed)
        },
        TaskEntry(name: "sunspots", summary: Phrase(.task(.sunspots)), source: .dataset,
                  files: [ForecastTasks.sunspots.file], knobs: ForecastTasks.knobs(ForecastTasks.sunspots)) { k, dir, _ in
            try ForecastTasks.make(ForecastTasks.sunspots, k, directory: dir)
        },
        TaskEntry(name: "co2", summary: Phrase(.task(.co2)), source: .dataset,
                  files: [ForecastTasks.co2.file], knobs: ForecastTasks.knobs(ForecastTasks.co2)) { k, dir, _ in
            try ForecastTasks.make(ForecastTasks.co2, k, directory: dir)
        },
        TaskEntry(name: "shakespeare", summary: Phrase(.task(.shakespeare)),
                  source: .dataset, files: CharLanguageModelTask.files, knobs: CharLanguageModelTask.knobs) { k, dir, _ in
            try CharLanguageModelTask.make(k, directory: dir)
        },
        TaskEntry(name: "authorship", summary: Phrase(.task(.authorship)),
                  source: .dataset, files: CharLanguageModelTask.files + [AuthorshipTask.miltonFile], knobs: []) { _, dir, seed in
            try AuthorshipTask.make(directory: dir, seed: seed)
        },
        TaskEntry(name: "names", summary: Phrase(.task(.names)),
                  source: .dataset, files: NameTasks.files, knobs: []) { _, dir, seed in
            try NameTasks.makeGeneration(directory: dir, seed: seed)
        },
        TaskEntry(name: "names-gender", summary: Phrase(.task(.namesGender)),
                  source: .dataset, files: NameTasks.files, knobs: []) { _, dir, seed in
            try NameTasks.makeClassification(directory: dir, seed: seed)
        },
        TaskEntry(name: "japanese-vowels", summary: Phrase(.task(.japaneseVowels)),
                  source: .dataset, files: JapaneseVowelsTask.files, knobs: []) { _, dir, seed in
            try JapaneseVowelsTask.make(directory: dir, seed: seed)
        },
    ]
}
