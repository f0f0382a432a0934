using System.Globalization;
using System.Text.Json.Nodes;
using RoezanGhl.Engine.Automations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.LoadHarness.Sms;

/// <summary>
/// The <c>sms_automations</c> profile: both simulators in process, on a fake clock, with four ready-made templates
/// enabled. GHL webhooks (new leads by day and by night, re-deliveries with the same and with new webhook ids, booked,
/// moved and cancelled appointments, tags added) go through the door and the queue; Roezan ghost-writes 5 % of its
/// writes; ten numbers opt out between planning and sending. The clock then runs 30 hours in one-minute steps, the send
/// sweep running at each, and the Roezan simulator's record is audited.
/// </summary>
public static class SmsAutomationsRun
{
    private const int Contacts = 90;
    private static readonly DateTimeOffset Start = new(2026, 6, 9, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static async Task<SmsAutomationsFigures> RunAsync(int seed, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var random = new Random(seed);
        var account = $"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:Automations";
        await using var host = await AppTestHost.Create().WithFakeTime(Start)
            .WithRoezanSimulator(settings => settings with { GhostWriteRatio = 0.05, Seed = seed, RateLimitLimit = 1_000_000 })
            .WithSetting($"{account}:0:Template", "welcome-new-lead")
            .WithSetting($"{account}:1:Template", "appointment-confirmation")
            .WithSetting($"{account}:2:Template", "appointment-reminder-24h")
            .WithSetting($"{account}:3:Template", "tag-campaign")
            .WithSetting($"{account}:3:Trigger:Tags:0", "spring-sale")
            .WithSetting("Sms:MaxPerContactPerDay", "10")
            .WithSetting("Sms:SweepBatch", "25")
            .StartAsync().ConfigureAwait(false);
        var triggers = 0;
        var ids = new List<(string Id, string Phone)>();
        for (var i = 0; i < Contacts; i++)
        {
            var phone = string.Create(CultureInfo.InvariantCulture, $"+1201555{100 + i:0000}");
            ids.Add((host.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Ana", ["phone"] = phone })["id"]!.GetValue<string>(), phone));
        }

        async Task PostAsync(string body)
        {
            await host.PostGhlAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            triggers++;
        }

        // Day: the first 60 leads, every tenth delivered twice and every seventh again under a new webhook id.
        for (var i = 0; i < 60; i++)
        {
            var body = GhlSampleEvents.ContactUpdate($"wh-c-{i}", Now(host), contactId: ids[i].Id, phone: ids[i].Phone, tags: ["lead"], type: "ContactCreate");
            await PostAsync(body).ConfigureAwait(false);
            if (i % 10 == 0)
            {
                await PostAsync(body).ConfigureAwait(false);
            }

            if (i % 7 == 0)
            {
                await PostAsync(GhlSampleEvents.ContactUpdate($"wh-c-{i}-again", Now(host), contactId: ids[i].Id, phone: ids[i].Phone, tags: ["lead"], type: "ContactCreate")).ConfigureAwait(false);
            }

            if (i % 20 == 19)
            {
                await StepAsync(host, cancellationToken).ConfigureAwait(false);
            }
        }

        await StepAsync(host, cancellationToken).ConfigureAwait(false);

        // Appointments for 30 of them tomorrow afternoon; 8 move by two hours, 4 are cancelled. Tags for 25.
        var tomorrow = new DateTimeOffset(2026, 6, 10, 19, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            var start = tomorrow.AddMinutes(15 * random.Next(0, 8));
            await PostAsync(Appointment("AppointmentCreate", $"wh-a-{i}", ids[i].Id, Now(host), $"appt-{i}", start)).ConfigureAwait(false);
            if (i % 4 == 0)
            {
                await PostAsync(Appointment("AppointmentUpdate", $"wh-a-{i}-moved", ids[i].Id, Now(host), $"appt-{i}", start.AddHours(2))).ConfigureAwait(false);
            }
            else if (i % 7 == 1)
            {
                await PostAsync(Appointment("AppointmentDelete", $"wh-a-{i}-cancelled", ids[i].Id, Now(host), $"appt-{i}", start)).ConfigureAwait(false);
            }
        }

        await StepAsync(host, cancellationToken).ConfigureAwait(false);
        for (var i = 30; i < 55; i++)
        {
            await PostAsync(GhlSampleEvents.ContactUpdate($"wh-t-{i}", Now(host), contactId: ids[i].Id, phone: ids[i].Phone, tags: ["lead", "spring-sale"], type: "ContactTagUpdate")).ConfigureAwait(false);
        }

        // Night (22:30 in New York): 30 more leads, welcomed at 08:00; ten of them opt out before morning.
        await RunClockAsync(host, new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        for (var i = 60; i < Contacts; i++)
        {
            await PostAsync(GhlSampleEvents.ContactUpdate($"wh-n-{i}", Now(host), contactId: ids[i].Id, phone: ids[i].Phone, tags: ["lead"], type: "ContactCreate")).ConfigureAwait(false);
        }

        await StepAsync(host, cancellationToken).ConfigureAwait(false);
        var optedOut = 0;
        for (var i = 60; i < Contacts; i += 3)
        {
            host.Roezan.Simulator.Admin.OptOut(AppTestHost.AccountId, ids[i].Phone);
            optedOut++;
        }

        await RunClockAsync(host, Start.AddHours(30), cancellationToken).ConfigureAwait(false);
        return Audit(host, triggers, optedOut);
    }

    private static SmsAutomationsFigures Audit(AppTestHost host, int triggers, int optedOut)
    {
        var state = host.Roezan.Simulator.State;
        var texts = state.MessagesOf(AppTestHost.AccountId).Where(m => m.Direction == MessageDirection.Outbound).ToList();
        var contacts = state.ContactsOf(AppTestHost.AccountId).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var sendPathCalls = state.Recorded.Count(r =>
            r.Path.EndsWith("/message/send", StringComparison.Ordinal)
            || r.Path.EndsWith("/messages", StringComparison.Ordinal)
            || (r.Method == "GET" && r.Path.EndsWith("/integrations/contacts", StringComparison.Ordinal)));
        return new SmsAutomationsFigures
        {
            Triggers = triggers,
            SmsSent = texts.Count,
            SmsSentTwice = texts.GroupBy(t => (t.Phone, t.Content)).Sum(g => g.Count() - 1),
            SmsToOptedOut = texts.Count(t => contacts.TryGetValue(t.ContactId, out var c) && c.OptedOutAt is { } at && t.CreatedAt >= at),
            SmsInQuietHours = texts.Count(t => TimeZoneInfo.ConvertTime(t.CreatedAt, NewYork).TimeOfDay is var local && (local < TimeSpan.FromHours(8) || local >= TimeSpan.FromHours(21))),
            RoezanCallsPerSms = texts.Count == 0 ? 0 : Math.Round((double)sendPathCalls / texts.Count, 2),
            ContactsOptedOutBeforeTheirText = optedOut,
            Scenario = $"{Contacts} GHL contacts; welcome-new-lead, appointment-confirmation, appointment-reminder-24h, tag-campaign; Roezan ghost-writes 5 % of writes (its rate limit lifted: the clock is fake); 30 h of fake clock in 1-minute sweeps",
        };
    }

    private static DateTimeOffset Now(AppTestHost host) => host.Time.GetUtcNow();

    /// <summary>One minute of the app: the queue drained (webhooks of both simulators), then the send sweep.</summary>
    private static async Task StepAsync(AppTestHost host, CancellationToken cancellationToken)
    {
        await host.Roezan.Simulator.WaitForWebhooksAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await host.DrainAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A delivery put back with a delay (a lease held by its echo) is invisible on the real clock for a while:
            // the next minutes' drains take it. The texts' figures do not depend on when the sync finishes.
        }

        await host.Get<SmsScheduleSweeper>().SweepAsync(cancellationToken).ConfigureAwait(false);
        host.Time.Advance(TimeSpan.FromMinutes(1));
    }

    private static async Task RunClockAsync(AppTestHost host, DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (host.Time.GetUtcNow() < until)
        {
            await StepAsync(host, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Appointment(string type, string webhookId, string contactId, DateTimeOffset at, string appointmentId, DateTimeOffset start) =>
        new JsonObject
        {
            ["type"] = type,
            ["locationId"] = AppTestHost.LocationId,
            ["webhookId"] = webhookId,
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["appointment"] = new JsonObject
            {
                ["id"] = appointmentId,
                ["contactId"] = contactId,
                ["title"] = "Consultation",
                ["appointmentStatus"] = type == "AppointmentDelete" ? "cancelled" : "confirmed",
                ["startTime"] = start.ToString("O", CultureInfo.InvariantCulture),
                ["endTime"] = start.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
            },
        }.ToJsonString();
}
