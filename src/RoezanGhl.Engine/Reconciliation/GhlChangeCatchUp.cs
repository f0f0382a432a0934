using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Reconciliation's catch-up of GHL changes that no webhook delivered (GHL drops a delivery after its retries, or one
/// answered other than 429): walks the location's contacts changed since the stored cursor with GHL's contacts search
/// (<c>POST /contacts/search</c>, a <c>range</c> filter on <c>dateUpdated</c>, sorted by <c>dateUpdated</c> ascending,
/// paged by <c>searchAfter</c>) and hands each one to <see cref="GhlChangeFeeder"/>, the GHL door's way in. One page is
/// one call of the run's GHL budget; the cursor is saved after each page, so a run stopped by its budget, the reserve or
/// a rate limit leaves the next run to go on from there.
/// </summary>
/// <remarks>
/// The search, not <c>GET /contacts/</c>: the list has no "changed since" parameter and is ordered by when contacts
/// were added, so it would re-read the whole location each time. A search that answers a contact changed before the
/// filter's date has ignored the filter (GHL does so silently when a key is misspelt): the step then fails the run
/// with that reason instead of feeding the whole location to Roezan.
/// </remarks>
public sealed class GhlChangeCatchUp
{
    /// <summary>GHL: "updates may take a few seconds to appear in search results". Each walk re-reads this much of the last.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private readonly GhlContactsClient _ghl;
    private readonly ReconcileCursorStore _cursors;
    private readonly GhlChangeFeeder _feeder;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public GhlChangeCatchUp(GhlContactsClient ghl, ReconcileCursorStore cursors, GhlChangeFeeder feeder, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<GhlChangeCatchUp> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _feeder = feeder ?? throw new ArgumentNullException(nameof(feeder));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        // The account the GHL door gives this location's deliveries: the first in configuration order.
        if (!_options.ReconcileGhlChanges || run.Accounts.Count == 0)
        {
            return;
        }

        var accountId = run.Accounts[0].Key;
        var cursor = await _cursors.GetGhlChangeCursorAsync(run.LocationId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var since = cursor.Since ?? now - _options.ReconcileGhlChangeLookback;
        cursor = cursor with { Since = since, WalkStartedAt = cursor.WalkStartedAt ?? now };
        try
        {
            while (true)
            {
                if (!run.Ghl.TrySpend())
                {
                    run.Stop("GHL call budget spent");
                    return;
                }

                var page = await _ghl.SearchContactsUpdatedSinceAsync(run.LocationId, new GhlContactSearchQuery { UpdatedSince = since, SearchAfter = cursor.SearchAfter }, cancellationToken).ConfigureAwait(false);
                foreach (var contact in page.Contacts)
                {
                    if (contact.DateUpdated is { } updated && updated < since)
                    {
                        throw new InvalidOperationException($"GHL's contacts search answered a contact changed before {since:O}: it ignored the dateUpdated filter, so the catch-up of GHL changes stops rather than feed the whole location to Roezan.");
                    }

                    run.ChangedInGhl.Add(contact.Id);
                    await _feeder.FeedAsync(run, accountId, contact, cancellationToken).ConfigureAwait(false);
                }

                cursor = page.NextSearchAfter is { } next
                    ? cursor with { SearchAfter = next }
                    : new GhlChangeCursor { Since = Later(since, cursor.WalkStartedAt!.Value - Overlap) };
                if (!run.DryRun)
                {
                    await _cursors.SaveGhlChangeCursorAsync(run.LocationId, cursor, cancellationToken).ConfigureAwait(false);
                }

                if (page.NextSearchAfter is null)
                {
                    GhlCatchUpLog.WalkEnded(_logger, run.LocationId, since, cursor.Since!.Value);
                    return;
                }
            }
        }
        catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.RateLimited)
        {
            run.Stop("GHL rate limit or daily reserve reached");
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
