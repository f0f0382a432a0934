using System.Diagnostics;

namespace RoezanGhl.TestSupport.Time;

/// <summary>
/// Waits for a condition the code under test makes true (a request recorded, a write attempted, a log written):
/// the explicit gate a test passes before it asserts or moves a fake clock. The real time it may take is only a
/// guard against a hang; nothing is asserted about it.
/// </summary>
public static class Gate
{
    private static readonly TimeSpan DefaultGuard = TimeSpan.FromSeconds(15);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="guard"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what = "the condition", TimeSpan? guard = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > (guard ?? DefaultGuard))
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
