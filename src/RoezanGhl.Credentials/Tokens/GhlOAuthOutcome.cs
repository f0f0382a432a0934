using System.Globalization;
using System.Net;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// What an OAuth install step answers the browser: a redirect to HighLevel, or a short page. Everything
/// shown is HTML-encoded, GHL's words included.
/// </summary>
/// <param name="StatusCode">The HTTP status (302 with <paramref name="RedirectTo"/>).</param>
/// <param name="Title">The page heading.</param>
/// <param name="Detail">One or two sentences: what happened and what to do.</param>
/// <param name="RedirectTo">Where to send the browser, for the start step.</param>
/// <param name="LocationId">The location that was connected, on success.</param>
public sealed record GhlOAuthOutcome(int StatusCode, string Title, string Detail, Uri? RedirectTo = null, string? LocationId = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 400;

    public string ToHtml()
    {
        var title = WebUtility.HtmlEncode(Title);
        var detail = WebUtility.HtmlEncode(Detail);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{{title}} - RoezanGhl</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}h1{font-size:1.4rem}</style>
            </head>
            <body>
            <h1>{{title}}</h1>
            <p>{{detail}}</p>
            </body>
            </html>
            """);
    }
}
