/// English: the texts of the architecture chapter's tasks (stacked,
/// bidirectional and recursive networks).
extension English {
    static let architectureKnobSummary: [KnobSummaryKey: String] = [
        .treeTrainingDepth: "deepest nesting of the training expressions",
        .treeTestDepth: "nesting of the validation and test expressions",
        .treeModulus: "digits 0…M−1; the value is taken mod M",
        .treeOperators: "1: subtraction only; 2: subtraction and addition",
        .treeModel: "1: a tree network reads the parse tree; 0: the sequence model reads the prefix string",
    ]

    static let architecturePanels: [PanelKey: String] = [
        .treeStatesTitle: "tree: node states, nodes × units",
        .treeStatesTitleShort: "node states",
        .treeStatesTitleShortest: "nodes",
        .treeStatesNone: "no tree: this panel shows a tree network's node states (set tree to 1)",
        .treeStatesMore: "…{count} more",
    ]

    static let architectureTask: [TaskKey: String] = [
        .arithTrees: "arithmetic trees: the value mod M of a nested expression over digits, as a parse tree or in prefix notation",
    ]
}
