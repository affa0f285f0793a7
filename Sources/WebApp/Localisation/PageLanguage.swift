import Awards
/// The language of the page being made, and the address it is made for (to which the header's
/// language switcher leads back), for the request being answered.
///
/// A task-local value, bound once per request by `LanguageChoice`, so that every page, error
/// page and kept public page reads the same choice without each handler passing it on.
struct PageLanguage: Sendable, Equatable {
    /// The language the page is shown in.
    var language: Language
    /// The path and query of the request, to come back to after switching language.
    var here: String

    /// The page language of the request being answered: English at `/` outside any request.
    @TaskLocal static var current = PageLanguage(language: .en, here: "/")
}
