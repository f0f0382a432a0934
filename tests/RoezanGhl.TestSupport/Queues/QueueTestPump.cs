using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.TestSupport.Queues;

/// <summary>
/// Moves messages from an Azurite queue to a function the way the Functions queue trigger does: decodes
/// base64 bodies, passes the dequeue count, deletes a message when the function returns, makes it visible
/// again after <c>visibilityTimeout</c> when the function throws, and moves it to <c>&lt;queue&gt;-poison</c>
/// once it has been dequeued <c>maxDequeueCount</c> times. Messages put back with a visibility delay stay
/// invisible until the delay is over (Azurite keeps the time). Several messages run at once, like the host's
/// batch.
/// </summary>
public sealed class QueueTestPump
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly HostQueueSettings _settings;
    private readonly Func<QueueDelivery, CancellationToken, Task> _function;
    private readonly TimeSpan _retryVisibility;
    private readonly TimeSpan _pollInterval;
    private int _delivered;
    private int _storageFailures;
    private int _completed;
    private int _failed;
    private int _poisoned;

    /// <param name="queue">The events queue (its client must not decode: the pump reads the raw text as the host does).</param>
    /// <param name="settings">Usually <see cref="HostQueueSettings.FromRepository"/>.</param>
    /// <param name="function">The function body: returns to complete the message, throws to fail it.</param>
    /// <param name="retryVisibility">Overrides host.json's visibilityTimeout after a failure (tests keep it short).</param>
    /// <param name="pollInterval">How often an empty queue is polled (the host backs off up to maxPollingInterval).</param>
    public QueueTestPump(QueueClient queue, HostQueueSettings settings, Func<QueueDelivery, CancellationToken, Task> function, TimeSpan? retryVisibility = null, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queue = queue;
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _poison = new QueueClient(ConnectionStringOf(queue), queue.Name + "-poison");
        _retryVisibility = retryVisibility ?? settings.VisibilityTimeout;
        _pollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100);
    }

    public QueueClient PoisonQueue => _poison;

    public int Delivered => Volatile.Read(ref _delivered);

    public int Completed => Volatile.Read(ref _completed);

    public int Failed => Volatile.Read(ref _failed);

    public int Poisoned => Volatile.Read(ref _poisoned);

    /// <summary>Queue calls of the pump itself (receive, delete, put back) that failed because storage was unreachable.</summary>
    public int StorageFailures => Volatile.Read(ref _storageFailures);

    /// <summary>
    /// How long a received message stays invisible (the host's lease on it): a message whose delete or put-back failed
    /// comes back after this. Five minutes unless a test needs storage outages to heal sooner.
    /// </summary>
    public TimeSpan ReceiveVisibility { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The host's message encoding applied to a text (what a queue writer must put on the queue).</summary>
    public static string Encode(string text, HostQueueSettings settings) =>
        string.Equals(settings.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase) ? text : Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Delivers messages until the queue holds none (visible or delayed) and none is running, or fails
    /// with <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task RunUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var running = new List<Task>();
        var concurrency = _settings.BatchSize + _settings.NewBatchThreshold;
        try
        {
            while (true)
            {
                running.RemoveAll(task => task.IsCompleted);
                var room = concurrency - running.Count;
                // Like the host: fetch a new batch once the running ones drop to the threshold.
                if (running.Count <= _settings.NewBatchThreshold && room > 0)
                {
                    // Like the host's listener, a poll that fails because storage is away is tried again after a pause.
                    var batch = await UnlessStorageIsAwayAsync(() => _queue.ReceiveMessagesAsync(Math.Min(32, Math.Min(room, _settings.BatchSize)), ReceiveVisibility, deadline.Token)).ConfigureAwait(false);
                    if (batch is null)
                    {
                        await Task.Delay(_pollInterval, deadline.Token).ConfigureAwait(false);
                        continue;
                    }

                    foreach (var message in batch.Value)
                    {
                        running.Add(DeliverAsync(message, deadline.Token));
                    }

                    if (batch.Value.Length > 0)
                    {
                        continue;
                    }

                    if (running.Count == 0)
                    {
                        var properties = await UnlessStorageIsAwayAsync(() => _queue.GetPropertiesAsync(deadline.Token)).ConfigureAwait(false);
                        if (properties?.Value.ApproximateMessagesCount == 0)
                        {
                            return;
                        }
                    }
                }

                var pause = Task.Delay(_pollInterval, deadline.Token);
                await Task.WhenAny(running.Append(pause)).ConfigureAwait(false);
                deadline.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Queue {_queue.Name} was not idle after {timeout}: {Delivered} deliveries, {Completed} completed, {Failed} failed, {Poisoned} poisoned, {running.Count(task => !task.IsCompleted)} running.");
        }
        finally
        {
            await Task.WhenAll(running.Select(task => task.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    /// <summary>Every message now on the poison queue, decoded.</summary>
    public async Task<IReadOnlyList<string>> PeekPoisonAsync(CancellationToken cancellationToken = default)
    {
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var peeked = await _poison.PeekMessagesAsync(32, cancellationToken).ConfigureAwait(false);
        return peeked.Value.Select(message => Decode(message.MessageText)).ToList();
    }

    private async Task DeliverAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _delivered);
        try
        {
            var body = Decode(message.MessageText);
            await _function(new QueueDelivery(message.MessageId, body, message.DequeueCount, message.InsertedOn), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                // The host copies the message as it is to <queue>-poison and deletes the original.
                await _poison.SendMessageAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _poisoned);
            }
            else
            {
                // Storage away: the message comes back when its ReceiveVisibility runs out, as with the host.
                await UnlessStorageIsAwayAsync(() => _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _retryVisibility, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return;
        }

        if (await UnlessStorageIsAwayAsync(() => _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken)).ConfigureAwait(false) is not null)
        {
            Interlocked.Increment(ref _completed);
        }
    }

    /// <summary>The call's answer, or null (counted) when storage could not be reached.</summary>
    private async Task<T?> UnlessStorageIsAwayAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AggregateException or IOException or HttpRequestException || (ex is Azure.RequestFailedException { Status: 0 }))
        {
            Interlocked.Increment(ref _storageFailures);
            return null;
        }
    }

    // As the trigger decodes: text that is not Base64 throws, and the delivery fails like the host's would.
    private string Decode(string text) => HostQueueMessageEncoding.DecodeAsTrigger(text, _settings.MessageEncoding).ToString();

    private static string ConnectionStringOf(QueueClient queue) =>
        queue.Uri.Host is "127.0.0.1" or "localhost" ? Azurite.ConnectionString : throw new InvalidOperationException("The test pump only runs against Azurite.");
}
