namespace RoezanGhl.Sync.Tokens;

/// <summary>
/// Runs a first-use step (create a table or container, load a status) once per process, and tries again after a
/// failure instead of remembering it.
/// </summary>
internal sealed class RunOnce
{
    private readonly Func<Task> _step;
    private readonly Lock _gate = new();
    private Task? _task;

    public RunOnce(Func<Task> step) => _step = step;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = _step();
            }

            task = _task;
        }

        return task.WaitAsync(cancellationToken);
    }
}
