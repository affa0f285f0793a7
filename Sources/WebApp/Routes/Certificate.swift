import Awards
import Foundation

/// A certificate of recognition: a one-page A4 document naming a community and the stage it
/// reached in a year — the Smart21, the Top7 or Community of the Year —, in the page's language.
///
/// It exists only for a recognition the public record holds (`CommunityDirectory` is built
/// from `PublicRecord`, which shows a platform cycle's stage only once announced), so a
/// certificate cannot be printed, nor its address probed, before the recognition is public.
enum Certificate {
    /// The page context of `profile`'s certificate for `year`, nil when the community has no
    /// public recognition that year.
    static func context(_ profile: CommunityDirectory.Profile, year: Int, pages: Pages) -> [String: Any]? {
        guard let stage = profile.history?.stages[year] else { return nil }
        let community = profile.community
        let stageName = pages.phrase("stages." + stage.rawValue)
        let named = stage == .communityOfTheYear
            ? pages.phrase("certificate.namedWinner", ["year": String(year)])
            : pages.phrase("certificate.named", ["stage": stageName, "year": String(year)])
        return [
            "title": pages.phrase("certificate.title", ["community": community.name, "stage": stageName, "year": String(year)]),
            "bodyClass": "certificate-page",
            "name": community.name, "country": community.country, "id": community.id,
            "named": named, "meaning": pages.phrase("certificate." + stage.rawValue),
            "issued": pages.phrase("certificate.issued", ["date": pages.format.date(Date())]),
            "verify": pages.phrase("certificate.verify", ["link": "/communities/\(community.id)"]),
            "synthetic": profile.synthetic, "syntheticNote": pages.phrase("profile.synthetic"),
        ]
    }
}
