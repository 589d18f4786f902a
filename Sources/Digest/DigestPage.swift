import ReportModel

/// The digest as one self-contained HTML page: inline CSS and SVG, no scripts, no fetches, readable
/// from a phone's width up. Built from the `digest` op's result.
public enum DigestPage {
    public static func html(_ digest: JSONValue, generatedAt: String) -> String {
        let since = digest[.since]?.stringValue ?? ""
        let until = digest[.until]?.stringValue ?? ""
        let place = digest[.place]?.stringValue
        var names: [String: String] = [:]
        if case .object(let members)? = digest[.themeNames] {
            for (id, name) in members { names[id] = name.stringValue ?? id }
        }
        let groups = digest[.themes]?.arrayValue ?? []
        let articles = digest[.articles]?.intValue ?? 0
        let folded = digest[.reprintsFolded]?.intValue ?? 0
        let heading = "城市更新简报 · \(since) — \(until)" + (place.map { " · \($0)" } ?? "")

        var page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        page += "<title>\(HTML.escape(heading))</title><style>\(css)</style></head><body><main>"
        page += "<header><h1>\(HTML.escape(heading))</h1>"
        page += "<p class=\"summary\"><b>\(articles)</b> 篇文章 · <b>\(groups.count)</b> 个主题 · 转载合并 <b>\(folded)</b> 篇"
        page += " <span class=\"muted\">（生成于 \(HTML.escape(generatedAt))）</span></p></header>"

        page += "<section class=\"charts\">"
        page += "<figure><figcaption>主题趋势 · 按\(intervalName(digest[.interval]?.stringValue))</figcaption>"
        page += TrendChart.stacked(digest[.trends] ?? .null, labels: names, title: "各主题文章数") + "</figure>"
        page += "<figure><figcaption>地区分布</figcaption>" + TrendChart.bars(digest[.places] ?? .null, title: "各地区文章数") + "</figure>"
        page += "</section>"

        let facts = digest[.facts]?.arrayValue ?? []
        if !facts.isEmpty {
            page += "<section><h2>关键数字</h2><ul class=\"facts\">"
            for fact in facts {
                let value = (fact[.value]?.stringValue ?? "") + (fact[.unit]?.stringValue ?? "")
                let meta = [fact[.place]?.stringValue, fact[.date]?.stringValue].compactMap { $0 }.joined(separator: " · ")
                page += "<li><span class=\"figure\">\(HTML.escape(value))</span><span class=\"about\">\(HTML.escape(fact[.about]?.stringValue ?? ""))</span>"
                page += "<q>\(HTML.escape(fact[.sentence]?.stringValue ?? ""))</q>"
                page += "<small>\(HTML.escape(meta)) · 来源 \(HTML.escape(fact[.report]?.stringValue ?? ""))#\(fact[.article]?.intValue ?? 0)</small></li>"
            }
            page += "</ul></section>"
        }

        page += "<section><h2>本期收到</h2>"
        if groups.isEmpty { page += "<p class=\"muted\">这段时间没有收到报告。</p>" }
        for group in groups {
            let zh = group[.zh]?.stringValue ?? ""
            let en = group[.en]?.stringValue ?? ""
            page += "<details open><summary><h3>\(HTML.escape(zh)) <span class=\"muted\">\(HTML.escape(en))</span> <b>\(group[.count]?.intValue ?? 0)</b></h3></summary><ol class=\"items\">"
            for item in group[.articles]?.arrayValue ?? [] {
                let meta = [item[.place]?.stringValue, item[.date]?.stringValue].compactMap { $0 }.joined(separator: " · ")
                page += "<li><p class=\"title\">\(HTML.escape(item[.title]?.stringValue ?? "（无标题）"))</p>"
                page += "<p class=\"meta\">\(HTML.escape(meta))"
                if let reprints = item[.reprints]?.intValue, reprints > 0 { page += " · <span class=\"reprints\">另有 \(reprints) 篇转载</span>" }
                page += " · <code>\(HTML.escape(item[.report]?.stringValue ?? ""))#\(item[.article]?.intValue ?? 0)</code></p>"
                if let evidence = item[.evidence]?.stringValue { page += "<blockquote>\(HTML.escape(evidence))</blockquote>" }
                page += "</li>"
            }
            page += "</ol></details>"
        }
        page += "</section></main></body></html>\n"
        return page
    }

    static func intervalName(_ interval: String?) -> String {
        switch interval {
        case "day": return "日"
        case "week": return "周"
        default: return "月"
        }
    }

    static let css = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.6 "Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f4}\
        main{max-width:1100px;margin:0 auto;padding:16px}h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.2rem;border-bottom:2px solid #2f6f9f;padding-bottom:4px}\
        h3{display:inline;font-size:1.05rem}.muted{color:#777;font-weight:normal}.summary{margin:.2em 0 1em}\
        .charts{display:flex;flex-wrap:wrap;gap:16px}.charts figure{flex:1 1 420px;min-width:0;margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px}\
        figcaption{font-weight:bold;margin-bottom:6px}svg.chart{width:100%;height:auto;display:block}svg text{font-size:12px;fill:#444}svg text.total{font-weight:bold}\
        .legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.85rem}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:4px;border-radius:2px}\
        .facts{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}\
        .facts li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px;display:flex;flex-direction:column;gap:4px}\
        .figure{font-size:1.4rem;font-weight:bold;color:#2f6f9f}.about{font-weight:bold}q{color:#444;font-size:.9rem}small{color:#777;overflow-wrap:anywhere}\
        details{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:10px 0}summary{cursor:pointer}\
        .items{padding-left:1.4em}.items li{margin:10px 0}.title{font-weight:bold;margin:0}.meta{margin:0;color:#666;font-size:.85rem;overflow-wrap:anywhere}\
        blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid #d9822b;color:#333;font-size:.92rem}.reprints{color:#a04000}\
        code{font-size:.8rem;color:#888}@media (max-width:600px){main{padding:8px}h1{font-size:1.2rem}.charts figure{flex-basis:100%}}
        """
}
