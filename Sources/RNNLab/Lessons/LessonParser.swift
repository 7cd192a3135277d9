import LabText
import Foundation
import RNNEngine

/// Reads a lesson file: front matter, then Markdown pages separated by `---` lines.
///
/// Every problem is a `LessonError` naming the file and line, so `rnnlab lint`
/// can point at it; nothing here crashes on a malformed file.
public enum LessonParser {
    static let topKeys = ["id", "title", "chapter", "summary", "experiment", "compare", "knobs", "panels", "checks", "question", "misconception", "references"]

    public static func load(_ url: URL) throws -> Lesson {
        try parse(try LessonFile.text(at: url), file: url.path)
    }

    /// Parses a lesson; throws its first problem.
    public static func parse(_ text: String, file: String) throws -> Lesson {
        let (lesson, problems) = check(text, file: file)
        if let first = problems.first { throw first }
        return lesson!
    }

    /// Reads a lesson file and reports every problem in it (`rnnlab lint`); the
    /// lesson is nil when the file could not be read or its front matter not parsed.
    public static func check(_ url: URL) -> (lesson: Lesson?, problems: [LessonError]) {
        do { return check(try LessonFile.text(at: url), file: url.path) } catch let e as LessonError { return (nil, [e]) } catch {
            return (nil, [LessonError(file: url.path, line: 1, Phrase.describing(error))])
        }
    }

    /// Parses a lesson and reports every problem found, in line order; the lesson
    /// is returned (with the problem parts left out) whenever its front matter parsed.
    public static func check(_ text: String, file: String) -> (lesson: Lesson?, problems: [LessonError]) {
        var sink = Problems()
        let lesson = parseCollecting(text, file: file, &sink)
        // By line; problems on one line keep the order they were found in.
        let problems = sink.all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map { item -> LessonError in
            var e = item.element
            e.file = file
            return e
        }
        return (lesson, problems)
    }

    /// Collects problems; `attempt` runs one part of the parse and keeps going past its error.
    struct Problems {
        var all: [LessonError] = []
        mutating func attempt<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let e as LessonError { all.append(e) } catch { all.append(LessonError(line: 1, Phrase.describing(error))) }
            return nil
        }
    }

    /// A lesson file (or a translation) cut into its lines, the index of the line
    /// closing the front matter, and the front matter's fields (keys outside
    /// `allowed` are reported to the sink); nil, with the problem in the sink,
    /// when a line is too long or the front matter is missing, unclosed or malformed.
    static func frontMatter(_ text: String, allowed: [String], _ sink: inout Problems) -> (lines: [String], end: Int, fields: Fields)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingCR }
        for (i, line) in lines.enumerated() where line.count > LessonFile.maximumLineLength {
            sink.all.append(LessonError(line: i + 1, .lineTooLong, ["characters": .integer(line.count), "limit": .integer(LessonFile.maximumLineLength)]))
            return nil
        }
        guard lines.first == "---" else {
            sink.all.append(LessonError(line: 1, .noFrontMatter))
            return nil
        }
        guard let end = lines.dropFirst().firstIndex(of: "---") else {
            sink.all.append(LessonError(line: lines.count, .frontMatterNotClosed))
            return nil
        }
        guard let root = sink.attempt({ () throws -> FrontMatterNode in
            var parser = try FrontMatterParser(lines[1..<end].joined(separator: "\n"), firstLine: 2)
            return try parser.parse()
        }), let fields = sink.attempt({ try Fields(root, context: .frontMatter, allowed: allowed) }) else { return nil }
        sink.all += fields.unknown
        return (lines, end, fields)
    }

    private static func parseCollecting(_ text: String, file: String, _ sink: inout Problems) -> Lesson? {
        guard let parts = frontMatter(text, allowed: topKeys, &sink) else { return nil }
        let (lines, end, fields) = parts
        for (i, line) in lines.enumerated() where i > end {
            if let bad = TextCheck.controlCharacter(in: line, allowingTab: true) {
                sink.all.append(LessonError(line: i + 1, .proseHasCharacter, ["character": .phrase(bad)]))
            }
        }
        let pages = splitPages(Array(lines[(end + 1)...]))
        if pages.isEmpty { sink.all.append(LessonError(line: end + 1, .noProse)) }
        func field(_ key: String) -> String {
            sink.attempt { try fields.text(key) } ?? ""
        }
        var lesson = Lesson(
            id: field("id"), title: field("title"), chapter: field("chapter"),
            summary: field("summary"), file: file, task: "", settings: [:], knobs: [],
            panels: [], checks: [], pages: pages)
        lesson.idLine = fields.optional("id")?.line ?? 1
        if let node = fields.optional("id"), !lesson.id.isEmpty, let bad = TextCheck.idProblem(lesson.id) {
            sink.all.append(LessonError(line: node.line, .badLessonId, ["id": .text(lesson.id), "character": .phrase(bad)]))
        }
        guard let experiment = sink.attempt({ try fields.required("experiment") }) else { return lesson }
        do { try readExperiment(experiment, into: &lesson, &sink) } catch let e as LessonError {
            sink.all.append(e)
            return lesson
        } catch { return lesson }
        if let node = fields.optional("compare") {
            sink.attempt {
                let compare = try readSettings(node, "compare", definitions(forTask: lesson.task))
                guard !compare.isEmpty else { throw LessonError(line: node.line, .compareEmpty) }
                if let same = compare.keys.sorted().first(where: { compare[$0] == lesson.settings[$0] }) {
                    throw LessonError(line: node.line, .compareSame, ["name": .text(same), "value": .text(compare[same]!.description)])
                }
                lesson.compare = compare
            }
        }
        if let knobs = fields.optional("knobs") {
            lesson.knobs = readKnobs(knobs, lesson: lesson, &sink)
            if case .list(let items, _) = knobs {
                for case .map(let entries, _) in items {
                    if case .scalar(let name, _)? = entries.first(where: { $0.key == "name" })?.value, !lesson.knobs.contains(where: { $0.name == name }) {
                        lesson.refusedKnobs.insert(name)
                    }
                }
            }
        }
        if let panels = fields.optional("panels"), let items = sink.attempt({ try Fields.list(panels, "panels") }) {
            lesson.panels = items.compactMap { node in
                sink.attempt {
                    let name = try Fields.scalar(node, "panel")
                    guard let p = PanelKind(rawValue: name) else {
                        throw LessonError(line: node.line, .unknownPanel, ["name": .text(name), "panels": .list(PanelKind.allCases.map(\.rawValue))])
                    }
                    return p
                }
            }
        }
        if let checks = fields.optional("checks") { lesson.checks = readChecks(checks, lesson: lesson, &sink) }
        readTeaching(fields, into: &lesson, &sink)
        // A compare run costs half the machine; it must be on screen, and the panel needs it.
        if (fields.optional("compare") != nil) != lesson.panels.contains(.compare) {
            let line = fields.optional(fields.optional("compare") != nil ? "compare" : "panels")?.line ?? 1
            sink.all.append(LessonError(line: line, fields.optional("compare") != nil ? .compareNotShown : .comparePanelWithoutRun))
        }
        return lesson
    }

    /// The settings this lesson's task understands: the experiment's schema.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        ExperimentSettings.definitions(forTask: task)
    }

    private static func readExperiment(_ node: FrontMatterNode, into lesson: inout Lesson, _ sink: inout Problems) throws {
        guard case .map(let entries, _) = node else { throw LessonError(line: node.line, .experimentNotMapping) }
        guard let taskNode = entries.first(where: { $0.key == "task" })?.value else {
            throw LessonError(line: node.line, .experimentNoTask)
        }
        lesson.task = try Fields.scalar(taskNode, "task")
        guard TaskCatalog.entry(named: lesson.task) != nil else {
            throw LessonError(line: taskNode.line, .unknownTask, ["name": .text(lesson.task), "tasks": .list(TaskCatalog.entries.map(\.name))])
        }
        let defs = definitions(forTask: lesson.task)
        for d in defs { lesson.settings[d.name] = d.defaultValue }
        for (key, value) in entries where key != "task" {
            if let v = sink.attempt({ try settingValue(key, value, defs) }) { lesson.settings[key] = v }
        }
    }

    static func settingValue(_ key: String, _ node: FrontMatterNode, _ defs: [SettingDefinition]) throws -> SettingValue {
        guard let d = defs.first(where: { $0.name == key }) else {
            throw LessonError(line: node.line, .unknownSetting, ["name": .text(key), "settings": .list(defs.map(\.name))])
        }
        let v = d.parse(try Fields.scalar(node, key))
        if let reason = d.refusal(v) { throw LessonError(line: node.line, reason) }
        return v
    }

    /// An inline mapping of settings, `{cell: lstm, hidden: 16}`.
    static func readSettings(_ node: FrontMatterNode, _ key: String, _ defs: [SettingDefinition]) throws -> [String: SettingValue] {
        guard case .map(let entries, _) = node else { throw LessonError(line: node.line, .settingsNotMapping, ["key": .text(key)]) }
        var out: [String: SettingValue] = [:]
        for (k, v) in entries { out[k] = try settingValue(k, v, defs) }
        return out
    }

    private static func readKnobs(_ node: FrontMatterNode, lesson: Lesson, _ sink: inout Problems) -> [LessonKnob] {
        let defs = definitions(forTask: lesson.task)
        guard let items = sink.attempt({ try Fields.list(node, "knobs") }) else { return [] }
        return items.compactMap { item in
            sink.attempt { try readKnob(item, defs: defs, lesson: lesson) }
        }
    }

    private static func readKnob(_ item: FrontMatterNode, defs: [SettingDefinition], lesson: Lesson) throws -> LessonKnob {
        let f = try Fields(item, context: .knob, allowed: ["name", "range", "choices", "scale", "live", "summary"])
        if let first = f.unknown.first { throw first }
        let name = try f.string("name")
        guard var d = defs.first(where: { $0.name == name }) else {
            throw LessonError(line: item.line, .knobNotASetting, ["name": .text(name), "settings": .list(defs.map(\.name))])
        }
        if let r = f.optional("range") {
            let bounds = try Fields.list(r, "range").map { try Fields.number($0, "range") }
            guard bounds.count == 2, bounds[0] < bounds[1] else { throw LessonError(line: r.line, .badRange) }
            let allowed: ClosedRange<Double>
            switch d.kind {
            case .integer(let a), .real(let a): allowed = a
            case .choice: throw LessonError(line: r.line, .knobIsChoice, ["name": .text(name)])
            }
            guard allowed.contains(bounds[0]) && allowed.contains(bounds[1]) else {
                throw LessonError(line: r.line, .rangeOutside, ["name": .text(name), "range": SettingDefinition.range(allowed)])
            }
            if case .integer = d.kind { d.kind = .integer(bounds[0]...bounds[1]) } else { d.kind = .real(bounds[0]...bounds[1]) }
        }
        if let c = f.optional("choices") {
            guard case .choice(let all) = d.kind else { throw LessonError(line: c.line, .knobIsNumber, ["name": .text(name)]) }
            let names = try Fields.list(c, "choices").map { try Fields.scalar($0, "choices") }
            if let bad = names.first(where: { !all.contains($0) }) {
                throw LessonError(line: c.line, .notAChoice, ["value": .text(bad), "name": .text(name), "choices": .list(all)])
            }
            d.kind = .choice(names)
        }
        let scaleText = f.optional("scale").map { try? Fields.scalar($0, "scale") } ?? "linear"
        guard let scale = LessonKnob.Scale(rawValue: scaleText ?? "") else {
            throw LessonError(line: f.optional("scale")!.line, .badScale)
        }
        if let live = f.optional("live") {
            let says = try Fields.scalar(live, "live")
            guard says == "true" || says == "false" else { throw LessonError(line: live.line, .badLive, ["value": .text(says)]) }
            if (says == "true") != (d.effect == .live) {
                throw LessonError(line: live.line, d.effect == .live ? .knobIsLive : .knobRebuilds, ["name": .text(name), "value": .text(says)])
            }
        }
        if let current = lesson.settings[name], let reason = d.refusal(current) {
            throw LessonError(line: item.line, .valueOutsideKnob, ["reason": .phrase(reason)])
        }
        let own = f.optional("summary") != nil ? try f.text("summary") : ""
        let summary = own.isEmpty ? d.summary : Phrase.verbatim(own)
        return LessonKnob(name: name, summary: summary, definition: d, scale: scale)
    }

    private static func readChecks(_ node: FrontMatterNode, lesson: Lesson, _ sink: inout Problems) -> [LessonCheck] {
        var ids: [String: Int] = [:]
        guard let items = sink.attempt({ try Fields.list(node, "checks") }) else { return [] }
        return items.compactMap { item -> LessonCheck? in
            let before = sink.all.count
            let check = readCheck(item, lessonTask: lesson.task, &sink)
            if let check {
                if let first = ids[check.id] {
                    sink.all.append(LessonError(line: check.idLine, .checkIdUsedTwice, ["id": .text(check.id), "first": .integer(first)]))
                    return nil
                }
                ids[check.id] = check.idLine
            }
            return sink.all.count == before ? check : nil
        }
    }

    /// One check; every problem in it goes to `sink`, and nil is returned when there was one.
    private static func readCheck(_ item: FrontMatterNode, lessonTask: String, _ sink: inout Problems) -> LessonCheck? {
        guard let f = sink.attempt({
            try Fields(item, context: .check, allowed: ["id", "title", "task", "set", "steps", "expect", "when", "hint", "seeds", "versus", "until"])
        }) else { return nil }
        let before = sink.all.count
        sink.all += f.unknown
        // `task:` trains the check on another task than the lesson's; its `set:` and
        // `versus:` are read against that task's settings.
        var task: String? = nil
        if let node = f.optional("task") {
            task = sink.attempt {
                let name = try Fields.scalar(node, "task")
                guard TaskCatalog.entry(named: name) != nil else {
                    throw LessonError(line: node.line, .unknownTask, ["name": .text(name), "tasks": .list(TaskCatalog.entries.map(\.name))])
                }
                return name
            }
            if task == lessonTask { task = nil }
        }
        let defs = definitions(forTask: task ?? lessonTask)
        let id = sink.attempt { try f.string("id") } ?? ""
        if let node = f.optional("id"), !id.isEmpty, let bad = TextCheck.idProblem(id) {
            sink.all.append(LessonError(line: node.line, .badCheckId, ["id": .text(id), "character": .phrase(bad)]))
        }
        let title = sink.attempt { try f.text("title") } ?? ""
        let hint = f.optional("hint") == nil ? "" : sink.attempt { try f.text("hint") } ?? ""
        func settings(_ key: String) -> [String: SettingValue]? {
            guard let node = f.optional(key) else { return nil }
            return sink.attempt { try readSettings(node, key, defs) }
        }
        let set = settings("set") ?? [:]
        let versus = settings("versus")
        var seeds: [Int] = []
        if let node = f.optional("seeds") {
            seeds = sink.attempt {
                let seeds = try Fields.list(node, "seeds").map { item in
                    let v = try Fields.number(item, "seeds")
                    guard v >= 0, v <= 1_000_000, v == v.rounded() else { throw LessonError(line: item.line, .badSeed, ["range": SettingDefinition.range(0...1_000_000)]) }
                    return Int(v)
                }
                guard !seeds.isEmpty, Set(seeds).count == seeds.count else { throw LessonError(line: node.line, .badSeeds) }
                if set["seed"] != nil { throw LessonError(line: node.line, .seedsAndSeed) }
                return seeds
            } ?? []
        }
        func readCondition(_ key: String) -> CheckCondition? {
            guard let node = f.optional(key) else { return nil }
            return sink.attempt {
                switch CheckCondition.parse(try Fields.scalar(node, key)) {
                case .success(let c): return c
                case .failure(let reason): throw LessonError(line: node.line, reason.phrase)
                }
            }
        }
        let steps = sink.attempt { () throws -> Int in
            let stepsNode = try f.required("steps")
            let steps = try Fields.number(stepsNode, "steps")
            guard steps >= 1, steps <= 1_000_000, steps == steps.rounded() else {
                throw LessonError(line: stepsNode.line, .badSteps, ["range": SettingDefinition.range(1...1_000_000)])
            }
            return Int(steps)
        }
        if f.optional("expect") == nil { sink.all.append(LessonError(line: item.line, .checkNoExpect)) }
        let condition = readCondition("expect")
        let until = readCondition("until")
        let whenText = f.optional("when").flatMap { try? Fields.scalar($0, "when") } ?? "any"
        let when = LessonCheck.When(rawValue: whenText)
        if when == nil { sink.all.append(LessonError(line: f.optional("when")!.line, .badWhen)) }
        if until != nil && when == .end, let node = f.optional("until") {
            sink.all.append(LessonError(line: node.line, .untilWithEnd))
        }
        guard sink.all.count == before, let steps, let condition, let when else { return nil }
        return LessonCheck(id: id, title: title, set: set, steps: steps, expect: condition, when: when, hint: hint,
                           line: item.line, seeds: seeds, versus: versus, until: until, task: task, idLine: f.optional("id")?.line ?? item.line,
                           keyLines: Dictionary(f.entries.map { ($0.key, $0.value.line) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Pages are separated by lines that are exactly `---`, outside code blocks.
    static func splitPages(_ lines: [String]) -> [String] {
        var pages: [String] = [], current: [String] = []
        var inCode = false
        for line in lines {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode && line == "---" {
                pages.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        pages.append(current.joined(separator: "\n"))
        return pages.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
