using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// The console's page frame: one layout (navigation, skip link, the CSRF token in a meta tag for the scripts,
/// htmx configured without eval or inline styles so the strict CSP holds) and the encoding every value goes through.
/// </summary>
public static class ConsoleHtml
{
    public static readonly IReadOnlyList<(string Path, string Title)> Screens = [("accounts", "Accounts"), ("mapping", "Field mapping"), ("templates", "Presets and SMS templates"), ("history", "Run history")];

    private const string HtmxConfig = """{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true,"historyCacheSize":0}""";

    /// <summary>Text for an element or an attribute value (quotes encoded).</summary>
    public static string H(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>A whole page, answered with the console's headers (no-store: pages carry account data).</summary>
    public static ContentResult Page(HttpContext context, string current, string title, string body, params string[] scripts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ConsoleGate.SecureHeaders(context.Response);
        var csrf = ConsoleGate.CsrfToken(context);
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(H(title)).Append(" · RoezanGhl console</title>")
            .Append("<meta name=\"csrf-token\" content=\"").Append(H(csrf)).Append("\">")
            .Append("<meta name=\"htmx-config\" content=\"").Append(H(HtmxConfig)).Append("\">")
            .Append("<link rel=\"stylesheet\" href=\"assets/console.css\">")
            .Append("<script src=\"assets/vendor/htmx.min.js\" defer></script><script src=\"assets/console.js\" defer></script>");
        foreach (var script in scripts)
        {
            html.Append(script.EndsWith(".css", StringComparison.Ordinal) ? $"<link rel=\"stylesheet\" href=\"{H(script)}\">" : $"<script src=\"{H(script)}\" defer></script>");
        }

        html.Append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header><p class=\"brand\">RoezanGhl console</p><nav aria-label=\"Console\"><ul>");
        foreach (var (path, name) in Screens)
        {
            html.Append("<li><a href=\"").Append(path).Append('"').Append(path == current ? " aria-current=\"page\"" : string.Empty).Append('>').Append(H(name)).Append("</a></li>");
        }

        html.Append("</ul></nav></header><main id=\"main\"><h1>").Append(H(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return new ContentResult { StatusCode = 200, ContentType = "text/html; charset=utf-8", Content = html.ToString() };
    }

    /// <summary>A piece of a page for htmx to swap in, with the same headers as a page.</summary>
    public static ContentResult Fragment(HttpResponse response, string html, int status = 200)
    {
        ConsoleGate.SecureHeaders(response);
        return new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = html };
    }
}
