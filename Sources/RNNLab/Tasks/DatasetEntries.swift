extension TaskCatalog {
    static let datasetEntries: [TaskEntry] = [
        TaskEntry(name: "digits", summary: ImageTasks.digits.summary, source: .dataset,
                  files: [ImageTasks.digits.file], knobs: []) { _, dir, seed in
            try ImageTasks.make(ImageTasks.digits, directory: dir, seed: seed)
        },
        TaskEntry(name: "mnist", summary: ImageTasks.mnist.summary, source: .dataset,
                  files: [ImageTasks.mnist.file], knobs: []) { _, dir, seed in
            try ImageTasks.make(ImageTasks.mnist, directory: dir, seed: seed)
        },
        TaskEntry(name: "sunspots", summary: ForecastTasks.sunspots.summary, source: .dataset,
                  files: [ForecastTasks.sunspots.file], knobs: ForecastTasks.knobs(ForecastTasks.sunspots)) { k, dir, _ in
            try ForecastTasks.make(ForecastTasks.sunspots, k, directory: dir)
        },
        TaskEntry(name: "co2", summary: ForecastTasks.co2.summary, source: .dataset,
                  files: [ForecastTasks.co2.file], knobs: ForecastTasks.knobs(ForecastTasks.co2)) { k, dir, _ in
            try ForecastTasks.make(ForecastTasks.co2, k, directory: dir)
        },
        TaskEntry(name: "shakespeare", summary: "character-level language model on nine Shakespeare works",
                  source: .dataset, files: CharLanguageModelTask.files, knobs: CharLanguageModelTask.knobs) { k, dir, _ in
            try CharLanguageModelTask.make(k, directory: dir)
        },
        TaskEntry(name: "authorship", summary: "line classification: Shakespeare or Milton",
                  source: .dataset, files: CharLanguageModelTask.files + [AuthorshipTask.miltonFile], knobs: []) { _, dir, seed in
            try AuthorshipTask.make(directory: dir, seed: seed)
        },
        TaskEntry(name: "names", summary: "generate first names letter by letter (US census 1990)",
                  source: .dataset, files: NameTasks.files, knobs: []) { _, dir, seed in
            try NameTasks.makeGeneration(directory: dir, seed: seed)
        },
        TaskEntry(name: "names-gender", summary: "classify first names as female or male (US census 1990)",
                  source: .dataset, files: NameTasks.files, knobs: []) { _, dir, seed in
            try NameTasks.makeClassification(directory: dir, seed: seed)
        },
        TaskEntry(name: "japanese-vowels", summary: "speaker of a Japanese vowel, variable length (UCI)",
                  source: .dataset, files: JapaneseVowelsTask.files, knobs: []) { _, dir, seed in
            try JapaneseVowelsTask.make(directory: dir, seed: seed)
        },
    ]
}
