/// Renders a social report as JSON, CSV or one self-contained HTML page. Pure: returns text.
public enum SocialReportRenderer {
    /// The report as JSON with exactly the keys, in the reference report's order: counts as
    /// integers, money as strings with two decimals, `arrangements.meanMonths` with one decimal,
    /// shares (`international.share`, `csat`) as fractions with four decimals; an undefined mean or
    /// share (nothing to divide by) is `null`.
    public static func json(_ report: SocialReport) -> String {
        var lines = ["{"]
        var groups: [(name: String, members: [ReportFigure])] = []
        for figure in report.figures {
            let name = String(figure.key.split(separator: ".")[0])
            if let last = groups.last, last.name == name {
                groups[groups.count - 1].members.append(figure)
            } else {
                groups.append((name, [figure]))
            }
        }
        for (index, group) in groups.enumerated() {
            let comma = index < groups.count - 1 ? "," : ""
            if group.members.count == 1, !group.members[0].key.contains(".") {
                lines.append("  \"\(group.name)\": \(jsonValue(group.members[0].value))\(comma)")
                continue
            }
            lines.append("  \"\(group.name)\": {")
            for (position, member) in group.members.enumerated() {
                let leaf = member.key.split(separator: ".").last!
                let memberComma = position < group.members.count - 1 ? "," : ""
                lines.append("    \"\(leaf)\": \(jsonValue(member.value))\(memberComma)")
            }
            lines.append("  }\(comma)")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func jsonValue(_ value: FigureValue) -> String {
        guard let text = value.plainText else { return "null" }
        switch value {
        case .money, .meanMoney: return "\"\(text)\""
        case .count, .mean, .share: return text
        }
    }

    /// The report as CSV, one figure per row: `key,value,reference,deviationPercent`. Values are in
    /// the JSON's plain form; reference and deviation are empty without a reference (or where the
    /// reference has no such figure). Lines end with CRLF (RFC 4180); no value needs quoting.
    public static func csv(_ report: SocialReport, reference: ReferenceFigures? = nil) -> String {
        var lines = ["key,value,reference,deviationPercent"]
        for row in (reference ?? ReferenceFigures(name: "", entries: [:])).compare(report) {
            lines.append(
                [
                    row.key, row.value.plainText ?? "", row.reference?.value.plainText ?? "",
                    row.deviationTenthsOfPercent.map { Ratio.text(scaled: $0, decimals: 1, separator: ".") } ?? "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
