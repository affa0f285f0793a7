/// Every time point of a panel input, each as a dataset of its own.
///
/// Each dataset is exactly what loading the input with `time` set to its time point gives: the
/// units with a row at that time, and the panel of their values at every time for imputation.
/// Years may therefore differ in their units; a unit absent one year is simply not built that year.
public struct PanelDataset: Sendable, Equatable {
    /// The time points, ascending; empty when the input has no time column.
    public var times: [Int]
    /// One dataset per time point, in the order of `times` (a single dataset without a time column).
    public var datasets: [Dataset]

    /// Creates a panel dataset.
    public init(times: [Int], datasets: [Dataset]) {
        self.times = times
        self.datasets = datasets
    }

    /// The dataset at `time`, if the input has that time point.
    public func dataset(at time: Int) -> Dataset? {
        times.firstIndex(of: time).map { datasets[$0] }
    }
}
