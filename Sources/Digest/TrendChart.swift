import ReportModel

/// Inline SVG charts from `trends` results: stacked bars of counts per period, and horizontal bars
/// of totals. Every bar carries its numbers (`data-key`, `data-period`, `data-count`) and a
/// `<title>`, so a person can hover and a script can check the chart against `trends`.
enum TrendChart {
    struct Series {
        var key: String
        var label: String
        var counts: [Int]
        var total: Int
    }

    static func series(_ trends: JSONValue, labels: [String: String]) -> (periods: [String], series: [Series]) {
        let periods = (trends[.periods]?.arrayValue ?? []).compactMap(\.stringValue)
        let series = (trends[.series]?.arrayValue ?? []).compactMap { s -> Series? in
            guard let key = s[.key]?.stringValue else { return nil }
            let counts = (s[.counts]?.arrayValue ?? []).compactMap(\.intValue)
            return Series(key: key, label: labels[key] ?? key, counts: counts, total: s[.total]?.intValue ?? counts.reduce(0, +))
        }
        return (periods, series)
    }

    /// Periods along the bottom, one stacked bar each, a legend below.
    static func stacked(_ trends: JSONValue, labels: [String: String], title: String) -> String {
        let (periods, series) = self.series(trends, labels: labels)
        let width = 480, height = 240, left = 30, bottom = 40, top = 16
        let plotWidth = width - left - 8, plotHeight = height - bottom - top
        let totals = periods.indices.map { i in series.reduce(0) { $0 + ($1.counts.indices.contains(i) ? $1.counts[i] : 0) } }
        let maxTotal = max(1, totals.max() ?? 1)
        let slot = Double(plotWidth) / Double(max(1, periods.count))
        let barWidth = max(2, slot * 0.7)
        var svg = "<svg class=\"chart\" data-chart=\"themes\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for tick in ticks(maxTotal) {
            let y = Double(top) + Double(plotHeight) * (1 - Double(tick) / Double(maxTotal))
            svg += "<line x1=\"\(left)\" x2=\"\(width - 8)\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(left - 4)\" y=\"\(fmt(y + 4))\" text-anchor=\"end\" class=\"tick\">\(tick)</text>"
        }
        let labelEvery = max(1, Int((Double(periods.count) / 8).rounded(.up)))
        for (i, period) in periods.enumerated() {
            let x = Double(left) + slot * Double(i) + (slot - barWidth) / 2
            var y = Double(top + plotHeight)
            for (k, s) in series.enumerated() {
                let count = s.counts.indices.contains(i) ? s.counts[i] : 0
                guard count > 0 else { continue }
                let h = Double(plotHeight) * Double(count) / Double(maxTotal)
                y -= h
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\" fill=\"\(ChartPalette.colour(k))\""
                svg += " data-key=\"\(HTML.escape(s.key))\" data-period=\"\(period)\" data-count=\"\(count)\">"
                svg += "<title>\(HTML.escape(s.label)) · \(period): \(count)</title></rect>"
            }
            if totals[i] > 0 {
                svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(y - 3))\" text-anchor=\"middle\" class=\"total\" data-period=\"\(period)\" data-total=\"\(totals[i])\">\(totals[i])</text>"
            }
            if i % labelEvery == 0 {
                svg += "<text x=\"\(fmt(x + barWidth / 2))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" class=\"tick\">\(period.dropFirst(5))</text>"
            }
        }
        svg += "</svg>"
        var legend = "<ul class=\"legend\">"
        for (k, s) in series.enumerated() {
            legend += "<li><span class=\"swatch\" style=\"background:\(ChartPalette.colour(k))\"></span>\(HTML.escape(s.label)) <b>\(s.total)</b></li>"
        }
        return svg + legend + "</ul>"
    }

    /// One horizontal bar per key, largest first, with its total written beside it.
    static func bars(_ trends: JSONValue, title: String) -> String {
        let (_, series) = self.series(trends, labels: [:])
        let rowHeight = 26, labelWidth = 120, width = 420
        let height = max(1, series.count) * rowHeight + 8
        let maxTotal = max(1, series.map(\.total).max() ?? 1)
        let plotWidth = width - labelWidth - 48
        var svg = "<svg class=\"chart\" data-chart=\"places\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (i, s) in series.enumerated() {
            let y = 4 + i * rowHeight
            let w = Double(plotWidth) * Double(s.total) / Double(maxTotal)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"label\">\(HTML.escape(s.key))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(fmt(max(1, w)))\" height=\"\(rowHeight - 8)\" fill=\"\(ChartPalette.colour(0))\""
            svg += " data-key=\"\(HTML.escape(s.key))\" data-count=\"\(s.total)\"><title>\(HTML.escape(s.key)): \(s.total)</title></rect>"
            svg += "<text x=\"\(fmt(Double(labelWidth) + max(1, w) + 6))\" y=\"\(y + 17)\" class=\"total\">\(s.total)</text>"
        }
        return svg + "</svg>"
    }

    /// Up to five round gridline values.
    static func ticks(_ maximum: Int) -> [Int] {
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].first { maximum / $0 <= 4 } ?? max(1, maximum / 4)
        return Array(stride(from: 0, through: maximum, by: step))
    }

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
