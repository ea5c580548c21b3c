import AttentionCore
import Rendering
import Training

extension LabState {
    /// What the lab shows for a view whose divisor is `scale` × `alpha`: the current plan's runs as
    /// far as the trainer has published them (empty curves until it has), and the grid while open.
    func picture(scale: ScalePolicy, alpha: Double) -> LabView {
        let plan = plan(scale: scale, alpha: alpha)
        let shown = progress?.plan == plan ? progress : nil
        let names = ["none", "√d_k", "d_k", "yours"]
        let runs = plan.runs.enumerated().map { index, settings in
            let record = shown?.records[safe: index]
            return LabView.Run(
                name: "\(names[index]) s=\(ParameterSteps.format(settings.divisor))",
                losses: record?.losses ?? [], gradientNorms: record?.gradientNorms ?? [],
                verdict: record.map { $0.verdict.rawValue } ?? "starting",
                attention: shown?.attention[safe: index] ?? [], n: settings.task.n)
        }
        return LabView(
            runs: runs, steps: plan.runs.first?.task.steps ?? 0, settings: settingsLine, note: note,
            paused: paused, grid: gridOpen ? gridPicture : nil)
    }

    /// The grid's tables with the runs finished so far.
    private var gridPicture: TransferGridView {
        let plan = gridPlan
        let losses = gridProgress?.plan == plan ? gridProgress?.finalLosses ?? [:] : [:]
        let rates = optimizer.gridLearningRates
        let table = GridPlan.policies.indices.map { policy in
            GridPlan.dks.indices.map { row in
                rates.indices.map { column in
                    losses[(row * GridPlan.policies.count + policy) * rates.count + column]
                }
            }
        }
        return TransferGridView(
            policies: GridPlan.policies.map { $0 == .sqrtDk ? "√d_k" : $0 == .dk ? "d_k" : "none (s=1)" },
            dks: GridPlan.dks, learningRates: rates, finalLoss: table, done: losses.count,
            total: plan.grid.runs.count)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
