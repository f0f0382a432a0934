using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>
/// Sends the outbox's due events, one at a time and oldest first, to each account's webhook URL,
/// signed with its secret. Waits on the simulator's clock between retries and wakes when an event is
/// added. A later event may overtake one that waits for a retry, as with any real webhook sender.
/// </summary>
internal sealed partial class WebhookDispatcher(RoezanSimulatorState state, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own (WebhookTimeoutMs)
    };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = state.Outbox;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Taken before looking, so an event added in between still wakes the wait below.
                var changed = outbox.NextChange;
                var (due, nextDueAt) = outbox.TakeNextDue(state.Time.GetUtcNow());
                if (due is null)
                {
                    await WaitAsync(changed, nextDueAt, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var settings = state.Settings;
                var outcome = await SendAsync(due, settings, stoppingToken).ConfigureAwait(false);
                outbox.Finish(due.Id, outcome, state.Time.GetUtcNow(), settings);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The simulator is stopping; what is pending stays pending.
        }
    }

    private async Task WaitAsync(Task changed, DateTimeOffset? nextDueAt, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { changed };
        if (nextDueAt is { } dueAt)
        {
            var delay = dueAt - state.Time.GetUtcNow();
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, state.Time, stop.Token) : Task.CompletedTask);
        }

        try
        {
            await Task.WhenAny(waits).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<WebhookAttemptOutcome> SendAsync(WebhookEvent entry, RoezanSimulatorSettings settings, CancellationToken stoppingToken)
    {
        var account = settings.Accounts.GetValueOrDefault(entry.AccountId);
        if (account?.WebhookUrl is not { } url || string.IsNullOrWhiteSpace(account.WebhookSecret))
        {
            LogNoTarget(entry.Id, entry.Type);
            return new WebhookAttemptOutcome(false, null, "The account has no webhook URL and secret.", null, NoTarget: true);
        }

        var body = Encoding.UTF8.GetBytes(entry.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(RoezanWebhookSignature.HeaderName, RoezanWebhookSignature.CreateHeader(account.WebhookSecret, state.Time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("RoezanSimulator", "1.0"));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(settings.WebhookTimeoutMs);
        try
        {
            using var response = await _http.SendAsync(request, attempt.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                LogDelivered(entry.Id, entry.Type, entry.Attempts + 1, status);
                return new WebhookAttemptOutcome(true, status, null, null);
            }

            LogRefused(entry.Id, entry.Type, entry.Attempts + 1, status);
            return new WebhookAttemptOutcome(false, status, null, RetryAfter(response));
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // The URL may carry a function key, so only the kind of failure is logged and kept.
            var error = exception is OperationCanceledException ? $"No answer within {settings.WebhookTimeoutMs} ms." : $"Connection failed ({((HttpRequestException)exception).HttpRequestError}).";
            LogFailed(entry.Id, entry.Type, entry.Attempts + 1, error);
            return new WebhookAttemptOutcome(false, null, error, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - state.Time.GetUtcNow(),
            _ => null,
        };

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Webhook {EventId} ({EventType}) delivered on attempt {Attempt}: {StatusCode}")]
    private partial void LogDelivered(string eventId, string eventType, int attempt, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}) attempt {Attempt} refused: {StatusCode}")]
    private partial void LogRefused(string eventId, string eventType, int attempt, int statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Webhook {EventId} ({EventType}) attempt {Attempt} failed: {Error}")]
    private partial void LogFailed(string eventId, string eventType, int attempt, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Webhook {EventId} ({EventType}) not sent: the account has no webhook URL")]
    private partial void LogNoTarget(string eventId, string eventType);
}
