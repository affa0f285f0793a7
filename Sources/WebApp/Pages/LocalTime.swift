import Hummingbird

/// The platform's one script: it rewrites each `<time class="local" datetime="…">`, which the
/// server writes in the cycle's time zone, to the viewer's own zone in the page's language (its
/// `<html lang>`, not the browser's: a French page shows French months), keeping the server's
/// text as the tooltip. Served from the platform itself, so that the content security
/// policy (`default-src 'self'`, no inline script) admits it; pages read right without it.
enum LocalTime {
    /// Where the script is served.
    static let path = "/assets/local-time.js"

    static let script = """
        "use strict";
        document.querySelectorAll("time.local[datetime]").forEach(function (element) {
          var when = new Date(element.getAttribute("datetime"));
          if (isNaN(when.getTime())) { return; }
          element.title = element.textContent;
          element.textContent = when.toLocaleString(document.documentElement.lang || undefined, {
            day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
          });
        });

        """

    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>) {
        routes.get(path, access: .everyone, summary: "The script that shows deadlines in the viewer's own time zone") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: script)))
        }
    }
}
