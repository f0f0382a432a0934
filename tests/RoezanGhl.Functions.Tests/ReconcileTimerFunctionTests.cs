using Moq;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Functions.Functions;

namespace RoezanGhl.Functions.Tests;

public class ReconcileTimerFunctionTests
{
    [Fact]
    public async Task Each_tick_reconciles_every_location_once_with_the_hosts_cancellation()
    {
        var reconciler = new Mock<Reconciler>();
        using var stop = new CancellationTokenSource();
        reconciler.Setup(r => r.RunAllAsync(stop.Token)).ReturnsAsync([]);

        await new ReconcileTimerFunction(reconciler.Object).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), stop.Token);

        reconciler.Verify(r => r.RunAllAsync(stop.Token), Times.Once);
        reconciler.VerifyNoOtherCalls();
    }
}
