using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.PersonalData;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Issue 13, personal data: every flow and its faults run end to end, and nothing the app logs, traces, counts,
/// records as an error or notifies holds the test data's phones, emails, names or message texts.
/// </summary>
[IntegrationLane]
public sealed class PersonalDataLeakTests
{
    private const string PhoneA = "+12015550141";
    private const string PhoneB = "+12015550142";
    private const string PhoneC = "+12015550143";
    private const string PhoneD = "+12015550144";
    private const string EmailA = "zephyrine.q@example.com";
    private const string EmailB = "z.quillfeather@example.com";
    private const string Note = "Prefers calls after nine";
    private const string FirstText = "Is the harvest sale still running";
    private const string FollowUpText = "Following up about the harvest order";
    private const string NoteText = "Left voicemail about the renewal";
    private const string TaskTitle = "Callback regarding invoice";
    private const string TaskBody = "Discuss the overdue invoice amount";
    private const string LostNote = "This note finds no contact";
    private const string PoisonText = "This message never lands anywhere";

    private static readonly PersonalDataScanner Scanner = new PersonalDataScanner()
        .Phone(PhoneA).Phone(PhoneB).Phone(PhoneC).Phone(PhoneD).Email(EmailA).Email(EmailB)
        .Text("Zephyrine").Text("Quillfeather").Text("Bartholomew").Text("Inkwell").Text("Mirabel").Text("Thistlewood")
        .Text(Note).Text(FirstText).Text(FollowUpText).Text(NoteText).Text(TaskTitle).Text(TaskBody).Text(LostNote).Text(PoisonText);

    [Fact]
    public async Task No_log_span_metric_ledger_error_or_notification_of_any_flow_holds_a_phone_email_name_or_text()
    {
        var notices = new ConcurrentQueue<FailureNotice>();
        await using var app = await AppTestHost.Create()
            .CaptureTelemetry()
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<IFailureNotifier>(new RecordingNotifier(notices))))
            .StartAsync();

        // Contact created and updated (with a note), a message and its follow-up, a note, a task.
        await app.PostAllAsync([ContactCreated("evt_pd_1", "c_pd_1", "(201) 555-0141", EmailA, "Zephyrine", "Quillfeather", ["vip"], at: T0)]);
        await app.DrainAsync();
        await app.PostAllAsync([ContactUpdated("evt_pd_2", "c_pd_1", "201-555-0141", EmailB, "Zephyrine", "Quillfeather Thistlewood", ["newsletter"], note: Note, at: T0.AddMinutes(1))]);
        await app.PostAllAsync([Message("evt_pd_3", "+1 201 555 0142", FirstText, fromName: "Bartholomew Inkwell", at: T0.AddMinutes(2))]);
        await app.DrainAsync();
        await app.PostAllAsync([Message("evt_pd_4", "2015550142", FollowUpText, fromName: "Bartholomew Inkwell", at: T0.AddMinutes(3))]);
        await app.PostAllAsync([RoezanEvents.Note("evt_pd_5", "c_pd_1", NoteText, at: T0.AddMinutes(4))]);
        // Two first messages from one new number at once: one waits for the other's creation lease (keyed by the phone).
        await app.PostAllAsync([Message("evt_pd_9", "(201) 555-0144", "Anyone there about the Thistlewood order", at: T0.AddMinutes(4)), Message("evt_pd_10", "201.555.0144", "Hello again from Thistlewood", at: T0.AddMinutes(4).AddSeconds(1))]);
        await app.PostAllAsync([TaskEvent("evt_pd_6", "task.created", "t_pd_1", "c_pd_1", TaskTitle, TaskBody, due: T0.AddDays(1), at: T0.AddMinutes(5))]);
        await app.DrainAsync();

        // Faults: a webhook the contract refuses, a note for a contact GHL no longer has, a message GHL never takes.
        var refused = await app.PostAsync(ContactCreated("evt_pd_bad", "c_pd_9", "(201) 555-0143", "mirabel.thistlewood@", "Mirabel", "Thistlewood"));
        Assert.Equal(400, refused.StatusCode);
        app.Simulator.State.DeleteContact(null, (string)app.Simulator.State.ContactsOf(AppTestHost.LocationId).First(c => (string?)c["phone"] == PhoneA)["id"]!);
        await app.PostAllAsync([RoezanEvents.Note("evt_pd_7", "c_pd_1", LostNote, at: T0.AddMinutes(6))]);
        await app.DrainAsync();
        app.Simulator.Settings = app.Simulator.Settings with { ServerErrorRatio = 1.0 };
        await app.PostAllAsync([Message("evt_pd_8", "(201) 555-0143", PoisonText, fromName: "Mirabel Thistlewood", at: T0.AddMinutes(7))]);
        await app.DrainAsync();
        app.Telemetry.Flush();

        // The runs did what they should, so the scan looked at real work.
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_pd_6")).Status);
        Assert.Equal(EventLedgerStatus.Failed, (await app.ReadLedgerAsync("evt_pd_7")).Status);
        Assert.Equal(EventLedgerStatus.Failed, (await app.ReadLedgerAsync(MessageKey("evt_pd_8"))).Status);
        Assert.True(notices.Count >= 2, $"{notices.Count} notices");
        Assert.NotEmpty(app.Telemetry.Spans);

        var ledgerIds = new[] { "evt_pd_1", "evt_pd_2", MessageKey("evt_pd_3"), MessageKey("evt_pd_4"), "evt_pd_5", "evt_pd_6", "evt_pd_7", MessageKey("evt_pd_8"), MessageKey("evt_pd_9"), MessageKey("evt_pd_10") };
        var ledgerHits = new List<string>();
        foreach (var id in ledgerIds)
        {
            var entry = await app.ReadLedgerAsync(id);
            ledgerHits.AddRange(Scanner.Scan($"ledger {id} LastError", entry.LastError));
            ledgerHits.AddRange(Scanner.Scan($"ledger {id} Outcome", entry.Outcome));
        }

        var hits = Scanner.ScanLogs(app.Logs.GetSnapshot())
            .Concat(Scanner.ScanSpans(app.Telemetry.Spans))
            .Concat(Scanner.ScanMetrics(app.Telemetry.Metrics))
            .Concat(ledgerHits)
            .Concat(notices.SelectMany(notice => Scanner.Scan($"notification {notice.EventId}", notice.ToString())))
            .Distinct()
            .ToList();
        Assert.True(hits.Count == 0, $"{hits.Count} leaks:\n" + string.Join('\n', hits.Take(200)));
    }

    private sealed class RecordingNotifier(ConcurrentQueue<FailureNotice> notices) : IFailureNotifier
    {
        public void Notify(FailureNotice notice) => notices.Enqueue(notice);
    }
}
