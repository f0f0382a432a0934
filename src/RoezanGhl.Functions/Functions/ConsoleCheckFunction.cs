using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Operations;
using RoezanGhl.Functions.Console;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>POST /api/console/api/accounts/{id}/check</c>: the go-live check (<see cref="GoLiveCheck"/>, the CLI's
/// <c>check</c>) against the account's location, each step written as one JSON line the moment it finishes, so the
/// Accounts screen shows the steps as they run.
/// </summary>
public sealed class ConsoleCheckFunction(ConsoleGate gate, GoLiveCheck check, Microsoft.Extensions.Options.IOptions<RoezanGhl.Core.Accounts.RoezanOptions> options)
{
    [Function("ConsoleCheck")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/api/accounts/{accountId}/check")] HttpRequest request, string accountId, CancellationToken cancellationToken) =>
        gate.RunAsync(request, ConsoleCall.Change, async _ =>
        {
            var (_, account) = ConsoleAccounts.Find(options.Value, accountId);
            var response = request.HttpContext.Response;
            ConsoleGate.SecureHeaders(response);
            response.ContentType = "application/x-ndjson; charset=utf-8";
            var steps = Channel.CreateUnbounded<GoLiveCheckStep>(new UnboundedChannelOptions { SingleReader = true });
            var running = RunCheckAsync(account.GhlLocationId, steps.Writer, cancellationToken);
            await foreach (var step in steps.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = JsonSerializer.Serialize(new { step.Name, step.Passed, step.Detail, Milliseconds = (int)step.Elapsed.TotalMilliseconds }, ConsoleJson.Options) + "\n";
                await response.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await running.ConfigureAwait(false);
            return new EmptyResult();
        }, cancellationToken);

    private async Task RunCheckAsync(string locationId, ChannelWriter<GoLiveCheckStep> writer, CancellationToken cancellationToken)
    {
        try
        {
            await check.RunAsync(locationId, new ChannelProgress(writer), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Hands each step to the writer in the order reported (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
    private sealed class ChannelProgress(ChannelWriter<GoLiveCheckStep> writer) : IProgress<GoLiveCheckStep>
    {
        public void Report(GoLiveCheckStep value) => writer.TryWrite(value);
    }
}
