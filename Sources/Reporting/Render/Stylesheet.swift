extension SocialReportRenderer {
    /// The page's inline CSS: system fonts only (nothing fetched), readable on a phone, A4 in print.
    static let stylesheet = """
        :root { --ink: #1d2733; --muted: #5a6775; --brand: #1F4E79; --accent: #E09F00; --paper: #ffffff; --tint: #f3f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink); background: var(--paper); line-height: 1.5; }
        header.cover { background: var(--brand); color: #fff; padding: 3rem 2rem 2.5rem; }
        header.cover h1 { font-size: 2.4rem; margin: 0.2rem 0; line-height: 1.15; }
        .eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.85rem; margin: 0; opacity: 0.85; }
        .period { font-size: 1.15rem; margin: 0.2rem 0 1rem; }
        .lead { max-width: 46rem; font-size: 1.05rem; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 2rem; }
        h2 { color: var(--brand); font-size: 1.5rem; margin: 2.2rem 0 0.6rem; border-bottom: 2px solid var(--tint); padding-bottom: 0.3rem; }
        .step-number { display: inline-block; min-width: 2rem; height: 2rem; line-height: 2rem; text-align: center;
          border-radius: 50%; background: var(--accent); color: #1d2733; font-size: 1.1rem; margin-right: 0.3rem; }
        dl.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13.5rem, 1fr)); gap: 0.8rem; margin: 0; }
        .card { background: var(--tint); border-left: 4px solid var(--accent); padding: 0.8rem 1rem; border-radius: 4px; break-inside: avoid; }
        .card dt { font-size: 0.9rem; color: var(--muted); }
        .card dd { margin: 0.2rem 0 0; font-size: 1.4rem; white-space: nowrap; font-weight: 700; color: var(--brand); }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 600; color: var(--muted); padding-bottom: 0.3rem; }
        th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #dde3e9; }
        thead th { background: var(--tint); }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 1rem 0 0.3rem; break-inside: avoid; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        .grid { stroke: #dde3e9; stroke-width: 1; }
        .axis { font-size: 11px; fill: var(--muted); }
        figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.3rem; }
        .chart-title { font-weight: 600; margin-right: 1rem; }
        .legend { margin-right: 1rem; white-space: nowrap; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.05rem; }
        details.chart-data summary { cursor: pointer; color: var(--brand); font-size: 0.9rem; }
        .definitions dt { font-weight: 600; margin-top: 0.5rem; }
        .definitions dd { margin: 0 0 0.3rem; color: var(--muted); }
        footer { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; color: var(--muted); font-size: 0.85rem; }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          header.cover { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          details.chart-data { display: none; }
          section.step { break-inside: auto; }
          h2, .step > p { break-after: avoid; }
          table.figures, dl.cards, .definitions dd { break-inside: avoid; }
        }
        """
}
