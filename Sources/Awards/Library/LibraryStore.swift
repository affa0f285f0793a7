/// Where the best-practice library keeps its case studies.
public protocol LibraryStore: Sendable {}
