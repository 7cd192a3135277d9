import TerminalUI

/// Where the dashboard's panels go, from what each panel asks for: the
/// `main` band on top keeps its minimum and takes what is left, the `row`
/// band in the middle takes about half the height (more if a panel would
/// like more and the others keep their minimum), the `footer` band at the
/// bottom takes the rows its panels would like, up to a third of the height.
/// Panels of one band sit side by side, two columns apart.
enum DashboardLayout {
    /// Each of `panels` with its rectangle inside `body`, band by band, in the
    /// lesson's order within a band. Rectangles never overlap; on a small body
    /// the last ones get fewer rows, or none.
    static func place(_ panels: [any DashboardPanel], _ context: PanelContext, in body: Rect) -> [(any DashboardPanel, Rect)] {
        let bands = PanelPlacement.allCases.map { place in panels.filter { $0.placement == place } }
        let (main, row, footer) = (bands[0], bands[1], bands[2])
        let requests = bands.map { $0.map { $0.rows(context) } }
        let mainRows = requests[0].map(\.minimum).max() ?? 0
        var footerRows = 0
        if !footer.isEmpty {
            let wanted = requests[2].map { $0.preferred ?? $0.minimum }.max() ?? 0
            footerRows = min(wanted, max(requests[2].map(\.minimum).max() ?? 0, body.height / 3))
        }
        var constraints: [Constraint] = []
        var placed: [[any DashboardPanel]] = []
        if !main.isEmpty {
            constraints.append(.min(mainRows))
            placed.append(main)
        }
        if !row.isEmpty {
            if main.isEmpty {
                constraints.append(.min(1))
            } else {
                let share = body.height * (body.height >= 30 ? 50 : 42) / 100
                let wanted = requests[1].compactMap(\.preferred).max() ?? 0
                let needed = requests[1].map(\.minimum).max() ?? 0
                constraints.append(.fixed(max(share, needed, min(wanted, body.height - mainRows - footerRows))))
            }
            placed.append(row)
        }
        if !footer.isEmpty {
            constraints.append(.fixed(footerRows))
            placed.append(footer)
        }
        var out: [(any DashboardPanel, Rect)] = []
        for (band, rect) in zip(placed, body.split(.down, constraints)) {
            let cells = rect.split(.across, band.map { band.count > 1 ? $0.width : .min(1) }, spacing: 2)
            out += zip(band, cells).map { ($0, $1) }
        }
        return out
    }
}
