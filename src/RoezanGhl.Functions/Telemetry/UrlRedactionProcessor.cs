using System.Diagnostics;
using OpenTelemetry;

namespace RoezanGhl.Functions.Telemetry;

/// <summary>
/// Scrubs the URL attributes of every span before it is exported, whoever made it (the HTTP instrumentation, the
/// Azure SDK): table entity keys in paths (<c>Links(PartitionKey='…',RowKey='ph|+1…')</c>) and every query value
/// become <see cref="HttpSpanRedaction.Redacted"/>. Registered before the exporters, so they never see the original.
/// </summary>
public sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    /// <summary>Attributes that hold a URL or part of one (current and older semantic conventions).</summary>
    private static readonly string[] UrlTags = [HttpSpanRedaction.UrlTag, "http.url", "url.path", "http.target"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, HttpSpanRedaction.RedactUrlText(value));
            }
        }

        data.SetTag(HttpSpanRedaction.QueryTag, null);
    }
}
