using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Notifications;

/// <summary>
/// Hands notices to <see cref="FailureNotificationSender"/> through a bounded channel: writing never
/// waits (when the channel is full the oldest notice is dropped and counted). With no webhook URL
/// configured, notices are ignored.
/// </summary>
public sealed class WebhookFailureNotifier : IFailureNotifier
{
    private readonly Channel<FailureNotice> _channel;
    private readonly bool _enabled;
    private long _dropped;

    public WebhookFailureNotifier(IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.Value.WebhookUrl is not null;
        _channel = Channel.CreateBounded<FailureNotice>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Notices dropped because the channel was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal ChannelReader<FailureNotice> Reader => _channel.Reader;

    public void Notify(FailureNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_enabled)
        {
            _channel.Writer.TryWrite(notice);
        }
    }
}
