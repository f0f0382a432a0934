using System.Globalization;
using System.Text.Json.Nodes;
using RoezanGhl.Engine.Automations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.Storage.Sends;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Automations;

/// <summary>
/// A STOP reply through both simulators: Roezan's webhook, the door, the queue and the Roezan → GHL applier, which
/// syncs the message, turns GHL's SMS do-not-disturb on, cancels the contact's planned texts and opts it out in
/// Roezan. The clock is fake: 2026-06-09 15:00 UTC is 11:00 in New York.
/// </summary>
[IntegrationLane]
public sealed class SmsOptOutEndToEndTests
{
    private const string Phone = "+12015550143";
    private static readonly DateTimeOffset Start = new(2026, 6, 9, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AppointmentStart = new(2026, 6, 11, 19, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("STOP")]
    [InlineData("Opt out.")]
    public async Task A_stop_reply_opts_the_contact_out_in_both_systems_and_cancels_its_planned_reminder(string reply)
    {
        await using var host = await AppTestHost.Create().WithFakeTime(Start).WithRoezanSimulator()
            .WithSetting($"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations:0:Template", "appointment-reminder-24h")
            .StartAsync();
        var contact = host.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Ana", ["phone"] = Phone })["id"]!.GetValue<string>();
        Assert.Equal(200, (await host.PostGhlAsync(Appointment(contact))).StatusCode);
        await host.DrainAsync();
        var reminder = Assert.Single(await host.Get<SmsSendStore>().ListOpenForContactAsync(AppTestHost.AccountId, contact, CancellationToken.None).ToListAsync());

        host.Roezan.Simulator.Admin.ReceiveSms(AppTestHost.AccountId, Phone, reply);
        await host.Roezan.Simulator.WaitForWebhooksAsync();
        await host.DrainAsync();

        var row = await host.Get<SmsSendStore>().ReadAsync(AppTestHost.AccountId, reminder.Send.SendId, CancellationToken.None);
        Assert.Equal(SmsSendState.Cancelled, row!.State);
        Assert.Contains("opt-out word", row.Reason, StringComparison.Ordinal);
        var ghl = Assert.Single(host.Simulator.State.ContactsOf(AppTestHost.LocationId), c => c["id"]!.GetValue<string>() == contact);
        Assert.Equal("active", ghl["dndSettings"]?["SMS"]?["status"]?.GetValue<string>());
        var roezan = host.Roezan.Simulator.State.FindContact(AppTestHost.AccountId, Phone)!;
        // Roezan opts out a STOP it recognises itself; a variant it does not gets our opt-out tag (its API has no opt-out call).
        Assert.True(roezan.OptedOut || roezan.Tags.Contains("sms-opt-out"));
        Assert.Equal(reply == "STOP", roezan.OptedOut);

        host.Time.Advance(AppointmentStart - TimeSpan.FromHours(24) - host.Time.GetUtcNow());
        await host.Get<SmsScheduleSweeper>().SweepAsync(CancellationToken.None);
        Assert.DoesNotContain(host.Roezan.Simulator.State.MessagesOf(AppTestHost.AccountId), m => m.Direction == MessageDirection.Outbound);
    }

    private static string Appointment(string contactId) =>
        new JsonObject
        {
            ["type"] = "AppointmentCreate",
            ["locationId"] = AppTestHost.LocationId,
            ["webhookId"] = "wh-stop-1",
            ["timestamp"] = Start.ToString("O", CultureInfo.InvariantCulture),
            ["appointment"] = new JsonObject
            {
                ["id"] = "appt-stop-1",
                ["contactId"] = contactId,
                ["title"] = "Consultation",
                ["appointmentStatus"] = "confirmed",
                ["startTime"] = AppointmentStart.ToString("O", CultureInfo.InvariantCulture),
                ["endTime"] = AppointmentStart.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
            },
        }.ToJsonString();
}
