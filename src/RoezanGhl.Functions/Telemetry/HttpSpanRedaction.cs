using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry.Instrumentation.Http;
using RoezanGhl.Ghl.Http;

namespace RoezanGhl.Functions.Telemetry;

/// <summary>
/// Keeps personal data out of outgoing HTTP spans. GHL's URLs carry phones and emails in query strings
/// (<c>/contacts/search/duplicate?number=…&amp;email=…</c>) and ids in paths: the span's <c>url.full</c> keeps
/// scheme, host and path with every query value replaced by <see cref="Redacted"/>; when the client named the
/// request's route template (<see cref="HttpUrlTemplate"/>), the span is named <c>{method} {template}</c> and the
/// path is the template too, so no contact id, phone or email reaches the span.
/// </summary>
public static class HttpSpanRedaction
{
    public const string Redacted = "REDACTED";

    /// <summary>The <c>url.full</c> attribute the HTTP instrumentation sets.</summary>
    public const string UrlTag = "url.full";

    /// <summary>The <c>url.query</c> attribute (not set by default; removed in case a later version sets it).</summary>
    public const string QueryTag = "url.query";

    /// <summary>The route template attribute (OpenTelemetry's <c>url.template</c>).</summary>
    public const string TemplateTag = "url.template";

    private const string MethodTag = "http.request.method";

    /// <summary>A parenthesized key in a path: Table storage's <c>(PartitionKey='…',RowKey='…')</c>.</summary>
    private static readonly Regex EntityKey = new(@"\([^)]*\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Configure(HttpClientTraceInstrumentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnrichWithHttpRequestMessage = (activity, request) => Redact(activity, request.RequestUri, HttpUrlTemplate.Of(request));
    }

    /// <summary>
    /// Replaces the span's URL with <see cref="RedactUrl"/>'s (the path replaced by <paramref name="template"/> when
    /// there is one), drops any query attribute, and names the span after the template.
    /// </summary>
    public static void Redact(Activity activity, Uri? uri, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (uri is null)
        {
            return;
        }

        activity.SetTag(QueryTag, null);
        activity.SetTag(UrlTag, RedactUrl(uri, template));
        if (template is null)
        {
            return;
        }

        activity.SetTag(TemplateTag, template);
        activity.DisplayName = $"{activity.GetTagItem(MethodTag) ?? "HTTP"} {template}";
    }

    /// <summary>
    /// <paramref name="uri"/> without user info or fragment, its path replaced by <paramref name="template"/> when
    /// given, each query value <see cref="Redacted"/> (names kept).
    /// </summary>
    public static string RedactUrl(Uri uri, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return Redacted;
        }

        var left = template is null
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + template;
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return left;
        }

        var names = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0] + "=" + Redacted);
        return left + "?" + string.Join('&', names);
    }

    /// <summary>
    /// A URL already in text (a span attribute): parenthesized entity keys in the path and every query value become
    /// <see cref="Redacted"/>; route templates (<c>{contactId}</c>) and query names stay. Applying it twice changes nothing.
    /// </summary>
    public static string RedactUrlText(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = EntityKey.Replace(question < 0 ? url : url[..question], "(" + Redacted + ")");
        if (question < 0)
        {
            return path;
        }

        var names = url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0] + "=" + Redacted);
        return path + "?" + string.Join('&', names);
    }
}
