namespace RoezanGhl.Sync.Storage;

/// <summary>
/// Runs a create-if-not-exists call (queue, table, container) once per process, on first use, so that a
/// fresh storage account or Azurite needs no setup step. Concurrent callers share one attempt; a failed
/// attempt is retried by the next caller.
/// </summary>
internal sealed class CreateIfMissingOnce(Func<CancellationToken, Task> create)
{
    private readonly Lock _gate = new();
    private Task? _attempt;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task attempt;
        lock (_gate)
        {
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                // Not tied to one caller's token: a caller that gives up must not cancel the others' attempt.
                _attempt = create(CancellationToken.None);
            }

            attempt = _attempt;
        }

        return attempt.IsCompletedSuccessfully ? Task.CompletedTask : attempt.WaitAsync(cancellationToken);
    }
}
