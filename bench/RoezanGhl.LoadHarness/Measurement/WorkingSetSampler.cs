namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// Samples the process's working set every 200 ms while a run goes on and keeps the peak. The process holds the
/// system under load, the in-process GHL simulator and the harness, so the figure is an upper bound for the
/// system alone; both systems are measured the same way, after a full garbage collection.
/// </summary>
public sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    private WorkingSetSampler()
    {
        _peak = Environment.WorkingSet;
        _loop = SampleAsync();
    }

    public double PeakMegabytes => Interlocked.Read(ref _peak) / (1024.0 * 1024.0);

    public static WorkingSetSampler Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new WorkingSetSampler();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var now = Environment.WorkingSet;
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped with the run.
        }
    }
}
