using System.Globalization;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Inbound messages of an account set to <c>InboundMessages = conversation</c>, through the whole pipeline (webhook,
/// queue, planner, GHL) while GHL answers 5xx and ghost-writes: each message is in its contact's thread once, the first
/// message of each number made its contact, and no note was written.
/// </summary>
[IntegrationLane]
public sealed class ConversationInboundTests(ITestOutputHelper output)
{
    private const int Numbers = 6;
    private const int MessagesPerNumber = 5;

    [Fact]
    public async Task Inbound_messages_appear_once_in_their_contacts_threads_under_5xx_and_ghost_writes_and_redeliveries()
    {
        await using var app = await AppTestHost.Create()
            .WithSetting("Ghl:RateLimitMaxRequests", "10000")
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:InboundMessages", "conversation")
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:GhlConversationProviderId", "sim-sms-provider")
            .StartAsync();
        app.Simulator.Settings = app.Simulator.Settings with
        {
            RecordInMemory = false,
            RateLimitMax = 10_000,
            ServerErrorRatio = 0.1,
            GhostWriteRatio = 0.2,
            GhostWriteMode = GhostWriteMode.Abort,
        };

        var bodies = new List<string>();
        for (var m = 0; m < MessagesPerNumber; m++)
        {
            for (var n = 0; n < Numbers; n++)
            {
                var id = $"{n}-{m}";
                bodies.Add(RoezanEvents.Message(id, $"+1201555017{n}", $"message {m} from number {n}", at: RoezanEvents.T0.AddMinutes(m).AddMilliseconds(n)));
            }
        }

        await app.PostAllAsync(bodies);
        await app.PostAllAsync(bodies.Take(Numbers * 2)); // re-deliveries: answered duplicate, nothing queued
        await app.DrainAsync(TimeSpan.FromSeconds(90));

        var counters = app.Simulator.State.Counters.Snapshot();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bodies.Count} messages: {counters.Total} GHL answers ({(double)counters.Total / bodies.Count:F2} per message; {string.Join(", ", counters.ByStatus.Select(s => $"{s.Key}: {s.Value}"))}); pump: {app.Pump.Delivered} deliveries, {app.Pump.Failed} failed, {app.Pump.Poisoned} poisoned"));
        var contacts = app.Simulator.State.ContactsOf(AppTestHost.LocationId);
        Assert.Equal(Numbers, contacts.Count);
        var messages = app.Simulator.State.Conversations.MessagesIn(AppTestHost.LocationId);
        Assert.Equal(bodies.Count, messages.Count);
        Assert.Equal(bodies.Count, messages.Select(message => message.AltId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(messages, message => Assert.Equal("inbound", message.Direction));
        Assert.All(contacts, contact => Assert.Empty(app.Simulator.State.ChildrenOf(AppTestHost.LocationId, contact["id"]!.GetValue<string>(), ChildKind.Note)));
        Assert.Equal(0, app.Pump.Poisoned);
    }
}
