/// 简体中文 texts of choosing the language and of the lesson translations' lint.
extension Chinese {
    static let languageTexts: [LanguageKey: String] = [
        .unknownLanguage: "未知语言“{code}”（来自 {source}）；实验室支持：{languages}",
        .switched: "语言：{language}",
        .noTranslationOf: "译文需要 translation_of：它所翻译的英文课程的 id",
        .noSuchLesson: "translation_of: {id} 不对应任何课程；现有课程：{lessons}",
        .wrongLanguage: "language: {found} 与文件所在的文件夹（{folder}）不符",
        .translatedTwice: "课程 {id} 被翻译了两次：这里和 {other}",
        .missingField: "这里没有 {key}，但英文课程有：请翻译它",
        .extraField: "{key}：英文课程没有这一项，因此无需翻译",
        .missingKnob: "旋钮 {name} 在英文课程中有说明，这里却没有",
        .extraKnob: "旋钮 {name}：英文课程中没有这个名字的旋钮说明（有说明的旋钮：{knobs}）",
        .missingCheck: "英文课程的验证项 {id} 没有翻译",
        .extraCheck: "验证项 {id}：英文课程没有这个验证项（它的验证项：{checks}）",
        .missingCheckField: "验证项 {id} 这里没有 {key}，但英文验证项有",
        .extraCheckField: "验证项 {id}：{key} 无需翻译（英文验证项没有这一项）",
        .pageCount: "这里有 {count} 页，英文课程有 {english} 页：请按顺序翻译每一页",
        .choiceCount: "这里有 {count} 个选项，英文问题有 {english} 个：请保持数量和顺序",
        .chapterDiffers: "章节“{chapter}”与 {file} 中的“{other}”不同，而两者翻译的是同一个英文章节",
        .titleNumbers: "验证项 {id}：标题引用的数字为 {found}，英文标题为 {expected}；请照英文引用每个数字（0.9 可写作 90%）",
    ]
}
