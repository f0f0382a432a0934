using System.Globalization;
using Microsoft.AspNetCore.Http;
using RoezanGhl.RoezanSimulator.Operations;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>
/// What runs before every <c>/api</c> endpoint, in this order: the request is recorded and held for
/// the configured latency; it is counted against its rate window, and every answer from here on
/// carries <c>ratelimit-limit</c>/<c>-remaining</c>/<c>-reset</c>; then the 429, the <c>X-API-Key</c>
/// check (401) and the injected 5xx. Counting comes before the key check, as a rate limiter mounted
/// in front of the app does (the lower-case <c>ratelimit-*</c> headers are express-rate-limit's):
/// a known key counts against its account, anything else against the caller's address.
/// </summary>
internal sealed class SimulatorGate(RequestDelegate next, RoezanSimulatorState state)
{
    public const string ApiKeyHeader = "X-API-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        state.Record(await RecordAsync(context).ConfigureAwait(false));
        var settings = state.Settings;
        var accountId = state.AccountForKey(context.Request.Headers[ApiKeyHeader].FirstOrDefault());
        try
        {
            await HoldAsync(settings.LatencyMs, context.RequestAborted).ConfigureAwait(false);
            var decision = state.CountRequest(accountId ?? $"address:{context.Connection.RemoteIpAddress}");
            var headers = context.Response.Headers;
            var resetSeconds = Math.Max(0, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            if (decision.Limit > 0)
            {
                headers["ratelimit-limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
                headers["ratelimit-remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
                headers["ratelimit-reset"] = resetSeconds;
            }

            if (!decision.Allowed)
            {
                if (settings.SendRetryAfter)
                {
                    headers.RetryAfter = resetSeconds;
                }

                await HttpExchange.WriteAsync(context, RoezanResponses.TooManyRequests()).ConfigureAwait(false);
                return;
            }

            if (accountId is null)
            {
                await HttpExchange.WriteAsync(context, RoezanResponses.Unauthenticated()).ConfigureAwait(false);
                return;
            }

            if (state.NextServerError() is { } status)
            {
                await HttpExchange.WriteAsync(context, RoezanResponses.ServerError(status)).ConfigureAwait(false);
                return;
            }

            context.Items[HttpExchange.AccountItem] = accountId;
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            state.Counters.Record(accountId, context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode);
            state.Changed();
        }
    }

    // The delay is created before the request is counted as held, so a test that sees it held and
    // then advances a FakeTimeProvider always releases it.
    private async Task HoldAsync(int latencyMs, CancellationToken cancellationToken)
    {
        if (latencyMs <= 0)
        {
            return;
        }

        var delay = Task.Delay(TimeSpan.FromMilliseconds(latencyMs), state.Time, cancellationToken);
        state.HoldForLatency(+1);
        try
        {
            await delay.ConfigureAwait(false);
        }
        finally
        {
            state.HoldForLatency(-1);
        }
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;

        // The key is replaced, so recordings never hold one.
        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => header.Key.Equals(ApiKeyHeader, StringComparison.OrdinalIgnoreCase) ? "<redacted>" : header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        return new RecordedRequest(request.Method, request.Path.Value ?? "/", query, headers, body.Length == 0 ? null : body);
    }
}
