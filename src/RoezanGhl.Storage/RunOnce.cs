namespace RoezanGhl.Storage;

/// <summary>
/// Runs a first-use step (create a queue, table or container; load a status) once per process, on first use, so
/// that a fresh storage account or Azurite needs no setup step. Concurrent callers share one attempt; a failed
/// attempt is retried by the next caller instead of being remembered.
/// </summary>
public sealed class RunOnce
{
    private readonly Func<Task> _step;
    private readonly Lock _gate = new();
    private Task? _attempt;

    /// <param name="step">
    /// The step. It is given no caller's token: a caller that gives up must not cancel the others' attempt.
    /// </param>
    public RunOnce(Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _step = step;
    }

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task attempt;
        lock (_gate)
        {
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                _attempt = _step();
            }

            attempt = _attempt;
        }

        return attempt.IsCompletedSuccessfully ? Task.CompletedTask : attempt.WaitAsync(cancellationToken);
    }
}
