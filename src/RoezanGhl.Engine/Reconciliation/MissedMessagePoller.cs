using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Links;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Finds inbound messages the webhook missed: for each account with a Roezan API key, it walks the account's
/// linked contacts from the stored cursor and has <see cref="MissedMessageFeeder"/> feed each contact's messages
/// newer than the cursor. The cursor moves after each contact is done; a pass over every contact moves
/// <see cref="MessageCursor.Since"/>.
/// </summary>
public sealed class MissedMessagePoller
{
    private readonly MissedMessageFeeder _feeder;
    private readonly ContactLinkStore _links;
    private readonly ReconcileCursorStore _cursors;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MissedMessagePoller(
        MissedMessageFeeder feeder,
        ContactLinkStore links,
        ReconcileCursorStore cursors,
        IOptions<ReconciliationOptions> options,
        TimeProvider time,
        ILogger<MissedMessagePoller> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _feeder = feeder ?? throw new ArgumentNullException(nameof(feeder));
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        foreach (var (accountId, account) in run.Accounts)
        {
            if (!await _feeder.IsConfiguredAsync(accountId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                if (!await PollAccountAsync(run, accountId, account, cancellationToken).ConfigureAwait(false))
                {
                    run.Stop("Roezan call budget spent");
                    return;
                }
            }
            catch (RoezanApiException exception)
            {
                // The cursor holds what was done; the next run goes on from there.
                ReconcileLog.RoezanPollStopped(_logger, run.LocationId, accountId, exception.Message);
                run.Stop(exception.IsRateLimited ? "Roezan rate limit" : "Roezan API error");
                return;
            }
        }
    }

    /// <summary>Polls one account from its cursor; false when the Roezan budget ran out first.</summary>
    private async Task<bool> PollAccountAsync(ReconcileRun run, string accountId, RoezanAccountOptions account, CancellationToken cancellationToken)
    {
        var cursor = await _cursors.GetMessageCursorAsync(run.LocationId, accountId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        cursor = cursor with
        {
            Since = cursor.Since ?? now - _options.ReconcileMessageLookback,
            PassStartedAt = cursor.PassStartedAt ?? now,
        };

        await foreach (var linked in _links.ListLinkedContactsAsync(run.LocationId, cursor.AfterContact, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(linked.AccountId, accountId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!await _feeder.FeedContactAsync(run, accountId, account, linked, cursor.Since!.Value, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            cursor = cursor with { AfterContact = linked.State.GhlContactId };
            if (!run.DryRun)
            {
                await _cursors.SaveMessageCursorAsync(run.LocationId, accountId, cursor, cancellationToken).ConfigureAwait(false);
            }
        }

        // A whole pass is done: every message before it started has been looked at.
        if (!run.DryRun)
        {
            await _cursors.SaveMessageCursorAsync(run.LocationId, accountId, new MessageCursor { Since = cursor.PassStartedAt }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
