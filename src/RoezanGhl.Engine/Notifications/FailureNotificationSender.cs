using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Notifications;

/// <summary>
/// The background loop that posts notices to the incoming webhook (<c>{"text": "..."}</c>), through the
/// <see cref="NotificationThrottle"/>. A failed post is logged and forgotten: notifications are a
/// courtesy on top of the ledger, which always has the whole story.
/// </summary>
public sealed class FailureNotificationSender : BackgroundService
{
    public const string HttpClientName = "RoezanGhl.Notifications";
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(15);

    private readonly WebhookFailureNotifier _notifier;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly NotificationThrottle _throttle;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FailureNotificationSender(WebhookFailureNotifier notifier, IHttpClientFactory httpClientFactory, IOptions<NotificationOptions> options, TimeProvider timeProvider, ILogger<FailureNotificationSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _httpClientFactory = httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _throttle = new NotificationThrottle(_options.MaxPerMinutePerLocation);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.WebhookUrl is null)
        {
            return;
        }

        var flushing = FlushLoopAsync(stoppingToken);
        try
        {
            await foreach (var notice in _notifier.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                IReadOnlyList<string> messages;
                await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    messages = _throttle.Admit(notice, _timeProvider.GetUtcNow());
                }
                finally
                {
                    _gate.Release();
                }

                await SendAllAsync(messages, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await flushing.ConfigureAwait(false);
    }

    private async Task FlushLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                IReadOnlyList<string> messages;
                await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    messages = _throttle.Flush(_timeProvider.GetUtcNow());
                }
                finally
                {
                    _gate.Release();
                }

                await SendAllAsync(messages, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAllAsync(IReadOnlyList<string> messages, CancellationToken stoppingToken)
    {
        foreach (var text in messages)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(_options.Timeout);
                using var http = _httpClientFactory.CreateClient(HttpClientName);
                using var response = await http.PostAsJsonAsync(_options.WebhookUrl, new WebhookMessage(text), NotificationJsonContext.Default.WebhookMessage, timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    NotificationLog.NotificationRefused(_logger, (int)response.StatusCode);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                NotificationLog.NotificationFailed(_logger, exception.GetType().Name);
            }
        }
    }
}
