using System.Diagnostics;

namespace RoezanGhl.Core.Diagnostics;

/// <summary>
/// The one place that names the app's tracing source and meters. Every span the app makes itself comes from
/// <see cref="Source"/>; every meter's name starts with <see cref="MeterPrefix"/>, so that the telemetry
/// registration can subscribe to all of them with one wildcard. Span names and tags never carry personal data:
/// names are fixed operation names, tags hold ids we issue or that GHL/Roezan issue (event, account, location).
/// </summary>
public static class RoezanGhlTelemetry
{
    /// <summary>The ActivitySource's name.</summary>
    public const string SourceName = "RoezanGhl";

    /// <summary>What every meter of the app is called by (<c>RoezanGhl.Engine</c>, <c>RoezanGhl.Ghl</c>).</summary>
    public const string MeterPrefix = "RoezanGhl.";

    /// <summary>Tag: the event's id (Roezan's, or ours for a GHL event).</summary>
    public const string EventIdTag = "roezanghl.event.id";

    /// <summary>Tag: the configured account.</summary>
    public const string AccountTag = "roezanghl.account";

    /// <summary>Tag: the event's type (<c>contact.updated</c>).</summary>
    public const string EventTypeTag = "roezanghl.event.type";

    public static readonly ActivitySource Source = new(SourceName);
}
