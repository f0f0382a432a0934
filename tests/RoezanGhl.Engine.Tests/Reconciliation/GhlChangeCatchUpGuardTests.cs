using Microsoft.Extensions.DependencyInjection;
using Moq;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public class GhlChangeCatchUpGuardTests
{
    [Fact]
    public async Task A_search_that_ignored_the_date_filter_fails_the_run_and_feeds_nothing()
    {
        var ghl = new Mock<GhlContactsClient>();
        ghl.Setup(client => client.SearchContactsUpdatedSinceAsync(It.IsAny<string>(), It.IsAny<GhlContactSearchQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, GhlContactSearchQuery query, CancellationToken _) =>
                new GhlContactSearchPage([new GhlContact { Id = "old", Phone = "+12015550100", DateUpdated = query.UpdatedSince.AddDays(-3) }], 1, null));
        await using var rig = await ReconcileRig.StartAsync(
            new Dictionary<string, string?> { ["Sync:ReconcileGhlChanges"] = "true" },
            services => services.AddSingleton(ghl.Object));

        var summary = await rig.RunAsync();

        Assert.Equal(ReconcileRunOutcome.Failed, summary.Outcome);
        Assert.Contains("ignored the dateUpdated filter", summary.Reason, StringComparison.Ordinal);
        Assert.Equal(0, summary.GhlChangesFed);
        Assert.Empty(await rig.PeekQueuedAsync());
        Assert.Null((await rig.Cursors.GetGhlChangeCursorAsync(ReconcileRig.LocationId, CancellationToken.None)).Since);
    }
}
