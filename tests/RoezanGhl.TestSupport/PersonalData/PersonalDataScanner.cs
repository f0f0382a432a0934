using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Metrics;

namespace RoezanGhl.TestSupport.PersonalData;

/// <summary>
/// Looks for a test's personal data in what the app wrote about it: phones in every spelling a log line could use
/// (E.164, digits only, national with or without punctuation, URL-encoded), emails (plain and URL-encoded), and
/// names and message texts, case-insensitively. Each <c>Scan…</c> returns one line per hit naming where it was.
/// </summary>
public sealed partial class PersonalDataScanner
{
    private readonly List<(string Needle, string What)> _needles = [];

    /// <summary>A North American number given as E.164 (<c>+12015550101</c>): every spelling of it is looked for.</summary>
    public PersonalDataScanner Phone(string e164)
    {
        var match = NanpE164().Match(e164);
        if (!match.Success)
        {
            throw new ArgumentException($"'{e164}' is not a +1 E.164 number.", nameof(e164));
        }

        var (area, exchange, line) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        var what = "phone " + e164;
        // The national digits are inside E.164, digits-only and %2B-encoded spellings.
        foreach (var spelling in new[]
                 {
                     area + exchange + line, $"({area}) {exchange}-{line}", $"({area}){exchange}-{line}", $"{area}-{exchange}-{line}",
                     $"{area}.{exchange}.{line}", $"{area} {exchange} {line}", $"{area} {exchange}-{line}",
                 })
        {
            _needles.Add((spelling, what));
        }

        return this;
    }

    public PersonalDataScanner Email(string email)
    {
        _needles.Add((email, "email " + email));
        _needles.Add((Uri.EscapeDataString(email), "email " + email));
        return this;
    }

    /// <summary>A name or a message/note text (long enough not to occur by chance).</summary>
    public PersonalDataScanner Text(string text)
    {
        if (text.Length < 5)
        {
            throw new ArgumentException($"'{text}' is too short to look for without false hits.", nameof(text));
        }

        _needles.Add((text, "text '" + text + "'"));
        return this;
    }

    /// <summary>Hits in one piece of text, each as "<paramref name="where"/>: what".</summary>
    public IEnumerable<string> Scan(string where, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (var (needle, what) in _needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{where}: {what} in \"{Shorten(text)}\"";
            }
        }
    }

    /// <summary>Every log record: its message, each structured value, and its exception (type, message, inner ones, stack).</summary>
    public List<string> ScanLogs(IEnumerable<FakeLogRecord> records) =>
        [.. records.SelectMany(record =>
        {
            var where = $"log {record.Category} {record.Id}";
            return Scan(where, record.Message)
                .Concat((record.StructuredState ?? []).SelectMany(pair => Scan($"{where} {{{pair.Key}}}", pair.Value)))
                .Concat(Scan($"{where} exception", record.Exception?.ToString()));
        })];

    /// <summary>Every span: its name, tags, events (with their tags), links' tags and status.</summary>
    public List<string> ScanSpans(IEnumerable<Activity> spans) =>
        [.. spans.SelectMany(span =>
        {
            var where = $"span '{span.DisplayName}' ({span.Source.Name})";
            return Scan(where + " name", span.DisplayName)
                .Concat(Scan(where + " status", span.StatusDescription))
                .Concat(span.TagObjects.SelectMany(tag => Scan($"{where} tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture))))
                .Concat(span.Events.SelectMany(e => Scan($"{where} event", e.Name).Concat(e.Tags.SelectMany(tag => Scan($"{where} event tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture))))))
                .Concat(span.Baggage.SelectMany(item => Scan($"{where} baggage {item.Key}", item.Value)));
        })];

    /// <summary>Every metric: its name and every tag of every point.</summary>
    public List<string> ScanMetrics(IEnumerable<MetricSnapshot> metrics) =>
        [.. metrics.SelectMany(metric => Scan($"metric {metric.Name}", metric.Name).Concat(metric.MetricPoints.SelectMany(point =>
        {
            var hits = new List<string>();
            foreach (var tag in point.Tags)
            {
                hits.AddRange(Scan($"metric {metric.Name} tag {tag.Key}", Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)));
            }

            return hits;
        })))];

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"^\+1(\d{3})(\d{3})(\d{4})$")]
    private static partial Regex NanpE164();
}
