using System.Text;
using BenchmarkDotNet.Attributes;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Benchmarks;

/// <summary>
/// Planning one event (<see cref="SyncPlanner.Plan"/>: pure, no I/O) against what the links table knows, for the
/// mix's common cases: a message from a known contact (a note), the first message from a new number (create +
/// note), a contact update (diff against the last applied values, tags), a new task on a linked contact.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmark
{
    private const string Account = RoezanSampleEvents.AccountId;
    private const string Secret = "bench-secret-1";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 30, TimeSpan.Zero);
    private static readonly RoezanAccountOptions AccountOptions = new() { GhlLocationId = "loc-acme", DefaultPhoneRegion = "US", TimeZone = "America/New_York" };

    private QueuedRoezanEvent _message = null!;
    private QueuedRoezanEvent _update = null!;
    private QueuedRoezanEvent _task = null!;
    private SyncSnapshot _linkedContact = SyncSnapshot.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _message = Admit(RoezanSampleEvents.MessageReceived());
        _update = Admit(RoezanSampleEvents.ContactUpdated());
        _task = Admit(RoezanSampleEvents.TaskCreated());
        // The contact as the last applied change left it: the update changes the names and adds tags.
        _linkedContact = new SyncSnapshot
        {
            Contact = new ContactSnapshot
            {
                GhlContactId = "ghl-contact-1",
                Fields = new ContactFields { FirstName = "Ana", LastName = "Diaz", Phone = "+12015550123", Email = "ana.diaz@example.com", Tags = ["vip"] },
                LastOccurredAt = Now.AddDays(-1),
                LastEventId = "evt_earlier",
            },
        };
        if (MessageFromKnownContact().Steps.Count != 1 || FirstMessageFromNewNumber().Steps.Count != 2 || ContactUpdated().Steps.Count == 0 || TaskCreated().Steps.Count != 1)
        {
            throw new InvalidOperationException("The sample events did not plan as expected.");
        }
    }

    [Benchmark(Baseline = true)]
    public SyncPlan MessageFromKnownContact() => SyncPlanner.Plan(_message, AccountOptions, PlanningProfile.Default, _linkedContact);

    [Benchmark]
    public SyncPlan FirstMessageFromNewNumber() => SyncPlanner.Plan(_message, AccountOptions, PlanningProfile.Default, SyncSnapshot.Empty);

    [Benchmark]
    public SyncPlan ContactUpdated() => SyncPlanner.Plan(_update, AccountOptions, PlanningProfile.Default, _linkedContact);

    [Benchmark]
    public SyncPlan TaskCreated() => SyncPlanner.Plan(_task, AccountOptions, PlanningProfile.Default, _linkedContact);

    // The event as the webhook queues it: verified, parsed, validated and normalized.
    private static QueuedRoezanEvent Admit(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), bytes);
        return RoezanEventIntake.TryAdmit(Account, "US", Secret, signature, bytes, Now, TimeSpan.FromMinutes(5), out var evt, out var rejection)
            ? new QueuedRoezanEvent { AccountId = Account, AcceptedAt = Now, Event = evt }
            : throw new InvalidOperationException(rejection.ToJson());
    }
}
