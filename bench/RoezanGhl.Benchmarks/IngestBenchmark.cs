using System.Text;
using BenchmarkDotNet.Attributes;
using RoezanGhl.Sync.Events;
using RoezanGhl.Sync.Queueing;
using RoezanGhl.Sync.Webhooks;

namespace RoezanGhl.Benchmarks;

/// <summary>
/// The webhook's work per event without I/O: verify the signature, parse, validate, normalize and serialize
/// the queue message, for a ~1 KB contact.updated. Target: ≤ 20 µs and ≤ 16 KB allocated per event.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmark
{
    private const string Secret = "bench-secret-1";
    private const string Account = "acme";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private byte[] _body = [];
    private string _signature = string.Empty;
    private readonly string _phone = "(201) 555-0123";

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(SampleEvent);
        _signature = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), _body);
        if (Ingest().Length == 0)
        {
            throw new InvalidOperationException("The sample event was not admitted.");
        }
    }

    [Benchmark]
    public BinaryData Ingest()
    {
        if (!RoezanEventIntake.TryAdmit(Account, "US", Secret, _signature, _body, Now, Tolerance, out var evt, out var rejection))
        {
            throw new InvalidOperationException(rejection.ToJson());
        }

        return RoezanEventQueueClient.Serialize(new QueuedRoezanEvent { AccountId = Account, AcceptedAt = Now, Event = evt });
    }

    // The stages on their own, to see where the time goes.
    [Benchmark]
    public RoezanSignatureCheck VerifySignature() => RoezanSignatureVerifier.Verify(_signature, _body, Secret, Now, Tolerance);

    [Benchmark]
    public RoezanEvent? Parse() => RoezanEventParser.TryParse(_body, out var evt, out _) ? evt : null;

    [Benchmark]
    public string? NormalizePhone() => RoezanEventNormalizer.TryNormalizePhone(_phone, "US", out var e164) ? e164 : null;

    [Benchmark]
    public int ParseValidateNormalize()
    {
        return RoezanEventParser.TryParse(_body, out var evt, out _)
            ? RoezanEventValidator.Validate(evt, Account).Count + RoezanEventNormalizer.Normalize(evt, "US").Count
            : -1;
    }

    // The shape of tests' RoezanSampleEvents.ContactUpdated: what Roezan sends for a contact edit, about 1 KB.
    private const string SampleEvent = """
        {
          "id": "evt_01JDBENCH000000000000000001",
          "type": "contact.updated",
          "occurredAt": "2026-11-24T10:00:00Z",
          "accountId": "acme",
          "data": {
            "contact": {
              "id": "c_1001",
              "firstName": "  Ana María ",
              "lastName": "Díaz-Ortega ",
              "phone": "(201) 555-0123",
              "email": "  Ana.Diaz@Example.COM ",
              "tags": ["vip", " VIP ", "", "newsletter", "spring-2026 promo", "sms-opt-in"],
              "customFields": {
                "plan": "gold",
                "seats": 12,
                "trial": false,
                "source": "landing page: spring sale",
                "preferredContactTime": "afternoons after 3 pm",
                "accountManager": "Jordan Lee",
                "renewalMonth": "March",
                "lastCampaign": "black-friday-2026-sms"
              },
              "note": "Asked about upgrading to the annual plan; prefers SMS over email. Call back next week about the invoice question. Mentioned a second location opening in the spring."
            }
          },
          "meta": { "deliveryAttempt": 1, "roezanVersion": "2026-01" }
        }
        """;
}
