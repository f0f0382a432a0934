namespace RoezanGhl.Ghl;

/// <summary>
/// The priority of the GHL calls made in the current async flow. Reconciliation wraps its work in
/// <c>using (GhlRequestPriorityScope.Enter(GhlRequestPriority.Background)) { ... }</c> so that every
/// call it makes, however deep, leaves the daily reserve alone — without a priority argument on every
/// client method (which would also make mocks noisier).
/// </summary>
public static class GhlRequestPriorityScope
{
    private static readonly AsyncLocal<GhlRequestPriority?> CurrentPriority = new();

    /// <summary>The priority in effect here; <see cref="GhlRequestPriority.Normal"/> outside any scope.</summary>
    public static GhlRequestPriority Current => CurrentPriority.Value ?? GhlRequestPriority.Normal;

    /// <summary>Sets the priority until the returned scope is disposed, then restores the previous one.</summary>
    public static IDisposable Enter(GhlRequestPriority priority)
    {
        var previous = CurrentPriority.Value;
        CurrentPriority.Value = priority;
        return new Restore(previous);
    }

    private sealed class Restore(GhlRequestPriority? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                CurrentPriority.Value = previous;
                _disposed = true;
            }
        }
    }
}
