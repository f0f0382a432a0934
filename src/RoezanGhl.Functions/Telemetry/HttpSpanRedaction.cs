using System.Diagnostics;
using OpenTelemetry.Instrumentation.Http;

namespace RoezanGhl.Functions.Telemetry;

/// <summary>
/// Keeps personal data out of outgoing HTTP spans. GHL's URLs carry phones and emails in query strings
/// (<c>/contacts/search/duplicate?number=…&amp;email=…</c>) and ids in paths: the span's <c>url.full</c> keeps
/// scheme, host and path with every query value replaced by <see cref="Redacted"/>, and the span's name stays the
/// instrumentation's <c>{method}</c> (it never holds the URL).
/// </summary>
public static class HttpSpanRedaction
{
    public const string Redacted = "REDACTED";

    /// <summary>The <c>url.full</c> attribute the HTTP instrumentation sets.</summary>
    public const string UrlTag = "url.full";

    /// <summary>The <c>url.query</c> attribute (not set by default; removed in case a later version sets it).</summary>
    public const string QueryTag = "url.query";

    public static void Configure(HttpClientTraceInstrumentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnrichWithHttpRequestMessage = (activity, request) => Redact(activity, request.RequestUri);
    }

    /// <summary>Replaces the span's URL with <see cref="RedactUrl"/>'s and drops any query attribute.</summary>
    public static void Redact(Activity activity, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (uri is null)
        {
            return;
        }

        activity.SetTag(UrlTag, RedactUrl(uri));
        activity.SetTag(QueryTag, null);
    }

    /// <summary><paramref name="uri"/> without user info or fragment, each query value <see cref="Redacted"/> (names kept).</summary>
    public static string RedactUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return Redacted;
        }

        var left = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return left;
        }

        var names = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)[0] + "=" + Redacted);
        return left + "?" + string.Join('&', names);
    }
}
