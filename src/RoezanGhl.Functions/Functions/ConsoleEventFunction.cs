using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Functions.Console;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// One event of the Run history: its plan (request bodies masked unless this one request asks, <c>?reveal=true</c>),
/// steps, GHL trace id and outcome; and replay, which moves a failed event's poison message back onto the events
/// queue with the service the CLI's <c>replay</c> uses (<see cref="PoisonReplayer"/>).
/// </summary>
public sealed partial class ConsoleEventFunction(ConsoleGate gate, EventHistory history, PoisonReplayer replayer, IOptions<RoezanOptions> options, ILogger<ConsoleEventFunction> logger)
{
    [Function("ConsoleEvent")]
    public Task<IActionResult> DetailAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/history/events/{accountId}/{eventId}")] HttpRequest request, string accountId, string eventId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Read, async _ =>
        {
            var response = request.HttpContext.Response;
            var entry = await history.GetAsync(accountId, eventId, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return ConsoleHtml.Fragment(response, "<p>No such event in the ledger.</p>", StatusCodes.Status404NotFound);
            }

            var reveal = string.Equals(request.Query["reveal"], "true", StringComparison.Ordinal);
            if (reveal)
            {
                LogRevealed(logger, entry.AccountId, entry.EventId);
            }

            var location = ConsoleAccounts.Find(options.Value, entry.AccountId).Account.GhlLocationId;
            var payloads = entry.Plan is { } plan ? GhlPlanPayloads.Describe(plan, location, maskPersonalData: !reveal) : null;
            return ConsoleHtml.Fragment(response, HistoryPage.Detail(entry, payloads, reveal));
        }, cancellationToken);

    [Function("ConsoleReplay")]
    public Task<IActionResult> ReplayAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/history/events/{accountId}/{eventId}/replay")] HttpRequest request, string accountId, string eventId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async _ =>
        {
            var items = await replayer.ReplayAsync(new PoisonReplayFilter { Id = eventId, AccountIds = [accountId], Actor = "console" }, dryRun: false, progress: null, cancellationToken).ConfigureAwait(false);
            var moved = items.Any(item => item.Action == PoisonReplayAction.Moved);
            var text = moved ? $"Event {eventId} is back on the events queue; its status will change once it is processed."
                : items.Any(item => item.Action == PoisonReplayAction.AlreadyDone) ? $"Event {eventId} was already applied; nothing to replay."
                : $"Event {eventId} is not in the poison queue, so there is nothing to replay (a failed event is replayed once the host has moved it there).";
            return ConsoleHtml.Fragment(request.HttpContext.Response, $"<p role=\"status\">{ConsoleHtml.H(text)}</p>");
        }, cancellationToken);

    [LoggerMessage(EventId = 2410, Level = LogLevel.Information, Message = "Console: personal data of event {EventId} (account {AccountId}) shown on request")]
    private static partial void LogRevealed(ILogger logger, string accountId, string eventId);
}
