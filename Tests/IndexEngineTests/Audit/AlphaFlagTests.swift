import Testing
@testable import IndexEngine

@Suite("Audit: Cronbach's alpha flags")
struct AlphaFlagTests {
    @Test("a group whose members move against each other has a negative alpha, flagged as such")
    func plantedNegative() throws {
        // X = [1, 2, 3, 4] and Y = [4, 1, 3, 1] under aggregate P. By hand:
        //   var X = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3; mean Y = 2.25, var Y = (3.0625 + 1.5625 + 0.5625 + 1.5625)/3 = 2.25;
        //   X + Y = [5, 3, 6, 5], mean 4.75, var = (0.0625 + 3.0625 + 1.5625 + 0.0625)/3 = 4.75/3;
        //   alpha = 2/(2 − 1)·(1 − (5/3 + 2.25)/(4.75/3)) = 2·(1 − 11.75/4.75) = −2.947368421052632
        // (numpy: k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1)) gives the same).
        let nodes = [AuditKit.indicator("X", parent: "P"), AuditKit.indicator("Y", parent: "P"), AuditKit.aggregate("P", level: 2)]
        let dataset = try AuditKit.dataset(nodes: nodes, columns: [[1, 2, 3, 4], [4, 1, 3, 1]])
        let steps: [BuildStep] = [.aggregate(Aggregate())]
        let report = try AuditReport.make(try AuditKit.build(dataset, steps), spec: AuditKit.spec(steps))
        let p = try #require(report.groups.first { $0.name == "P" })
        #expect(abs(p.alpha - -2.947368421052632) < 1e-12)
        #expect(p.alphaFlag == .negative)
    }

    @Test("alpha below 0.7 is low, from 0.7 up fine, NaN unjudged; the threshold can be changed")
    func thresholds() {
        #expect(AuditReport.Group.AlphaFlag.of(-0.29, threshold: 0.7) == .negative)
        #expect(AuditReport.Group.AlphaFlag.of(-0.0, threshold: 0.7) == .low)
        #expect(AuditReport.Group.AlphaFlag.of(0.66, threshold: 0.7) == .low)
        #expect(AuditReport.Group.AlphaFlag.of(0.7, threshold: 0.7) == nil)
        #expect(AuditReport.Group.AlphaFlag.of(0.89, threshold: 0.7) == nil)
        #expect(AuditReport.Group.AlphaFlag.of(.nan, threshold: 0.7) == nil)
        #expect(AuditReport.Group.AlphaFlag.of(0.66, threshold: 0.6) == nil)
        #expect(AuditThresholds().alpha == 0.7)
    }

    @Test("on ASEM, Sustainability's negative alpha (−0.29, numpy) and Physical's 0.66 are flagged; Social's 0.89 is not")
    func asem() throws {
        let (spec, _, result) = try AuditKit.asem()
        let groups = Dictionary(uniqueKeysWithValues: try AuditReport.make(result, spec: spec).groups.map { ($0.name, $0) })
        #expect(groups["Sust"]?.alphaFlag == .negative)
        #expect(groups["Physical"]?.alphaFlag == .low)
        #expect(groups["Social"]?.alphaFlag == nil)
    }
}
