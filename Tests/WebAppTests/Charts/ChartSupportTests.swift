import Testing
@testable import WebApp

@Suite("Chart support")
struct ChartSupportTests {
    @Test("coordinates are rounded to two decimals without trailing zeros or -0")
    func coordinates() {
        #expect(ChartFormat.coordinate(150) == "150")
        #expect(ChartFormat.coordinate(12.5) == "12.5")
        #expect(ChartFormat.coordinate(99.999) == "100")
        #expect(ChartFormat.coordinate(0.125) == "0.13")
        #expect(ChartFormat.coordinate(-3.256) == "-3.26")
        #expect(ChartFormat.coordinate(-0.001) == "0")
        #expect(ChartFormat.coordinate(-0.0) == "0")
        #expect(ChartFormat.coordinate(.nan) == "0")
        #expect(ChartFormat.fixed(68.384, decimals: 1) == "68.4")
        #expect(ChartFormat.fixed(2.5, decimals: 0) == "3")
        #expect(ChartFormat.fixed(1e20, decimals: 2) == "1e+20")
    }

    @Test("every meaningful colour has at least 4.5:1 contrast against white")
    func contrast() {
        for colour in ChartPalette.meaningful {
            #expect(ChartPalette.contrastAgainstWhite(colour) >= 4.5, "\(colour)")
        }
        #expect(abs(ChartPalette.contrastAgainstWhite("#000000") - 21) < 1e-9)
        #expect(abs(ChartPalette.contrastAgainstWhite("#767676") - 4.54) < 0.01)
    }

    @Test("ids are deterministic, differ with the data and are cleaned when given")
    func ids() {
        let a = ChartSVG.id(explicit: nil, prefix: "bar", seed: "x")
        #expect(a == ChartSVG.id(explicit: nil, prefix: "bar", seed: "x"))
        #expect(a != ChartSVG.id(explicit: nil, prefix: "bar", seed: "y"))
        #expect(a.hasPrefix("bar-") && a.count == 20)
        #expect(ChartSVG.id(explicit: "pillars chart <1>", prefix: "bar", seed: "") == "pillarschart1")
        #expect(ChartSVG.id(explicit: "9lives", prefix: "bar", seed: "") == "bar-9lives")
    }

    @Test("truncation and lists")
    func text() {
        #expect(ChartFormat.truncate("abcdef", to: 4) == "abc…")
        #expect(ChartFormat.truncate("abc", to: 4) == "abc")
        #expect(ChartFormat.list(["a", "b", "c"], and: " and ") == "a, b and c")
        #expect(ChartFormat.labelLimit(forWidth: 180) == 24)
        #expect(ChartFormat.labelLimit(forWidth: 0) == 4)
        #expect(ChartFormat.labelLimit(forWidth: .infinity) == 4)
    }

    @Test("the test helper rejects malformed XML")
    func helper() {
        #expect(!parseSVG("<svg><g></svg>").wellFormed)
        #expect(!parseSVG("<svg>Tom & Jerry</svg>").wellFormed)
        #expect(parseSVG("<svg><g/></svg>").wellFormed)
        #expect(isPlainNumber("150") && isPlainNumber("-3.25") && !isPlainNumber("1.50") && !isPlainNumber("-0") && !isPlainNumber("1.234") && !isPlainNumber("1e5"))
    }
}
