using System.Net;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Automations;

/// <summary>
/// Roezan's 429s around a send, with the Roezan simulator's rate limit (a fixed window per account) on the app's fake
/// clock. The test uses up the window with its own client, which the app's client cannot know of, so that Roezan
/// itself answers 429 (not only the client's own wait for the window to reset).
/// </summary>
[IntegrationLane]
public sealed class SmsRateLimitTests
{
    [Fact]
    public async Task A_send_answered_429_is_planned_again_for_the_retry_after_and_sent_once_when_it_falls_due()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await UseUpTheWindowAsync(app, limit: 2, windowSeconds: 60);

        var result = await app.Host.Get<ISmsSender>().SendAsync(planned, CancellationToken.None);

        var row = await app.ReadAsync(planned);
        Assert.Equal((SmsSendState.Planned, 0), (result.State, row.Attempts));
        Assert.Equal(SmsSendState.Planned, row.State);
        Assert.InRange(row.Send.SendAt, SmsSendFixture.Start.AddSeconds(50), SmsSendFixture.Start.AddSeconds(60));
        Assert.Contains("Retry-After", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1, app.Roezan.State.Counters.Snapshot().RateLimited);
        await app.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Empty(app.SentTexts);

        app.Host.Time.Advance(TimeSpan.FromSeconds(61));
        await app.Sweeper.SweepAsync(CancellationToken.None);
        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Single(app.SentTexts);
        Assert.Equal((SmsSendState.Sent, 1), ((await app.ReadAsync(planned)).State, (await app.ReadAsync(planned)).Attempts));
    }

    [Fact]
    public async Task A_lost_answer_whose_look_up_meets_a_429_stays_sending_and_is_settled_later_never_unknown_nor_resent()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await app.Host.Get<RoezanApiClient>().SendMessageAsync(AppTestHost.AccountId, SmsSendFixture.Phone, planned.Send.Body, CancellationToken.None);
        await app.Store.TryUpdateAsync(planned with { State = SmsSendState.Sending, SendingSince = app.Host.Time.GetUtcNow(), Attempts = 1 }, CancellationToken.None);
        app.Host.Time.Advance(TimeSpan.FromMinutes(3));
        await UseUpTheWindowAsync(app, limit: 3, windowSeconds: 3600);

        await app.RunWhileTheClockMovesAsync(() => app.Sweeper.SweepAsync(CancellationToken.None));

        var waiting = await app.ReadAsync(planned);
        Assert.Equal(SmsSendState.Sending, waiting.State);
        Assert.Contains("rate limited", waiting.Reason, StringComparison.Ordinal);
        Assert.Empty(app.Notices.Notices);

        app.Host.Time.Advance(TimeSpan.FromHours(1));
        await app.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Single(app.SentTexts);
        Assert.Equal(SmsSendState.Sent, (await app.ReadAsync(planned)).State);
        Assert.Empty(app.Notices.Notices);
    }

    [Fact]
    public async Task A_lost_answer_whose_look_ups_meet_429s_for_longer_than_the_give_up_time_ends_unknown_and_notified_never_resent()
    {
        await using var app = await SmsSendFixture.StartAsync();
        var planned = await app.PlanAsync(app.SeedContact());
        await app.Host.Get<RoezanApiClient>().SendMessageAsync(AppTestHost.AccountId, SmsSendFixture.Phone, planned.Send.Body, CancellationToken.None);
        await app.Store.TryUpdateAsync(planned with { State = SmsSendState.Sending, SendingSince = app.Host.Time.GetUtcNow(), Attempts = 1 }, CancellationToken.None);
        app.Host.Time.Advance(TimeSpan.FromMinutes(3));
        await UseUpTheWindowAsync(app, limit: 3, windowSeconds: 3 * 24 * 3600);

        await app.RunWhileTheClockMovesAsync(() => app.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(SmsSendState.Sending, (await app.ReadAsync(planned)).State);

        // Sms:LookupGiveUpAfter (a day) later, Roezan still answers 429: we cannot tell, so Unknown, not a wait for ever.
        app.Host.Time.Advance(TimeSpan.FromDays(1));
        await app.RunWhileTheClockMovesAsync(() => app.Sweeper.SweepAsync(CancellationToken.None));

        var row = await app.ReadAsync(planned);
        Assert.Equal(SmsSendState.Unknown, row.State);
        Assert.Contains("429", row.Reason, StringComparison.Ordinal);
        Assert.Single(app.Notices.Notices);
        Assert.Single(app.SentTexts);
    }

    [Fact]
    public async Task A_429_storm_with_a_ghost_write_sends_every_text_exactly_once_and_none_ends_unknown()
    {
        await using var app = await SmsSendFixture.StartAsync(("Sms:MaxPerContactPerDay", "10"));
        var contact = app.SeedContact();
        var rows = new List<SmsSendRecord>();
        for (var i = 0; i < 6; i++)
        {
            rows.Add(await app.PlanAsync(contact, identity: $"storm-{i}", body: $"Storm text {i}."));
        }

        app.Roezan.Settings = app.Roezan.Settings with { GhostWriteCount = 1 };
        await UseUpTheWindowAsync(app, limit: 3, windowSeconds: 60);
        for (var sweep = 0; sweep < 40 && !await AllFinalAsync(app, rows); sweep++)
        {
            await app.RunWhileTheClockMovesAsync(() => app.Sweeper.SweepAsync(CancellationToken.None));
            app.Host.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.True(app.Roezan.State.Counters.Snapshot().RateLimited >= 1);
        Assert.Equal(rows.Select(row => row.Send.Body).Order(), app.SentTexts.Select(text => text.Content).Order());
        foreach (var row in rows)
        {
            var stored = await app.ReadAsync(row);
            Assert.True(stored.State == SmsSendState.Sent, $"{stored.Send.Body} is {stored.State}: {stored.Reason}");
        }

        Assert.Empty(app.Notices.Notices);
    }

    /// <summary>Sets the simulator's window and uses all of it up with the test's own client (its last request is answered 429).</summary>
    private static async Task UseUpTheWindowAsync(SmsSendFixture app, int limit, int windowSeconds)
    {
        app.Roezan.Settings = app.Roezan.Settings with { RateLimitLimit = limit, RateLimitWindowSeconds = windowSeconds };
        using var own = app.Roezan.CreateClient();
        HttpStatusCode status;
        var before = app.Roezan.State.Counters.Snapshot().RateLimited;
        do
        {
            using var answer = await own.GetAsync(new Uri("integrations/contacts?phone=%2B12015550199", UriKind.Relative));
            status = answer.StatusCode;
        }
        while (status != HttpStatusCode.TooManyRequests);

        // The test's own 429 is not the app's: counted out again so assertions see only the app's.
        Assert.Equal(before + 1, app.Roezan.State.Counters.Snapshot().RateLimited);
        app.Roezan.State.Counters.Reset();
    }

    private static async Task<bool> AllFinalAsync(SmsSendFixture app, IEnumerable<SmsSendRecord> rows)
    {
        foreach (var row in rows)
        {
            if (!(await app.ReadAsync(row)).IsFinal)
            {
                return false;
            }
        }

        return true;
    }
}
