using System.Diagnostics.CodeAnalysis;

namespace RoezanGhl.Core.Events;

/// <summary>
/// The pure part of the webhook door, in the contract's order: signature → JSON → contract → normalization.
/// No I/O and no clock of its own, so that tests and the benchmark call it directly.
/// </summary>
public static class RoezanEventIntake
{
    public static bool TryAdmit(
        string accountId,
        string defaultPhoneRegion,
        string? secrets,
        string? signatureHeader,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan signatureTolerance,
        [NotNullWhen(true)] out RoezanEvent? evt,
        [NotNullWhen(false)] out RoezanIngestResult? rejection)
    {
        evt = null;
        var signature = RoezanSignatureVerifier.Verify(signatureHeader, body, secrets, now, signatureTolerance);
        if (signature != RoezanSignatureCheck.Valid)
        {
            rejection = RoezanIngestResult.Unauthorized(signature, signatureTolerance);
            return false;
        }

        if (!RoezanEventParser.TryParse(body, out var parsed, out rejection))
        {
            return false;
        }

        var errors = RoezanEventValidator.Validate(parsed, accountId);
        if (errors.Count > 0)
        {
            rejection = RoezanIngestResult.Invalid(errors, EventIdOrNull(parsed));
            return false;
        }

        errors = RoezanEventNormalizer.Normalize(parsed, defaultPhoneRegion);
        if (errors.Count > 0)
        {
            rejection = RoezanIngestResult.Invalid(errors, parsed.Id);
            return false;
        }

        evt = parsed;
        return true;
    }

    private static string? EventIdOrNull(RoezanEvent evt) =>
        string.IsNullOrWhiteSpace(evt.Id) || RoezanEventValidator.ExceedsLength(evt.Id, RoezanContractLimits.IdLength) ? null : evt.Id;
}
