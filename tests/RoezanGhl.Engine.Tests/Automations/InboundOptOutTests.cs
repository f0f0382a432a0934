using RoezanGhl.Engine.Automations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Automations;

[IntegrationLane]
public sealed class InboundOptOutTests
{
    [Fact]
    public async Task An_opt_out_cancels_the_planned_texts_tags_roezan_once_and_a_second_run_changes_nothing()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var contact = app.SeedContact();
        var first = await app.PlanAsync(contact, identity: "first");
        var second = await app.PlanAsync(contact, identity: "second", sendAt: SmsSendFixture.Start.AddHours(2));
        app.Roezan.Admin.SeedContact(AppTestHost.AccountId, new ContactFields { Phone = SmsSendFixture.Phone, Tags = ["vip"] });
        var optOut = app.Host.Get<InboundOptOut>();

        var cancelled = await optOut.ApplyAsync(AppTestHost.AccountId, contact, SmsSendFixture.Phone, "evt_stop", CancellationToken.None);
        var again = await optOut.ApplyAsync(AppTestHost.AccountId, contact, SmsSendFixture.Phone, "evt_stop", CancellationToken.None);

        Assert.Equal((2, 0), (cancelled, again));
        foreach (var row in new[] { first, second })
        {
            var stored = await app.ReadAsync(row);
            Assert.Equal(SmsSendState.Cancelled, stored.State);
            Assert.Contains("evt_stop", stored.Reason, StringComparison.Ordinal);
        }

        var roezan = app.Roezan.State.FindContact(AppTestHost.AccountId, SmsSendFixture.Phone)!;
        Assert.Equal(["vip", "sms-opt-out"], roezan.Tags);
        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task A_number_roezan_has_opted_out_already_is_not_written_to_roezan()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var contact = app.SeedContact();
        app.Roezan.Admin.SeedContact(AppTestHost.AccountId, new ContactFields { Phone = SmsSendFixture.Phone, OptedIn = false, OptedOutAt = SmsSendFixture.Start });

        await app.Host.Get<InboundOptOut>().ApplyAsync(AppTestHost.AccountId, contact, SmsSendFixture.Phone, "evt_stop", CancellationToken.None);

        var roezan = app.Roezan.State.FindContact(AppTestHost.AccountId, SmsSendFixture.Phone)!;
        Assert.Empty(roezan.Tags);
        Assert.True(roezan.OptedOut);
    }
}
