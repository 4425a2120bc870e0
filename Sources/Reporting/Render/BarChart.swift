extension SocialReportRenderer {
    /// Series colours: dark blue, amber, green; distinguishable in grey print and for the common
    /// colour-vision deficiencies, and named in the legend and table.
    static let seriesColours = ["#1F4E79", "#E09F00", "#4F8A4B"]

    /// A grouped bar chart of `chart` per month as inline SVG, with its data table beside it.
    static func barChart(_ chart: ReportChart, _ report: SocialReport, id: String, _ page: inout HTMLPage) {
        let language = page.language
        let series = chart.series(report, language)
        let months = report.monthly.map(\.month)
        let spansYears = Set(months.map(\.year)).count > 1
        let monthLabels = months.map { language.shortMonth($0.month) + (spansYears ? " \($0.year % 100)" : "") }
        let maximum = max(1, series.flatMap(\.values).max() ?? 1)
        let step = niceCeiling((maximum + 3) / 4)
        let gridSteps = Int((maximum + step - 1) / step)
        let top = step * Int64(gridSteps)
        let (width, height, left, right, topMargin, bottom) = (720, 260, 64, 12, 12, 28)
        let plotWidth = width - left - right
        let plotHeight = height - topMargin - bottom
        let groupWidth = Double(plotWidth) / Double(max(1, months.count))
        let barWidth = groupWidth * 0.8 / Double(series.count)
        let title = chart.title(language)
        let total = series.map { "\($0.label) " + language.count($0.values.reduce(0, +)) }.joined(separator: ", ")

        page.open("figure", ["class": "chart"])
        page.open(
            "svg",
            [
                "viewBox": "0 0 \(width) \(height)", "role": "img", "aria-labelledby": "\(id)-title \(id)-desc",
                "width": "100%", "preserveAspectRatio": "xMidYMid meet",
            ])
        page.element("title", title, ["id": "\(id)-title"])
        page.element(
            "desc", language.pick("Totaal in de periode: ", "Total in the period: ") + total, ["id": "\(id)-desc"])
        for line in 0...gridSteps {
            let value = step * Int64(line)
            let y = Double(topMargin) + Double(plotHeight) * (1 - Double(line) / Double(gridSteps))
            page.empty(
                "line", ["x1": "\(left)", "x2": "\(width - right)", "y1": format(y), "y2": format(y), "class": "grid"])
            page.element(
                "text", language.count(value),
                ["x": "\(left - 6)", "y": format(y + 4), "class": "axis", "text-anchor": "end"])
        }
        for (monthIndex, label) in monthLabels.enumerated() {
            let groupLeft = Double(left) + groupWidth * Double(monthIndex) + groupWidth * 0.1
            for (seriesIndex, item) in series.enumerated() {
                let value = item.values[monthIndex]
                let barHeight = Double(plotHeight) * Double(value) / Double(top)
                page.open(
                    "rect",
                    [
                        "x": format(groupLeft + barWidth * Double(seriesIndex)),
                        "y": format(Double(topMargin + plotHeight) - barHeight),
                        "width": format(barWidth), "height": format(barHeight),
                        "fill": seriesColours[seriesIndex % seriesColours.count],
                    ])
                page.element("title", "\(label), \(item.label): \(language.count(value))")
                page.close("rect")
            }
            page.element(
                "text", label,
                [
                    "x": format(Double(left) + groupWidth * (Double(monthIndex) + 0.5)), "y": "\(height - 8)",
                    "class": "axis",
                    "text-anchor": "middle",
                ])
        }
        page.close("svg")
        page.open("figcaption")
        page.element("span", title, ["class": "chart-title"])
        for (seriesIndex, item) in series.enumerated() {
            page.open("span", ["class": "legend"])
            page.element(
                "span", "",
                [
                    "class": "swatch", "style": "background:\(seriesColours[seriesIndex % seriesColours.count])",
                    "aria-hidden": "true",
                ])
            page.text(item.label)
            page.close("span")
        }
        page.close("figcaption")
        page.close("figure")
        chartTable(title, series, monthLabels, &page)
    }

    /// The chart's numbers as a table: the text alternative for screen readers and print.
    private static func chartTable(
        _ title: String, _ series: [(label: String, values: [Int64])], _ monthLabels: [String],
        _ page: inout HTMLPage
    ) {
        let language = page.language
        page.open("details", ["class": "chart-data"])
        page.element("summary", language.pick("Tabel bij de grafiek", "Table of the chart"))
        page.open("table")
        page.element("caption", title)
        page.open("thead")
        page.open("tr")
        page.element("th", language.pick("Maand", "Month"), ["scope": "col"])
        for item in series { page.element("th", item.label, ["scope": "col", "class": "number"]) }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for (index, label) in monthLabels.enumerated() {
            page.open("tr")
            page.element("th", label, ["scope": "row"])
            for item in series { page.element("td", language.count(item.values[index]), ["class": "number"]) }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("details")
    }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `value`, so the axis has round steps.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var power: Int64 = 1
        while power * 10 < value { power *= 10 }
        return ([1, 2, 5, 10] as [Int64]).first { power * $0 >= value }! * power
    }

    /// A coordinate with at most one decimal.
    static func format(_ coordinate: Double) -> String {
        let tenths = Int((coordinate * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : Ratio.text(scaled: Int64(tenths), decimals: 1, separator: ".")
    }
}
