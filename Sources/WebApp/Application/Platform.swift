import Awards
import Foundation
import IndexEngine
import ServiceLifecycle

/// The storage the platform needs: the programme, accounts and sessions, and the library.
public typealias PlatformStore = AwardsStore & AccountStore & LibraryStore & ChangeObservable

/// Everything the pages and the API read: the index with its audit and uncertainty analysis,
/// and the programme's store.
public struct Platform: Sendable {
    /// The index shown on the rankings pages.
    public let index: IndexView
    /// Its audit (reliability and structure).
    public let audit: AuditReport
    /// Its sensitivity analysis, when an analysis file was given.
    public let sensitivity: SensitivityAnalysis?
    /// The awards programme's data.
    public let store: any PlatformStore
    /// The public responses built from the store, kept until its data change.
    let responses = PublicResponses()
    /// The published editions of the Intelligent Community Index, scored once.
    let communityIndex = CommunityIndexCache()
    /// What must run beside the server for the store to work (PostgreSQL's connection pool).
    var services: [any Service] = []
    /// Makes the store ready once `services` run, before the server takes requests.
    var prepare: @Sendable () async throws(AwardsError) -> Void = {}

    /// Loads the index and opens the store named by `configuration`.
    public static func load(_ configuration: WebConfiguration) throws -> Platform {
        let spec = try BuildSpec.read(path: configuration.indexSpec)
        let directory = (configuration.indexSpec as NSString).deletingLastPathComponent
        let (dataset, _) = try BuildInputs.load(spec, relativeTo: directory.isEmpty ? "." : directory)
        let build = try IndexBuild.run(dataset, spec: spec)
        var sensitivity: SensitivityAnalysis?
        if let path = configuration.analysis {
            sensitivity = try SensitivityAnalysis.run(build, spec: spec, analysis: try AnalysisSpec.read(path: path))
        }
        let database = try PlatformDatabase(configuration.database).open()
        return Platform(
            index: IndexView(build: build, spec: spec, uncertainty: sensitivity?.uncertainty),
            audit: try AuditReport.make(build, spec: spec), sensitivity: sensitivity,
            store: database.store, services: database.services, prepare: database.prepare)
    }
}
