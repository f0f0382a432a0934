using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The console's screens under <c>/api/console/</c> (<see cref="ConsoleGate"/> decides who gets them): Accounts,
/// Field mapping and Run history, rendered on the server, and their static files. Anonymous at the Functions level:
/// a browser cannot send a function key; the gate (and in Azure, built-in authentication) guards them.
/// </summary>
public sealed class ConsolePagesFunction(ConsoleGate gate, AccountOverviews accounts, MappingModels mapping, EventHistory history, TimeProvider time)
{
    [Function("ConsoleHome")]
    public static IActionResult Home([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsoleGate.SecureHeaders(request.HttpContext.Response);
        return new RedirectResult(ConsoleGate.CookiePath + "/accounts");
    }

    [Function("ConsoleAsset")]
    public static IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{*file}")] HttpRequest request, string file)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ConsoleAssets.TryGet(file, out var content, out var type))
        {
            return new NotFoundResult();
        }

        ConsoleGate.SecureHeaders(request.HttpContext.Response, cacheable: true);
        return new FileContentResult(content, type);
    }

    [Function("ConsoleAccounts")]
    public Task<IActionResult> AccountsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/accounts")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Page, async _ =>
        {
            var list = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
            return ConsoleHtml.Page(request.HttpContext, "accounts", "Accounts", AccountsPage.Render(list, $"{request.Scheme}://{request.Host}"));
        }, cancellationToken);

    [Function("ConsoleMapping")]
    public Task<IActionResult> MappingAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/mapping")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Page, async _ =>
        {
            var ids = mapping.AccountIds;
            if (ids.Count == 0)
            {
                return ConsoleHtml.Page(request.HttpContext, "mapping", "Field mapping", "<p>No account is configured.</p>");
            }

            var requested = request.Query["account"].ToString();
            var id = ids.FirstOrDefault(known => string.Equals(known, requested, StringComparison.OrdinalIgnoreCase)) ?? ids[0];
            var model = await mapping.BuildAsync(id, cancellationToken).ConfigureAwait(false);
            return ConsoleHtml.Page(request.HttpContext, "mapping", "Field mapping", MappingPage.Render(ids, model), "assets/vendor/Sortable.min.js", "assets/console-mapping.js");
        }, cancellationToken);

    [Function("ConsoleHistory")]
    public Task<IActionResult> HistoryAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/history")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Page, async _ =>
        {
            var filter = FilterOf(request.Query, time.GetUtcNow());
            var rows = await history.ListAsync(filter, cancellationToken).ConfigureAwait(false);
            var chart = await history.ChartAsync(filter.AccountId, cancellationToken).ConfigureAwait(false);
            return ConsoleHtml.Page(request.HttpContext, "history", "Run history", HistoryPage.Render(mapping.AccountIds, filter, rows, chart), "assets/vendor/uPlot.min.css", "assets/vendor/uPlot.iife.min.js", "assets/console-history.js");
        }, cancellationToken);

    [Function("ConsoleHistoryRows")]
    public Task<IActionResult> RowsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/history/rows")] HttpRequest request, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Read, async _ =>
            ConsoleHtml.Fragment(request.HttpContext.Response, HistoryPage.Rows(await history.ListAsync(FilterOf(request.Query, time.GetUtcNow()), cancellationToken).ConfigureAwait(false))), cancellationToken);

    /// <summary>The filters from the query string; unknown values are ignored (the form offers only valid ones).</summary>
    public static EventHistoryFilter FilterOf(IQueryCollection query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = query["since"].ToString() is { Length: > 1 } window && int.TryParse(window[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? window[^1] switch { 'h' => now.AddHours(-amount), 'd' => now.AddDays(-amount), _ => (DateTimeOffset?)null }
            : (query.ContainsKey("since") ? null : now.AddHours(-24));
        return new EventHistoryFilter
        {
            AccountId = query["account"].ToString() is { Length: > 0 } account ? account : null,
            Status = Enum.TryParse<EventLedgerStatus>(query["status"].ToString(), ignoreCase: true, out var status) ? status : null,
            Type = query["type"].ToString() is { Length: > 0 } type ? type.Trim() : null,
            Since = since,
        };
    }
}
