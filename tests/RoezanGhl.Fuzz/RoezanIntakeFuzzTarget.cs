using System.Text;
using System.Text.Json;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Fuzz;

/// <summary>
/// One fuzz input through the webhook's pure path: signature check, then parse → validate → normalize
/// (<see cref="RoezanEventIntake"/>), then the queue message. Rejections are fine; an exception is a finding,
/// either thrown by the code under test or by <see cref="Require"/> when a promise of the contract breaks.
/// </summary>
public static class RoezanIntakeFuzzTarget
{
    public const string Account = "acme";
    private const string Secret = "fuzz-secret-1";
    private const int MaxHeaderBytes = 512;
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static void Run(ReadOnlySpan<byte> input)
    {
        // The first line doubles as a signature header, so that the header parser is fuzzed too: any verdict, no exception.
        _ = RoezanSignatureVerifier.Verify(FirstLine(input), input, Secret, Now, Tolerance);

        var signature = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), input);
        Require(RoezanSignatureVerifier.Verify(signature, input, Secret, Now, Tolerance) == RoezanSignatureCheck.Valid, "a body signed with the secret verifies");

        if (!RoezanEventIntake.TryAdmit(Account, "US", Secret, signature, input, Now, Tolerance, out var evt, out var rejection))
        {
            Require(rejection.StatusCode == 400, "a signed body is either admitted or a 400");
            Require(rejection.ToJsonBytes().Length > 0, "a rejection has a body");
            return;
        }

        Require(!string.IsNullOrWhiteSpace(evt.Id) && RoezanEventTypes.IsKnown(evt.Type), "an admitted event has an id and a known type");
        RequireE164(evt.Data?.Contact?.Phone);
        RequireE164(evt.Data?.Message?.From);

        var queued = new QueuedRoezanEvent { AccountId = Account, AcceptedAt = Now, Event = evt };
        var message = JsonSerializer.SerializeToUtf8Bytes(queued, RoezanJsonContext.Default.QueuedRoezanEvent);
        var back = JsonSerializer.Deserialize(message, RoezanJsonContext.Default.QueuedRoezanEvent);
        Require(back is not null && back.Event.Id == evt.Id && back.Event.Type == evt.Type, "the queue message reads back as the event");
    }

    private static string FirstLine(ReadOnlySpan<byte> input)
    {
        var end = input.IndexOf((byte)'\n');
        var line = end < 0 ? input : input[..end];
        return Encoding.Latin1.GetString(line.Length > MaxHeaderBytes ? line[..MaxHeaderBytes] : line);
    }

    private static void RequireE164(string? phone)
    {
        if (phone is null)
        {
            return;
        }

        Require(phone.Length is >= 3 and <= 16 && phone[0] == '+' && phone.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0, "a normalized phone is E.164");
    }

    private static void Require(bool condition, string promise)
    {
        if (!condition)
        {
            throw new FuzzFindingException($"Broken promise: {promise}.");
        }
    }
}
