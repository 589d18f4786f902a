/// Colours for chart series: distinct, readable on white, and the same key keeps its colour.
enum ChartPalette {
    static let colours = ["#2f6f9f", "#d9822b", "#3a9a5b", "#c0392b", "#8e6bbf", "#8c6d4f", "#d16ba5", "#7f8c8d",
                          "#b5a400", "#17a2b8", "#5d6d7e", "#a04000"]

    static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
