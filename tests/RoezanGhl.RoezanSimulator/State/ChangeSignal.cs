namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// Lets a caller wait until a condition over some state holds, re-checking it after every
/// <see cref="Pulse"/>. The task is taken before the condition is checked, so a change that lands
/// between the check and the wait still wakes the waiter: no polling, no sleeps.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next <see cref="Pulse"/> happens.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Next;
            if (condition())
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
