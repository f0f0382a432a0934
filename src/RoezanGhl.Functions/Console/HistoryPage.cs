using System.Globalization;
using System.Text;
using System.Text.Json;
using RoezanGhl.Engine.Console;
using RoezanGhl.Storage.Ledger;
using static RoezanGhl.Functions.Console.ConsoleHtml;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// The Run history screen: filters (htmx swaps the rows in), the ledger as a table, one event's plan, steps, GHL
/// trace id and outcome on demand, replay for failed events, and the chart of events per hour by outcome with the
/// GHL budget per location (uPlot draws it; the same numbers are in a table for screen readers).
/// </summary>
public static class HistoryPage
{
    public static readonly IReadOnlyList<(string Value, string Label)> Windows = [("1h", "the last hour"), ("24h", "the last 24 hours"), ("7d", "the last 7 days"), ("", "any time")];

    public static string Render(IReadOnlyList<string> accountIds, EventHistoryFilter filter, IReadOnlyList<EventLedgerEntry> rows, HourlyOutcomes chart)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(filter);
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" action=\"history\" method=\"get\" hx-get=\"history/rows\" hx-target=\"#rows\" hx-trigger=\"change, submit\" hx-push-url=\"false\">")
            .Append(Select("f-account", "account", "Account", [("", "all accounts"), .. accountIds.Select(id => (id, id))], filter.AccountId))
            .Append(Select("f-status", "status", "Status", [("", "any status"), .. Enum.GetNames<EventLedgerStatus>().Select(name => (name, name))], filter.Status?.ToString()))
            .Append("<label for=\"f-type\">Type</label> <input id=\"f-type\" name=\"type\" placeholder=\"contact.updated\" value=\"").Append(H(filter.Type)).Append("\"> ")
            .Append(Select("f-since", "since", "Changed in", Windows, "24h"))
            .Append("<button type=\"submit\">Filter</button></form>")
            .Append("<div id=\"rows\">").Append(Rows(rows)).Append("</div>")
            .Append("<section aria-labelledby=\"detail-title\"><h2 id=\"detail-title\">Event</h2><div id=\"detail\" aria-live=\"polite\"><p>Choose an event's Details.</p></div></section>");
        Chart(html, chart);
        return html.ToString();
    }

    public static string Rows(IReadOnlyList<EventLedgerEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "<p>No events match.</p>";
        }

        var html = new StringBuilder("<table><caption>Events, newest first</caption><thead><tr><th scope=\"col\">Changed</th><th scope=\"col\">Account</th><th scope=\"col\">Event</th><th scope=\"col\">Type</th><th scope=\"col\">Status</th><th scope=\"col\">Tries</th><th scope=\"col\">What happened</th><th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var path = $"history/events/{Uri.EscapeDataString(row.AccountId)}/{Uri.EscapeDataString(row.EventId)}";
            html.Append("<tr><td>").Append(H((row.UpdatedAt ?? row.AcceptedAt)?.ToString("u", CultureInfo.InvariantCulture))).Append("</td><td>").Append(H(row.AccountId))
                .Append("</td><th scope=\"row\">").Append(H(row.EventId)).Append("</th><td>").Append(H(row.Type)).Append("</td><td class=\"status-").Append(row.Status.ToString().ToLowerInvariant()).Append("\">").Append(row.Status)
                .Append("</td><td>").Append(row.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(H(row.Status == EventLedgerStatus.Applied ? row.Outcome : row.LastError ?? row.Outcome))
                .Append("</td><td><button type=\"button\" hx-get=\"").Append(H(path)).Append("\" hx-target=\"#detail\" aria-label=\"Details of ").Append(H(row.EventId)).Append("\">Details</button>");
            if (row.Status == EventLedgerStatus.Failed)
            {
                html.Append(" <button type=\"button\" hx-post=\"").Append(H(path)).Append("/replay\" hx-target=\"#detail\" aria-label=\"Replay ").Append(H(row.EventId)).Append("\">Replay</button>");
            }

            html.Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Detail(EventLedgerEntry entry, string? payloads, bool revealed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = $"history/events/{Uri.EscapeDataString(entry.AccountId)}/{Uri.EscapeDataString(entry.EventId)}";
        var html = new StringBuilder("<dl class=\"detail\">");
        Term(html, "Event", entry.EventId);
        Term(html, "Account", entry.AccountId);
        Term(html, "Type", entry.Type);
        Term(html, "Status", entry.Status.ToString());
        Term(html, "Tries", entry.Attempts.ToString(CultureInfo.InvariantCulture));
        Term(html, "GHL trace id", entry.TargetTraceId ?? "none recorded");
        Term(html, "GHL contact", entry.TargetContactId);
        Term(html, "Steps done", entry.Progress.ToString());
        Term(html, "Outcome", entry.Outcome);
        Term(html, "Last error", entry.LastError);
        html.Append("</dl><h3>Plan</h3><pre tabindex=\"0\" aria-label=\"The event's plan\">").Append(H(payloads ?? "No plan recorded (the event has not been planned yet).")).Append("</pre>");
        html.Append(revealed
            ? "<p>Personal data is shown for this request only.</p>"
            : $"<p><button type=\"button\" hx-get=\"{H(path)}?reveal=true\" hx-target=\"#detail\">Show personal data (this once)</button></p>");
        return html.ToString();
    }

    private static void Term(StringBuilder html, string term, string? value) =>
        html.Append("<dt>").Append(H(term)).Append("</dt><dd>").Append(H(string.IsNullOrEmpty(value) ? "—" : value)).Append("</dd>");

    private static string Select(string id, string name, string label, IEnumerable<(string Value, string Label)> options, string? selected)
    {
        var html = new StringBuilder($"<label for=\"{id}\">{H(label)}</label> <select id=\"{id}\" name=\"{name}\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(H(value)).Append('"').Append(string.Equals(value, selected ?? string.Empty, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>').Append(H(text)).Append("</option>");
        }

        return html.Append("</select> ").ToString();
    }

    private static void Chart(StringBuilder html, HourlyOutcomes chart)
    {
        html.Append("<section aria-labelledby=\"chart-title\"><h2 id=\"chart-title\">Events per hour by outcome (last 24 hours)</h2>")
            .Append("<div id=\"chart\" role=\"img\" aria-label=\"Chart of events per hour by outcome; the numbers are in the table below\"></div>")
            .Append("<script type=\"application/json\" id=\"chart-data\">").Append(JsonSerializer.Serialize(chart, ConsoleJson.Options)).Append("</script>")
            .Append("<details><summary>The numbers</summary><table><caption>Events per outcome, last 24 hours</caption><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Events</th></tr></thead><tbody>");
        for (var i = 0; i < chart.Outcomes.Count; i++)
        {
            html.Append("<tr><th scope=\"row\">").Append(H(chart.Outcomes[i])).Append("</th><td>").Append(chart.Counts[i].Sum().ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</tbody></table></details><h3>GHL budget used per location (today, as this instance sees it)</h3>");
        if (chart.Budgets.Count == 0)
        {
            html.Append("<p>No GHL call made by this instance yet.</p>");
        }
        else
        {
            html.Append("<table><caption>GHL daily budget</caption><thead><tr><th scope=\"col\">Location</th><th scope=\"col\">Used</th><th scope=\"col\">Daily limit</th></tr></thead><tbody>");
            foreach (var budget in chart.Budgets)
            {
                html.Append("<tr><th scope=\"row\">").Append(H(budget.LocationId)).Append("</th><td>").Append(budget.Used?.ToString(CultureInfo.InvariantCulture) ?? "not reported yet")
                    .Append("</td><td>").Append(budget.DailyLimit.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }
}
