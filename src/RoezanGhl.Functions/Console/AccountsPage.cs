using System.Globalization;
using System.Text;
using RoezanGhl.Engine.Console;
using static RoezanGhl.Functions.Console.ConsoleHtml;

namespace RoezanGhl.Functions.Console;

/// <summary>The Accounts screen: each account's location, token kind, health, last event, failures, webhook URL (with a copy button) and the go-live check.</summary>
public static class AccountsPage
{
    public static string Render(IReadOnlyList<AccountOverview> accounts, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var html = new StringBuilder();
        if (accounts.Count == 0)
        {
            return "<p>No account is configured: add <code>Roezan__Accounts__{id}__GhlLocationId</code> to the settings.</p>";
        }

        html.Append("<table><caption>Configured Roezan accounts</caption><thead><tr><th scope=\"col\">Account</th><th scope=\"col\">GHL location</th><th scope=\"col\">Token</th>")
            .Append("<th scope=\"col\">Health</th><th scope=\"col\">Last event</th><th scope=\"col\">Failures (24 h)</th><th scope=\"col\">Webhook URL</th><th scope=\"col\">Go-live check</th></tr></thead><tbody>");
        foreach (var account in accounts)
        {
            var id = H(account.AccountId);
            var url = $"{baseUrl}/api/roezan/{Uri.EscapeDataString(account.AccountId)}/events";
            html.Append("<tr><th scope=\"row\">").Append(id).Append("</th><td>").Append(H(account.LocationId)).Append("</td><td>").Append(H(account.TokenKind)).Append("</td><td>")
                .Append(account.Working ? "<span class=\"ok\">working</span>" : $"<span class=\"bad\">needs attention</span>: {H(account.AttentionReason)}")
                .Append("</td><td>").Append(account.LastEventAt is { } at ? $"{H(at.ToString("u", CultureInfo.InvariantCulture))} ({H(account.LastEventStatus)})" : "none yet")
                .Append("</td><td>").Append(account.FailuresLast24Hours.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td><code id=\"hook-").Append(id).Append("\">").Append(H(url)).Append("</code> <button type=\"button\" class=\"copy\" data-copy=\"hook-").Append(id)
                .Append("\" aria-label=\"Copy the webhook URL of ").Append(id).Append("\">Copy</button></td><td><button type=\"button\" class=\"check\" data-check=\"api/accounts/").Append(H(Uri.EscapeDataString(account.AccountId)))
                .Append("/check\" data-steps=\"steps-").Append(id).Append("\">Run check for ").Append(id).Append("</button><ol class=\"steps\" id=\"steps-").Append(id).Append("\" aria-live=\"polite\" aria-label=\"Check steps for ").Append(id).Append("\"></ol></td></tr>");
        }

        html.Append("</tbody></table><p class=\"hint\">Roezan posts to the webhook URL with the function key in the <code>x-functions-key</code> header. The go-live check creates a test contact, a tag, a task and a note in the location and deletes them again.</p>");
        return html.ToString();
    }
}
