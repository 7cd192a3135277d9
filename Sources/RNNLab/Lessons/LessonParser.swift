import Foundation
import RNNEngine

/// Reads a lesson file: front matter, then Markdown pages separated by `---` lines.
///
/// Every problem is a `LessonError` naming the file and line, so `rnnlab lint`
/// can point at it; nothing here crashes on a malformed file.
public enum LessonParser {
    static let topKeys = ["id", "title", "chapter", "summary", "experiment", "compare", "knobs", "panels", "checks"]

    public static func load(_ url: URL) throws -> Lesson {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LessonError(file: url.path, line: 1, "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
        do { return try parse(text, file: url.path) } catch var e as LessonError {
            e.file = url.path
            throw e
        }
    }

    public static func parse(_ text: String, file: String) throws -> Lesson {
        do { return try parseUnlabelled(text, file: file) } catch var e as LessonError {
            e.file = file
            throw e
        }
    }

    private static func parseUnlabelled(_ text: String, file: String) throws -> Lesson {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingCR }
        guard lines.first == "---" else { throw LessonError(file: file, line: 1, "a lesson starts with a front matter block: a line `---`") }
        guard let end = lines.dropFirst().firstIndex(of: "---") else {
            throw LessonError(file: file, line: lines.count, "the front matter is not closed by a line `---`")
        }
        var parser = try FrontMatterParser(lines[1..<end].joined(separator: "\n"), firstLine: 2)
        let root = try parser.parse()
        let fields = try Fields(root, context: "front matter", allowed: topKeys)
        let pages = splitPages(Array(lines[(end + 1)...]))
        guard !pages.isEmpty else { throw LessonError(file: file, line: end + 1, "the lesson has no prose after its front matter") }
        var lesson = Lesson(
            id: try fields.string("id"), title: try fields.string("title"), chapter: try fields.string("chapter"),
            summary: try fields.string("summary"), file: file, task: "", settings: [:], knobs: [],
            panels: [], checks: [], pages: pages)
        try readExperiment(try fields.required("experiment"), into: &lesson)
        if let node = fields.optional("compare") {
            let compare = try readSettings(node, "compare", definitions(forTask: lesson.task))
            guard !compare.isEmpty else { throw LessonError(line: node.line, "compare names at least one setting that differs") }
            if let same = compare.keys.sorted().first(where: { compare[$0] == lesson.settings[$0] }) {
                throw LessonError(line: node.line, "compare sets \(same) to \(compare[same]!), which the experiment already has; name a setting that differs")
            }
            lesson.compare = compare
        }
        if let knobs = fields.optional("knobs") { lesson.knobs = try readKnobs(knobs, lesson: lesson) }
        if let panels = fields.optional("panels") {
            lesson.panels = try Fields.list(panels, "panels").map { node in
                let name = try Fields.scalar(node, "panel")
                guard let p = PanelKind(rawValue: name) else {
                    throw LessonError(line: node.line, "unknown panel \"\(name)\" (panels: \(PanelKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return p
            }
        }
        if let checks = fields.optional("checks") { lesson.checks = try readChecks(checks, lesson: lesson) }
        // A compare run costs half the machine; it must be on screen, and the panel needs it.
        if (lesson.compare != nil) != lesson.panels.contains(.compare) {
            let line = fields.optional(lesson.compare != nil ? "compare" : "panels")?.line ?? 1
            throw LessonError(line: line, lesson.compare != nil ? "a lesson with compare shows it: add `compare` to panels"
                                                                : "the compare panel needs a `compare: {setting: value}` run")
        }
        return lesson
    }

    /// The settings this lesson's task understands: the experiment's schema.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        ExperimentSettings.definitions(forTask: task)
    }

    private static func readExperiment(_ node: FrontMatterNode, into lesson: inout Lesson) throws {
        guard case .map(let entries, _) = node else { throw LessonError(line: node.line, "experiment must be a mapping of settings") }
        guard let taskNode = entries.first(where: { $0.key == "task" })?.value else {
            throw LessonError(line: node.line, "experiment has no task")
        }
        lesson.task = try Fields.scalar(taskNode, "task")
        guard TaskCatalog.entry(named: lesson.task) != nil else {
            throw LessonError(line: taskNode.line, "no task or data set named \"\(lesson.task)\" (known: \(TaskCatalog.entries.map(\.name).joined(separator: ", ")))")
        }
        let defs = definitions(forTask: lesson.task)
        for d in defs { lesson.settings[d.name] = d.defaultValue }
        for (key, value) in entries where key != "task" {
            lesson.settings[key] = try settingValue(key, value, defs)
        }
    }

    static func settingValue(_ key: String, _ node: FrontMatterNode, _ defs: [SettingDefinition]) throws -> SettingValue {
        guard let d = defs.first(where: { $0.name == key }) else {
            throw LessonError(line: node.line, "unknown setting \"\(key)\" (settings: \(defs.map(\.name).joined(separator: ", ")))")
        }
        let v = d.parse(try Fields.scalar(node, key))
        if let reason = d.refusal(v) { throw LessonError(line: node.line, reason) }
        return v
    }

    /// An inline mapping of settings, `{cell: lstm, hidden: 16}`.
    static func readSettings(_ node: FrontMatterNode, _ key: String, _ defs: [SettingDefinition]) throws -> [String: SettingValue] {
        guard case .map(let entries, _) = node else { throw LessonError(line: node.line, "\(key) is a mapping of settings") }
        var out: [String: SettingValue] = [:]
        for (k, v) in entries { out[k] = try settingValue(k, v, defs) }
        return out
    }

    private static func readKnobs(_ node: FrontMatterNode, lesson: Lesson) throws -> [LessonKnob] {
        let defs = definitions(forTask: lesson.task)
        return try Fields.list(node, "knobs").map { item in
            let f = try Fields(item, context: "knob", allowed: ["name", "range", "choices", "scale", "live", "summary"])
            let name = try f.string("name")
            guard var d = defs.first(where: { $0.name == name }) else {
                throw LessonError(line: item.line, "knob \"\(name)\" is not a setting of this experiment (settings: \(defs.map(\.name).joined(separator: ", ")))")
            }
            if let r = f.optional("range") {
                let bounds = try Fields.list(r, "range").map { try Fields.number($0, "range") }
                guard bounds.count == 2, bounds[0] < bounds[1] else { throw LessonError(line: r.line, "range is [low, high] with low < high") }
                let allowed: ClosedRange<Double>
                switch d.kind {
                case .integer(let a), .real(let a): allowed = a
                case .choice: throw LessonError(line: r.line, "knob \(name) is a choice; give `choices`, not `range`")
                }
                guard allowed.contains(bounds[0]) && allowed.contains(bounds[1]) else {
                    throw LessonError(line: r.line, "range of \(name) must lie within \(SettingDefinition.show(allowed))")
                }
                if case .integer = d.kind { d.kind = .integer(bounds[0]...bounds[1]) } else { d.kind = .real(bounds[0]...bounds[1]) }
            }
            if let c = f.optional("choices") {
                guard case .choice(let all) = d.kind else { throw LessonError(line: c.line, "knob \(name) is a number; give `range`, not `choices`") }
                let names = try Fields.list(c, "choices").map { try Fields.scalar($0, "choice") }
                if let bad = names.first(where: { !all.contains($0) }) {
                    throw LessonError(line: c.line, "\(bad) is not a choice of \(name) (choices: \(all.joined(separator: ", ")))")
                }
                d.kind = .choice(names)
            }
            let scaleText = f.optional("scale").map { try? Fields.scalar($0, "scale") } ?? "linear"
            guard let scale = LessonKnob.Scale(rawValue: scaleText ?? "") else {
                throw LessonError(line: f.optional("scale")!.line, "scale is linear or log")
            }
            if let live = f.optional("live") {
                let says = try Fields.scalar(live, "live") == "true"
                if says != (d.effect == .live) {
                    throw LessonError(line: live.line, "\(name) \(d.effect == .live ? "applies live" : "rebuilds the model"); `live: \(says)` contradicts it")
                }
            }
            if let current = lesson.settings[name], let reason = d.refusal(current) {
                throw LessonError(line: item.line, "the experiment's value does not fit the knob: \(reason)")
            }
            let summary = (f.optional("summary").flatMap { try? Fields.scalar($0, "summary") }) ?? d.summary
            return LessonKnob(name: name, summary: summary, definition: d, scale: scale)
        }
    }

    private static func readChecks(_ node: FrontMatterNode, lesson: Lesson) throws -> [LessonCheck] {
        let defs = definitions(forTask: lesson.task)
        var ids = Set<String>()
        return try Fields.list(node, "checks").map { item in
            let f = try Fields(item, context: "check", allowed: ["id", "title", "set", "steps", "expect", "when", "hint", "seeds", "versus", "until"])
            let id = try f.string("id")
            guard ids.insert(id).inserted else { throw LessonError(line: item.line, "check id \"\(id)\" is used twice") }
            func settings(_ key: String) throws -> [String: SettingValue]? {
                try f.optional(key).map { try readSettings($0, key, defs) }
            }
            let set = try settings("set") ?? [:]
            let versus = try settings("versus")
            var seeds: [Int] = []
            if let node = f.optional("seeds") {
                seeds = try Fields.list(node, "seeds").map { item in
                    let v = try Fields.number(item, "a seed")
                    guard v >= 0, v <= 1_000_000, v == v.rounded() else { throw LessonError(line: item.line, "a seed is a whole number in 0…1000000") }
                    return Int(v)
                }
                guard !seeds.isEmpty, Set(seeds).count == seeds.count else { throw LessonError(line: node.line, "seeds lists distinct seeds, at least one") }
                if set["seed"] != nil { throw LessonError(line: node.line, "a check sets either seeds or a seed, not both") }
            }
            func readCondition(_ key: String) throws -> CheckCondition? {
                guard let node = f.optional(key) else { return nil }
                switch CheckCondition.parse(try Fields.scalar(node, key)) {
                case .success(let c): return c
                case .failure(let reason): throw LessonError(line: node.line, reason.message)
                }
            }
            let stepsNode = try f.required("steps")
            let steps = try Fields.number(stepsNode, "steps")
            guard steps >= 1, steps <= 1_000_000, steps == steps.rounded() else {
                throw LessonError(line: stepsNode.line, "steps must be a whole number in 1…1000000")
            }
            _ = try f.required("expect")
            let condition = try readCondition("expect")!
            let until = try readCondition("until")
            let whenText = f.optional("when").flatMap { try? Fields.scalar($0, "when") } ?? "any"
            guard let when = LessonCheck.When(rawValue: whenText) else {
                throw LessonError(line: f.optional("when")!.line, "when is `any` (at some validation point) or `end`")
            }
            if until != nil && when == .end, let node = f.optional("until") {
                throw LessonError(line: node.line, "until stops each run early; it does not go with `when: end`")
            }
            return LessonCheck(id: id, title: try f.string("title"), set: set, steps: Int(steps), expect: condition,
                               when: when, hint: (f.optional("hint").flatMap { try? Fields.scalar($0, "hint") }) ?? "",
                               line: item.line, seeds: seeds, versus: versus, until: until)
        }
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

/// Typed access to a front matter mapping, with line-numbered errors.
struct Fields {
    let entries: [(key: String, value: FrontMatterNode)]
    let line: Int
    let context: String

    init(_ node: FrontMatterNode, context: String, allowed: [String]) throws {
        guard case .map(let entries, let line) = node else {
            throw LessonError(line: node.line, "\(context) must be a mapping of `key: value` lines")
        }
        for (key, value) in entries where !allowed.contains(key) {
            throw LessonError(line: value.line, "unknown key \"\(key)\" in \(context) (keys: \(allowed.joined(separator: ", ")))")
        }
        self.entries = entries
        self.line = line
        self.context = context
    }

    func optional(_ key: String) -> FrontMatterNode? { entries.first { $0.key == key }?.value }

    func required(_ key: String) throws -> FrontMatterNode {
        guard let v = optional(key) else { throw LessonError(line: line, "\(context) has no \(key)") }
        return v
    }

    func string(_ key: String) throws -> String {
        let s = try Fields.scalar(try required(key), key)
        guard !s.isEmpty else { throw LessonError(line: try required(key).line, "\(key) is empty") }
        return s
    }

    static func scalar(_ node: FrontMatterNode, _ what: String) throws -> String {
        guard case .scalar(let s, _) = node else { throw LessonError(line: node.line, "\(what) must be a single value") }
        return s
    }

    static func number(_ node: FrontMatterNode, _ what: String) throws -> Double {
        let s = try scalar(node, what)
        guard let v = Double(s.replacingOccurrences(of: "_", with: "")) else {
            throw LessonError(line: node.line, "\(what) must be a number, got \"\(s)\"")
        }
        return v
    }

    static func list(_ node: FrontMatterNode, _ what: String) throws -> [FrontMatterNode] {
        guard case .list(let items, _) = node else { throw LessonError(line: node.line, "\(what) must be a list") }
        return items
    }
}

extension String {
    var trimmingTrailingCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
