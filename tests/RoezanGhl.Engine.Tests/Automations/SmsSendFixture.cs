using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Sms;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Tests.Processing;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Engine.Tests.Automations;

/// <summary>
/// An app host on a fake clock (2026-06-10 11:00 in New York, inside sending hours) with both simulators and the
/// account's welcome automation, plus what the send tests arrange: a GHL contact and a row planned for it.
/// </summary>
internal sealed class SmsSendFixture : IAsyncDisposable
{
    public const string Phone = "+12015550131";
    public static readonly DateTimeOffset Start = new(2026, 6, 10, 15, 0, 0, TimeSpan.Zero);

    private SmsSendFixture(AppTestHost host, ProcessingParts.RecordingNotifier notices)
    {
        Host = host;
        Notices = notices;
    }

    public AppTestHost Host { get; }

    public ProcessingParts.RecordingNotifier Notices { get; }

    public SmsSendStore Store => Host.Get<SmsSendStore>();

    public SmsScheduleSweeper Sweeper => Host.Get<SmsScheduleSweeper>();

    public RoezanGhl.RoezanSimulator.Hosting.RoezanSimulatorHost Roezan => Host.Roezan.Simulator;

    public IReadOnlyList<RoezanMessage> SentTexts => [.. Roezan.State.MessagesOf(AppTestHost.AccountId).Where(m => m.Direction == MessageDirection.Outbound)];

    public static async Task<SmsSendFixture> StartAsync(params (string Key, string Value)[] settings)
    {
        var notices = new ProcessingParts.RecordingNotifier();
        var builder = AppTestHost.Create().WithFakeTime(Start).WithRoezanSimulator()
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations:0:Template", "welcome-new-lead")
            .WithServices(services => services.AddSingleton<IFailureNotifier>(notices));
        foreach (var (key, value) in settings)
        {
            builder.WithSetting(key, value);
        }

        return new SmsSendFixture(await builder.StartAsync(), notices);
    }

    /// <summary>A GHL contact with the test phone (and <paramref name="extra"/> members, e.g. <c>dnd</c>); its id.</summary>
    public string SeedContact(JsonObject? extra = null)
    {
        var fields = new JsonObject { ["firstName"] = "Ana", ["phone"] = Phone };
        foreach (var (name, value) in extra ?? [])
        {
            fields[name] = value?.DeepClone();
        }

        return Host.Simulator.State.SeedContact(AppTestHost.LocationId, fields)["id"]!.GetValue<string>();
    }

    /// <summary>Stores a planned welcome text for the contact, due at <paramref name="sendAt"/> (now by default).</summary>
    public async Task<SmsSendRecord> PlanAsync(string contactId, string identity = "contact-created", DateTimeOffset? sendAt = null, string body = "Hi Ana, thanks for reaching out!")
    {
        var at = sendAt ?? Host.Time.GetUtcNow();
        var send = new PlannedSend
        {
            SendId = SendIds.For(AppTestHost.AccountId, "welcome-new-lead", contactId, identity),
            AccountId = AppTestHost.AccountId,
            AutomationName = "welcome-new-lead",
            Trigger = AutomationTriggerKind.ContactCreated,
            TriggerIdentity = identity,
            TriggeredAt = at,
            ContactId = contactId,
            To = Phone,
            Body = body,
            Segments = SmsSegmentCounter.Count(body),
            SendAt = at,
            RequestedAt = at,
        };
        var (_, stored) = await Store.AddAsync(new SmsSendRecord { Send = send, LocationId = AppTestHost.LocationId, State = SmsSendState.Planned, PlannedAt = Host.Time.GetUtcNow() }, CancellationToken.None);
        return stored;
    }

    public async Task<SmsSendRecord> ReadAsync(SmsSendRecord record) =>
        (await Store.ReadAsync(AppTestHost.AccountId, record.Send.SendId, CancellationToken.None))!;

    /// <summary>
    /// Runs <paramref name="work"/> while moving the fake clock on in small steps: the Roezan client's retry delays
    /// run on the app's clock, so a call that is retried waits for the clock, not for wall time.
    /// </summary>
    public async Task RunWhileTheClockMovesAsync(Func<Task> work)
    {
        var running = work();
        while (!running.IsCompleted)
        {
            Host.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(running, Task.Delay(5));
        }

        await running;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
