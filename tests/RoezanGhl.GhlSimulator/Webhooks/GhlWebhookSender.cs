using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Webhooks;

/// <summary>
/// Sends the simulator's contact changes (<see cref="SimulatorState.ContactChanged"/>) to one URL as HighLevel does:
/// the whole contact with <c>type</c>, <c>locationId</c>, a fresh <c>webhookId</c> and <c>timestamp</c>, signed in
/// <c>X-GHL-Signature</c> with an Ed25519 key. In order, one at a time. Like GHL, it redelivers only after a 429
/// (here after <see cref="RetryDelay"/>, up to <see cref="MaxAttempts"/>); any other failure is final and counted in
/// <see cref="Dropped"/>. Stop it by disposing.
/// </summary>
public sealed class GhlWebhookSender : IAsyncDisposable
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public const int MaxAttempts = 50;

    private readonly Channel<(string Type, JsonObject Contact)> _pending = Channel.CreateUnbounded<(string, JsonObject)>();
    private readonly SimulatorState _state;
    private readonly Uri _target;
    private readonly GhlWebhookSigningKey _key;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _inFlight;
    private int _drop;

    public GhlWebhookSender(SimulatorState state, Uri target, GhlWebhookSigningKey key)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _state.ContactChanged += Queue;
        _loop = Task.Run(() => SendAllAsync(_stop.Token));
    }

    public int Delivered { get; private set; }

    public int Retried { get; private set; }

    public int Dropped { get; private set; }

    /// <summary>The next <paramref name="count"/> changes are never sent (counted in <see cref="Dropped"/>): a webhook GHL lost.</summary>
    public void DropNext(int count) => Interlocked.Exchange(ref _drop, count);

    /// <summary>Completes when every change raised so far was delivered or dropped.</summary>
    public async Task WaitUntilDrainedAsync(CancellationToken cancellationToken = default)
    {
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.ContactChanged -= Queue;
        _pending.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private void Queue(string type, JsonObject contact)
    {
        Interlocked.Increment(ref _inFlight);
        if (!_pending.Writer.TryWrite((type, contact)))
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task SendAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var (type, contact) in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (Interlocked.Decrement(ref _drop) >= 0)
                {
                    Dropped++;
                    continue;
                }

                await SendAsync(Body(type, contact), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task SendAsync(string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("X-GHL-Signature", _key.Sign(bytes));
            HttpStatusCode status;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                Dropped++;
                return;
            }

            if (status != HttpStatusCode.TooManyRequests)
            {
                if ((int)status is >= 200 and < 300) Delivered++;
                else Dropped++;
                return;
            }

            Retried++;
            await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
        }

        Dropped++;
    }

    private string Body(string type, JsonObject contact)
    {
        contact["type"] = type;
        contact["webhookId"] = Guid.NewGuid().ToString();
        contact["timestamp"] = _state.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return contact.ToJsonString();
    }
}
