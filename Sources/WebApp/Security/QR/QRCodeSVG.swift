extension QRCode {
    /// The light margin readers need around the symbol, in modules.
    public static let quietZone = 4

    /// The code as an inline SVG: one path of unit squares on a white square with the quiet
    /// zone, scaled to `pixels` on screen; crisp edges so that scaling does not blur modules.
    public func svg(pixels: Int = 240, label: String) -> String {
        let extent = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            for x in 0..<size where self[x, y] { path += "M\(x + Self.quietZone) \(y + Self.quietZone)h1v1h-1z" }
        }
        return ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(extent) \##(extent)" width="\##(pixels)" height="\##(pixels)" shape-rendering="crispEdges" role="img" aria-label="\##(Markup.escape(label))">"##
            + ##"<rect width="\##(extent)" height="\##(extent)" fill="#fff"/><path fill="#000" d="\##(path)"/></svg>"##
    }
}
