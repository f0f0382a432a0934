using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Engine.Notifications;

namespace RoezanGhl.Engine.Automations;

/// <summary>What the send path shares: its settings, the clock, the notifier an operator hears from, and its log.</summary>
public sealed class SmsSendContext
{
    public SmsSendContext(IOptions<SmsOptions> options, TimeProvider time, IFailureNotifier notifier, ILogger<SmsSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public SmsOptions Options { get; }

    public TimeProvider Time { get; }

    public IFailureNotifier Notifier { get; }

    public ILogger Logger { get; }
}
