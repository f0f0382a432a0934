using System.Globalization;
using System.Text.Json.Nodes;
using RoezanGhl.Engine.Automations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests.Automations;

/// <summary>
/// GHL webhooks through the door, the queue and the GHL → Roezan applier, which plans the account's automations beside
/// the sync; the send sweep then texts through the Roezan simulator. The clock is fake: 2026-06-09 15:00 UTC is 11:00 in New York.
/// </summary>
[IntegrationLane]
public sealed class SmsAutomationEndToEndTests
{
    private const string Phone = "+12015550141";
    private static readonly DateTimeOffset Start = new(2026, 6, 9, 15, 0, 0, TimeSpan.Zero);

    private static Task<AppTestHost> StartAsync(params string[] templates)
    {
        var builder = AppTestHost.Create().WithFakeTime(Start).WithRoezanSimulator();
        for (var i = 0; i < templates.Length; i++)
        {
            builder.WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations:{i}:Template", templates[i]);
        }

        return builder.StartAsync();
    }

    private static IReadOnlyList<RoezanMessage> Texts(AppTestHost host) =>
        [.. host.Roezan.Simulator.State.MessagesOf(AppTestHost.AccountId).Where(m => m.Direction == MessageDirection.Outbound)];

    private static async Task DeliverAsync(AppTestHost host, string body)
    {
        Assert.Equal(200, (await host.PostGhlAsync(body)).StatusCode);
        await host.DrainAsync();
    }

    private static async Task SweepAsync(AppTestHost host) => await host.Get<SmsScheduleSweeper>().SweepAsync(CancellationToken.None);

    private static string SeedGhlContact(AppTestHost host) =>
        host.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Ana", ["phone"] = Phone })["id"]!.GetValue<string>();

    private static string Appointment(string type, string webhookId, string contactId, DateTimeOffset at, DateTimeOffset start, string status = "confirmed") =>
        new JsonObject
        {
            ["type"] = type,
            ["locationId"] = AppTestHost.LocationId,
            ["webhookId"] = webhookId,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["appointment"] = new JsonObject
            {
                ["id"] = "appt-1",
                ["contactId"] = contactId,
                ["title"] = "Consultation",
                ["appointmentStatus"] = status,
                ["startTime"] = start.ToString("O", CultureInfo.InvariantCulture),
                ["endTime"] = start.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
            },
        }.ToJsonString();

    [Fact]
    public async Task A_new_lead_gets_the_welcome_text_once_even_when_the_webhook_is_delivered_again()
    {
        await using var host = await StartAsync("welcome-new-lead");
        var contact = SeedGhlContact(host);
        var created = GhlSampleEvents.ContactUpdate("wh-new-1", Start, contactId: contact, phone: Phone, type: "ContactCreate");

        await DeliverAsync(host, created);
        await SweepAsync(host);
        await DeliverAsync(host, created);
        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-new-2", Start.AddSeconds(5), contactId: contact, phone: Phone, type: "ContactCreate"));
        await SweepAsync(host);

        var text = Assert.Single(Texts(host));
        Assert.Equal("Hi Ana, thanks for reaching out! We'll text you here shortly. Reply STOP to opt out.", text.Content);
        Assert.Equal(Phone, text.Phone);
    }

    [Fact]
    public async Task A_tag_added_in_ghl_sends_the_campaign_text_once_and_a_tag_already_there_sends_nothing()
    {
        await using var host = await AppTestHost.Create().WithFakeTime(Start).WithRoezanSimulator()
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations:0:Template", "tag-campaign")
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations:0:Trigger:Tags:0", "spring-sale")
            .StartAsync();
        var contact = SeedGhlContact(host);
        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-t-0", Start, contactId: contact, phone: Phone, tags: ["vip"], type: "ContactCreate"));

        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-t-1", Start.AddMinutes(1), contactId: contact, phone: Phone, tags: ["vip", "spring-sale"], type: "ContactTagUpdate"));
        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-t-2", Start.AddMinutes(2), contactId: contact, phone: Phone, tags: ["vip", "spring-sale", "other"], type: "ContactTagUpdate"));
        host.Time.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync(host);

        var text = Assert.Single(Texts(host));
        Assert.StartsWith("Hi Ana, thanks for your interest!", text.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roezan_text_with_the_keyword_gets_the_auto_reply_once_and_one_without_it_gets_none()
    {
        await using var host = await StartAsync("keyword-auto-reply");
        SeedGhlContact(host);

        host.Roezan.Simulator.Admin.ReceiveSms(AppTestHost.AccountId, Phone, "hello there");
        host.Roezan.Simulator.Admin.ReceiveSms(AppTestHost.AccountId, Phone, "info please");
        await host.Roezan.Simulator.WaitForWebhooksAsync();
        await host.DrainAsync();
        await SweepAsync(host);
        await SweepAsync(host);

        var text = Assert.Single(Texts(host));
        Assert.Equal("Thanks for your message, Ana! We'll get back to you shortly. Reply STOP to opt out.", text.Content);
        Assert.Equal(Phone, text.Phone);
    }

    [Fact]
    public async Task A_text_with_no_reply_gets_one_nudge_after_the_wait_and_a_reply_in_time_cancels_it()
    {
        await using var host = await StartAsync("welcome-new-lead", "missed-reply");
        var quiet = SeedGhlContact(host);
        var replying = host.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Bo", ["phone"] = "+12015550142" })["id"]!.GetValue<string>();
        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-q-1", Start, contactId: quiet, phone: Phone, type: "ContactCreate"));
        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-r-1", Start, contactId: replying, phone: "+12015550142", type: "ContactCreate"));
        await SweepAsync(host);
        Assert.Equal(2, Texts(host).Count);

        host.Time.Advance(TimeSpan.FromHours(1));
        host.Roezan.Simulator.Admin.ReceiveSms(AppTestHost.AccountId, "+12015550142", "thanks, got it");
        host.Time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        await SweepAsync(host);
        await SweepAsync(host);

        var nudge = Assert.Single(Texts(host), text => text.Content.Contains("just checking you saw our last message", StringComparison.Ordinal));
        Assert.Equal(Phone, nudge.Phone);
        Assert.Equal(3, Texts(host).Count);
    }

    [Fact]
    public async Task A_booked_appointment_gets_its_confirmation_at_once_and_its_reminder_24_hours_before()
    {
        await using var host = await StartAsync("appointment-confirmation", "appointment-reminder-24h");
        var contact = SeedGhlContact(host);
        var start = new DateTimeOffset(2026, 6, 11, 19, 30, 0, TimeSpan.Zero);

        await DeliverAsync(host, Appointment("AppointmentCreate", "wh-a-1", contact, Start, start));
        await SweepAsync(host);
        Assert.StartsWith("Hi Ana, your Consultation is booked for Thursday, June 11, 2026 at 3:30 PM.", Assert.Single(Texts(host)).Content, StringComparison.Ordinal);

        host.Time.Advance(start - TimeSpan.FromHours(24) - host.Time.GetUtcNow());
        await SweepAsync(host);
        await SweepAsync(host);

        Assert.Equal(2, Texts(host).Count);
        Assert.Contains(Texts(host), text => text.Content.StartsWith("Hi Ana, a reminder of your Consultation on Thursday, June 11, 2026 at 3:30 PM.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moved_appointment_re_plans_its_reminder_for_the_new_time_and_never_sends_the_old_one()
    {
        await using var host = await StartAsync("appointment-reminder-24h");
        var contact = SeedGhlContact(host);
        var start = new DateTimeOffset(2026, 6, 11, 19, 30, 0, TimeSpan.Zero);
        var moved = start.AddDays(1);
        await DeliverAsync(host, Appointment("AppointmentCreate", "wh-m-1", contact, Start, start));

        await DeliverAsync(host, Appointment("AppointmentUpdate", "wh-m-2", contact, Start.AddMinutes(1), moved));
        host.Time.Advance(start - TimeSpan.FromHours(24) - host.Time.GetUtcNow());
        await SweepAsync(host);
        Assert.Empty(Texts(host));
        host.Time.Advance(TimeSpan.FromDays(1));
        await SweepAsync(host);

        var text = Assert.Single(Texts(host));
        Assert.Contains("Friday, June 12, 2026", text.Content, StringComparison.Ordinal);
        var rows = host.Get<SmsSendStore>().ListSentAsync(AppTestHost.AccountId, Start, CancellationToken.None);
        Assert.Single(await rows.ToListAsync());
    }

    [Fact]
    public async Task A_cancelled_appointment_cancels_its_reminder()
    {
        await using var host = await StartAsync("appointment-reminder-24h");
        var contact = SeedGhlContact(host);
        var start = new DateTimeOffset(2026, 6, 11, 19, 30, 0, TimeSpan.Zero);
        await DeliverAsync(host, Appointment("AppointmentCreate", "wh-c-1", contact, Start, start));

        await DeliverAsync(host, Appointment("AppointmentDelete", "wh-c-2", contact, Start.AddMinutes(1), start, status: "cancelled"));
        host.Time.Advance(start - TimeSpan.FromHours(24) - host.Time.GetUtcNow());
        await SweepAsync(host);

        Assert.Empty(Texts(host));
    }

    [Fact]
    public async Task A_lead_created_at_night_is_welcomed_at_the_first_minute_of_sending_hours()
    {
        await using var host = await StartAsync("welcome-new-lead");
        var contact = SeedGhlContact(host);
        host.Time.Advance(TimeSpan.FromHours(12));
        var night = host.Time.GetUtcNow();

        await DeliverAsync(host, GhlSampleEvents.ContactUpdate("wh-n-1", night, contactId: contact, phone: Phone, type: "ContactCreate"));
        await SweepAsync(host);
        Assert.Empty(Texts(host));
        host.Time.Advance(new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero) - night);
        await SweepAsync(host);

        var text = Assert.Single(Texts(host));
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero), text.CreatedAt);
    }
}
