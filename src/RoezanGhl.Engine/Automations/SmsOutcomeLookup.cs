using Microsoft.Extensions.Options;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Settles a send whose answer was lost by looking in Roezan: the contact of the number, then its latest sent texts
/// (<c>direction=outbound</c>) for one with exactly this text created since the call started (less
/// <see cref="SmsOptions.LookupSkew"/>). Roezan's API has no idempotency key and no message search, so this is the
/// only way to know; an identical text sent in the window counts as ours, which can only stop a send, never double it.
/// </summary>
public sealed class SmsOutcomeLookup
{
    private readonly RoezanApiClient _roezan;
    private readonly IOptions<SmsOptions> _options;

    public SmsOutcomeLookup(RoezanApiClient roezan, IOptions<SmsOptions> options)
    {
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public async Task<SmsLookupResult> FindAsync(SmsSendRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var since = (record.SendingSince ?? record.PlannedAt) - _options.Value.LookupSkew;
        try
        {
            var contact = await _roezan.FindContactByPhoneAsync(record.Send.AccountId, record.Send.To, cancellationToken).ConfigureAwait(false);
            if (contact is null)
            {
                // A send creates the contact of a new number first, so no contact means no text.
                return new SmsLookupResult(SmsLookupKind.NotSent);
            }

            var sent = await _roezan.GetOutboundMessagesAsync(record.Send.AccountId, contact.Id, cancellationToken).ConfigureAwait(false);
            var match = sent.FirstOrDefault(message =>
                string.Equals(message.Content?.Trim(), record.Send.Body.Trim(), StringComparison.Ordinal)
                && (message.CreatedAt is null || message.CreatedAt >= since));
            return match is null ? new SmsLookupResult(SmsLookupKind.NotSent) : new SmsLookupResult(SmsLookupKind.Found, match.Id);
        }
        catch (Exception exception) when (SmsSendFailures.NothingWasSent(exception))
        {
            // A 429 is an answer ("not now"), not a failure: a storm of them must not turn into Unknown.
            return new SmsLookupResult(SmsLookupKind.AskLater, Detail: exception is RoezanApiException { StatusCode: { } status } ? $"Roezan answered {(int)status}" : exception.GetType().Name);
        }
        catch (Exception exception) when (exception is RoezanApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SmsLookupResult(SmsLookupKind.CannotTell, Detail: exception is RoezanApiException { StatusCode: { } status } ? $"Roezan answered {(int)status}" : exception.GetType().Name);
        }
    }
}
