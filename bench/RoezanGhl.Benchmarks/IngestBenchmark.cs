using System.Text;
using BenchmarkDotNet.Attributes;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Webhooks;

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
        _body = Encoding.UTF8.GetBytes(RoezanSampleEvents.ContactUpdated("evt_01JDBENCH000000000000000001"));
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
}
