using System.Text.Json.Nodes;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Automations;

[IntegrationLane]
public sealed class SmsScheduleSweeperTests
{
    [Fact]
    public async Task A_due_text_is_sent_once_and_recorded_as_sent_with_roezans_id()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());

        await app.Sweeper.SweepAsync(CancellationToken.None);
        await app.Sweeper.SweepAsync(CancellationToken.None);

        var text = Assert.Single(app.SentTexts);
        var row = await app.ReadAsync(planned);
        Assert.Equal((SmsSendState.Sent, text.Id, 1), (row.State, row.RoezanMessageId, row.Attempts));
        Assert.Equal("Hi Ana, thanks for reaching out!", text.Content);
    }

    [Fact]
    public async Task A_text_not_yet_due_waits_for_its_minute()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact(), sendAt: SmsSendFixture.Start.AddMinutes(10));

        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(app.SentTexts);

        app.Host.Time.Advance(TimeSpan.FromMinutes(10));
        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Single(app.SentTexts);
        Assert.Equal(SmsSendState.Sent, (await app.ReadAsync(planned)).State);
    }

    [Fact]
    public async Task A_ghost_write_is_found_in_roezan_and_recorded_sent_without_a_second_text()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        app.Roezan.Settings = app.Roezan.Settings with { GhostWriteCount = 1 };

        await app.Sweeper.SweepAsync(CancellationToken.None);
        app.Host.Time.Advance(TimeSpan.FromMinutes(5));
        await app.Sweeper.SweepAsync(CancellationToken.None);

        var text = Assert.Single(app.SentTexts);
        var row = await app.ReadAsync(planned);
        Assert.Equal((SmsSendState.Sent, text.Id), (row.State, row.RoezanMessageId));
        Assert.Contains("found in Roezan", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_after_roezan_sent_but_before_sent_was_recorded_is_settled_by_a_lookup_not_a_resend()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await app.Host.Get<RoezanApiClient>().SendMessageAsync(AppTestHost.AccountId, SmsSendFixture.Phone, planned.Send.Body, CancellationToken.None);
        await app.Store.TryUpdateAsync(planned with { State = SmsSendState.Sending, SendingSince = app.Host.Time.GetUtcNow(), Attempts = 1 }, CancellationToken.None);

        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(SmsSendState.Sending, (await app.ReadAsync(planned)).State);

        app.Host.Time.Advance(TimeSpan.FromMinutes(3));
        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Single(app.SentTexts);
        Assert.Equal(SmsSendState.Sent, (await app.ReadAsync(planned)).State);
    }

    [Fact]
    public async Task A_crash_before_roezan_got_the_text_is_found_not_sent_and_sent_once_afterwards()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await app.Store.TryUpdateAsync(planned with { State = SmsSendState.Sending, SendingSince = app.Host.Time.GetUtcNow(), Attempts = 1 }, CancellationToken.None);
        app.Host.Time.Advance(TimeSpan.FromMinutes(3));

        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(SmsSendState.Planned, (await app.ReadAsync(planned)).State);
        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Single(app.SentTexts);
        Assert.Equal((SmsSendState.Sent, 2), ((await app.ReadAsync(planned)).State, (await app.ReadAsync(planned)).Attempts));
    }

    [Fact]
    public async Task When_the_lookup_cannot_answer_the_text_is_marked_unknown_notified_and_never_resent()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await app.Store.TryUpdateAsync(planned with { State = SmsSendState.Sending, SendingSince = app.Host.Time.GetUtcNow(), Attempts = 1 }, CancellationToken.None);
        app.Host.Time.Advance(TimeSpan.FromMinutes(3));
        app.Roezan.Settings = app.Roezan.Settings with { ServerErrorBurst = 10 };

        await app.RunWhileTheClockMovesAsync(() => app.Sweeper.SweepAsync(CancellationToken.None));
        app.Roezan.Settings = app.Roezan.Settings with { ServerErrorBurst = 0 };
        app.Host.Time.Advance(TimeSpan.FromMinutes(3));
        await app.Sweeper.SweepAsync(CancellationToken.None);

        var row = await app.ReadAsync(planned);
        Assert.Equal(SmsSendState.Unknown, row.State);
        Assert.Contains("not sent again", row.Reason, StringComparison.Ordinal);
        Assert.Empty(app.SentTexts);
        var notice = Assert.Single(app.Notices.Notices);
        Assert.Equal((planned.Send.SendId, "Unknown"), (notice.EventId, notice.Status));
        Assert.DoesNotContain(SmsSendFixture.Phone, notice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opt_out_in_roezan_after_planning_cancels_the_text()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        app.Roezan.Admin.OptOut(AppTestHost.AccountId, SmsSendFixture.Phone);

        await app.Sweeper.SweepAsync(CancellationToken.None);

        var row = await app.ReadAsync(planned);
        Assert.Equal(SmsSendState.Cancelled, row.State);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task The_opt_out_tag_on_the_roezan_contact_at_send_time_cancels_the_text()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        app.Roezan.Admin.SeedContact(AppTestHost.AccountId, new RoezanGhl.RoezanSimulator.State.ContactFields { Phone = SmsSendFixture.Phone, Tags = ["sms-opt-out"] });

        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(SmsSendState.Cancelled, (await app.ReadAsync(planned)).State);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task Ghl_do_not_disturb_for_sms_at_send_time_cancels_the_text()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact(new JsonObject { ["dndSettings"] = new JsonObject { ["SMS"] = new JsonObject { ["status"] = "active" } } }));

        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(SmsSendState.Cancelled, (await app.ReadAsync(planned)).State);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task A_text_whose_time_falls_in_quiet_hours_past_its_grace_is_cancelled_never_sent_at_night()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        app.Host.Time.Advance(TimeSpan.FromHours(11.5));

        await app.Sweeper.SweepAsync(CancellationToken.None);

        var row = await app.ReadAsync(planned);
        Assert.Equal(SmsSendState.Cancelled, row.State);
        Assert.Contains("grace", row.Reason, StringComparison.Ordinal);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task A_text_over_the_contacts_daily_cap_is_dropped_with_the_reason()
    {
        await using var app = await SmsSendFixture.StartAsync(("Sms:MaxPerContactPerDay", "1"));
        var contact = app.SeedContact();
        var first = await app.PlanAsync(contact, identity: "first");
        var second = await app.PlanAsync(contact, identity: "second", sendAt: SmsSendFixture.Start.AddSeconds(1), body: "A second text.");
        app.Host.Time.Advance(TimeSpan.FromSeconds(1));

        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(SmsSendState.Sent, (await app.ReadAsync(first)).State);
        var dropped = await app.ReadAsync(second);
        Assert.Equal(SmsSendState.Dropped, dropped.State);
        Assert.Contains("Sms:MaxPerContactPerDay", dropped.Reason, StringComparison.Ordinal);
        Assert.Single(app.SentTexts);
    }

    [Fact]
    public async Task Roezan_refusing_the_number_cancels_the_text_with_its_code_and_sends_nothing()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        var roezanContact = app.Roezan.Admin.SeedContact(AppTestHost.AccountId, new RoezanGhl.RoezanSimulator.State.ContactFields { Phone = SmsSendFixture.Phone, Invalid = true });
        Assert.True(roezanContact.Invalid);

        var result = await app.Host.Get<RoezanGhl.Engine.Automations.ISmsSender>().SendAsync(planned, CancellationToken.None);

        Assert.Equal(SmsSendState.Cancelled, result.State);
        Assert.Contains("contact_invalid", result.Reason, StringComparison.Ordinal);
        Assert.Empty(app.SentTexts);
    }

    [Fact]
    public async Task Send_once_with_the_same_id_twice_sends_one_text()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var sender = app.Host.Get<RoezanGhl.Engine.Automations.ISmsSender>();

        var first = await sender.SendOnceAsync("reply-1", AppTestHost.AccountId, SmsSendFixture.Phone, "Typed in GHL.", CancellationToken.None);
        var second = await sender.SendOnceAsync("reply-1", AppTestHost.AccountId, SmsSendFixture.Phone, "Typed in GHL.", CancellationToken.None);

        Assert.Equal((SmsSendState.Sent, true), (first.State, first.SentByThisCall));
        Assert.Equal((SmsSendState.Sent, false, first.RoezanMessageId), (second.State, second.SentByThisCall, second.RoezanMessageId));
        Assert.Single(app.SentTexts);
    }
}
