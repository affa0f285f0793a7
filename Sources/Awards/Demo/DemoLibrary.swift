/// Case studies for the library of the demo cycle, invented like its communities.
///
/// Every case study is written by one of `DemoCycle`'s invented communities (their names end in
/// "(synthetic)"), says so in its summary, and describes a made-up practice; none describes a real
/// place. The same demo cycle always gives the same case studies.
public enum DemoLibrary {
    /// The account id the demo case studies are written by.
    public static let author = "demo-editor"

    /// An outline of a practice: title (after the community's name), summary and paragraphs, with
    /// `{name}` standing for the community's name.
    private struct Outline {
        var factors: [String]
        var title: String
        var summary: String
        var paragraphs: [String]
    }

    /// Up to `count` published case studies by the demo cycle's strongest nominations, one outline
    /// each, in the order of the outlines.
    public static func caseStudies(from demo: DemoCycle, count: Int = 12) -> [CaseStudy] {
        let authors = demo.nominations
            .sorted { (demo.quality[$0.id] ?? 0, $1.id) > (demo.quality[$1.id] ?? 0, $0.id) }
            .prefix(min(count, outlines.count))
        let year = demo.cycle.year - 1
        return authors.enumerated().map { i, nomination in
            let outline = outlines[i]
            let name = nomination.community
            let fill = { (text: String) in text.replacingName(with: name) }
            let title = "\(name): " + fill(outline.title)
            let month = threeDigits(1 + i % 12).suffix(2)
            return CaseStudy(
                id: CaseStudy.slug(title), communityName: name, country: nomination.country, title: title,
                summary: fill(outline.summary) + " This is an invented example for demonstrations.",
                body: outline.paragraphs.map(fill).joined(separator: "\n\n") + "\n\nThe community, its people and its figures are synthetic.",
                factors: outline.factors, year: year, state: .published, published: "\(year)-\(month)-15", author: author)
        }
    }

    private static let outlines: [Outline] = [
        Outline(
            factors: ["Connect", "Include"], title: "a fibre co-operative owned by its subscribers",
            summary: "{name} formed a co-operative that laid open-access fibre to every household in the district.",
            paragraphs: [
                "When the national carriers declined to upgrade the rural exchanges, {name} asked residents to buy a share in a co-operative of their own. Within eighteen months it had enough members to borrow against the subscriptions.",
                "The co-operative owns the ducts and the passive network and leases capacity to any provider on equal terms, so households choose among several retail offers.",
                "Broadband take-up rose from a third of households to nearly all of them, and the co-operative now pays a small dividend that funds digital skills classes.",
            ]),
        Outline(
            factors: ["Work", "Innovate"], title: "an apprenticeship ladder from school to software",
            summary: "{name} joined its college and employers in paid apprenticeships that lead from secondary school to software jobs.",
            paragraphs: [
                "Employers in {name} could not hire enough developers, while many school leavers moved away. The college and twelve firms agreed on a shared curriculum and a wage for apprentices.",
                "Apprentices spend three days a week with an employer and two at the college, and mentors from the firms teach evening modules.",
                "Most apprentices stayed with their employer after qualifying, and two of them have since founded companies of their own.",
            ]),
        Outline(
            factors: ["Innovate"], title: "a maker space in the old railway depot",
            summary: "{name} turned a disused railway depot into a shared workshop with laser cutters, 3D printers and a small business incubator.",
            paragraphs: [
                "The depot had stood empty for a decade. {name} leased it for a nominal rent to a trust that fitted it out with shared tools.",
                "Members pay a monthly fee scaled to income; start-ups in the incubator get desk space and advice from retired engineers.",
                "The space hosts school visits every week and has become the place where local firms test prototypes before they order tooling.",
            ]),
        Outline(
            factors: ["Engage"], title: "participatory budgeting on a phone",
            summary: "{name} let residents propose and vote on a share of the capital budget through a simple mobile service and paper ballots at libraries.",
            paragraphs: [
                "Each spring, residents of {name} propose small projects: crossings, playgrounds, Wi-Fi in community halls. Officers check cost and feasibility in public.",
                "Voting runs for two weeks on phones and on paper at every library, so people without a smartphone take part on equal terms.",
                "Turnout grew each year, and councillors now report on every funded project at the next round of proposals.",
            ]),
        Outline(
            factors: ["Include", "Connect"], title: "devices and data for every household on benefits",
            summary: "{name} lent refurbished laptops with a year of mobile data to households on low incomes, with a helpline run by volunteers.",
            paragraphs: [
                "Many families in {name} relied on a single phone for school work, job applications and health appointments.",
                "Firms donated retired laptops, which a social enterprise refurbished and wiped; the council paid for data plans negotiated in bulk.",
                "Volunteers answer a helpline in four languages, and libraries run drop-in sessions for those who prefer to learn in person.",
            ]),
        Outline(
            factors: ["Sustain", "Innovate"], title: "sensors that cut the heating bill of public buildings",
            summary: "{name} fitted schools and offices with low-cost sensors and tuned their heating to when rooms are actually in use.",
            paragraphs: [
                "Heating was the largest energy cost of {name}'s public buildings, and most of it warmed empty rooms.",
                "A local firm installed wireless temperature and occupancy sensors; the data feed an open dashboard that caretakers and pupils can read.",
                "Energy use in the buildings fell by about a fifth, and pupils use the data in science lessons.",
            ]),
        Outline(
            factors: ["Work", "Include"], title: "remote-work hubs in village halls",
            summary: "{name} opened small co-working hubs with fast broadband in village halls so that people can work remotely without a long commute.",
            paragraphs: [
                "Many residents of {name} commuted two hours a day for office jobs that could be done from anywhere with a good connection.",
                "The council upgraded the connections of five village halls and furnished them as shared offices with bookable desks.",
                "The hubs also host advice sessions for small businesses and have kept young families in villages that were losing them.",
            ]),
        Outline(
            factors: ["Engage", "Connect"], title: "an open data portal that residents actually use",
            summary: "{name} published its budgets, planning applications and bus times as open data and asked residents which data sets to release next.",
            paragraphs: [
                "{name} had published data before, as spreadsheets nobody could find. This time it started by asking residents what they wanted to know.",
                "Each data set has a plain-language page, a map where it makes sense, and a named officer who answers questions.",
                "A student team built a bus arrival app from the feed, and the council now uses the portal's statistics in its own reports.",
            ]),
        Outline(
            factors: ["Sustain", "Engage"], title: "a repair café network",
            summary: "{name} supported volunteers who repair electronics, bicycles and clothes for free in monthly cafés across the district.",
            paragraphs: [
                "Volunteers in {name} started with one café in a church hall; the council paid for tools, insurance and publicity.",
                "Repairers log each item and its fate, so the network can report how much waste it keeps out of landfill.",
                "The cafés also train young people in basic electronics, and several have gone on to technical courses.",
            ]),
        Outline(
            factors: ["Innovate", "Work"], title: "a university spin-out fund",
            summary: "{name} set up a small fund with its university to help researchers turn their work into companies that stay in the region.",
            paragraphs: [
                "Research at the university in {name} was strong, but spin-outs tended to move to the capital for their first investment.",
                "The fund offers early grants on the condition that the company keeps its main office locally for five years.",
                "The first companies work on crop sensing, medical imaging and language software, and employ graduates of the university.",
            ]),
        Outline(
            factors: ["Include", "Engage"], title: "digital champions in every neighbourhood",
            summary: "{name} trained residents as digital champions who help neighbours with online services, in their own language.",
            paragraphs: [
                "Online forms had replaced counters at the town hall of {name}, and many older residents were left behind.",
                "Champions are volunteers who get training, a small allowance and a tablet; they meet neighbours in cafés, clinics and homes.",
                "Calls to the council's help line fell, and the champions pass on what confuses people so that forms get simpler.",
            ]),
        Outline(
            factors: ["Connect", "Sustain"], title: "smart street lighting on a shared wireless network",
            summary: "{name} replaced its street lights with LED lamps on a low-power wireless network that also carries data from environmental sensors.",
            paragraphs: [
                "{name} needed to replace ageing street lights and chose lamps that dim when streets are empty and report faults themselves.",
                "The same low-power network carries readings from air-quality and flood sensors, published on the open data portal.",
                "Electricity for lighting fell by more than half, and flood warnings now reach residents earlier.",
            ]),
    ]
}

extension String {
    /// The text with every `{name}` replaced by `name`.
    fileprivate func replacingName(with name: String) -> String {
        split(separator: "{name}", omittingEmptySubsequences: false).joined(separator: name)
    }
}
