using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Writes a settled conflict's winner back to the side the settling direction does not write, so both systems end
/// holding it (<see cref="ConflictWriteBack"/> says why it is needed, why it converges and why it cannot loop). Called
/// under the contact's lease; like every write of the sync, the fingerprint of the state the side holds after it is
/// stored first, so its webhook is Skipped as an echo.
/// </summary>
public sealed class ConflictWriteBacks
{
    private readonly EchoHistoryStore _echoes;
    private readonly GhlContactsClient _ghl;
    private readonly RoezanApiClient _roezan;
    private readonly IPlanningProfileSource _profiles;
    private readonly ILogger _logger;

    public ConflictWriteBacks(EchoHistoryStore echoes, GhlContactsClient ghl, RoezanApiClient roezan, IPlanningProfileSource profiles, ILogger<ConflictWriteBacks> logger)
    {
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        _ghl = ghl ?? throw new ArgumentNullException(nameof(ghl));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Writes <paramref name="winners"/> to the GHL contact, after remembering <paramref name="ghlAfter"/> (what GHL then holds).</summary>
    public async Task ToGhlAsync(EventDelivery delivery, string ghlContactId, ContactFields winners, ContactFields ghlAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(winners);
        ArgumentNullException.ThrowIfNull(ghlAfter);
        if (winners.IsEmpty)
        {
            return;
        }

        await _echoes.RecordWriteAsync(delivery.LocationId, ghlContactId, SyncSystem.Ghl, ContactFingerprint.Of(ghlAfter), now, cancellationToken).ConfigureAwait(false);
        await _ghl.UpdateContactAsync(delivery.LocationId, ghlContactId, GhlContactRequests.Fill(new GhlUpdateContactRequest(), winners), cancellationToken).ConfigureAwait(false);
        delivery.StepsRun++;
        var fields = winners.DescribeMembers();
        ConflictWriteBackLog.Written(_logger, delivery.EventId, delivery.AccountId, ghlContactId, "GHL", fields);
    }

    /// <summary>
    /// Writes <paramref name="winners"/> (GHL's terms) to the Roezan contact keyed by <paramref name="roezanAfter"/>'s phone
    /// through the account's field mapping in reverse, after remembering <paramref name="roezanAfter"/> (what Roezan then
    /// holds, mapped forward: GHL's terms) as its webhook will read mapped forward.
    /// </summary>
    public async Task ToRoezanAsync(EventDelivery delivery, string ghlContactId, ContactFields winners, ContactFields roezanAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(winners);
        ArgumentNullException.ThrowIfNull(roezanAfter);
        if (winners.IsEmpty)
        {
            return;
        }

        if (roezanAfter.Phone is not { } phone)
        {
            // Roezan keys contacts by phone: a contact without one cannot be written (the drift report shows it).
            ConflictWriteBackLog.NoPhone(_logger, delivery.EventId, delivery.AccountId, ghlContactId);
            return;
        }

        // Names and email only: the opt-out tag is not among a conflict's winners.
        var profile = await _profiles.GetProfileAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false);
        var mapping = ContactFieldReverseMapper.MappingOf(profile.FieldMapping);
        await _echoes.RecordWriteAsync(delivery.LocationId, ghlContactId, SyncSystem.Roezan, ContactFingerprint.Of(RoezanContactWrites.HeldAfter(roezanAfter, mapping, optOutTag: null)), now, cancellationToken).ConfigureAwait(false);
        await _roezan.UpsertContactAsync(delivery.AccountId, RoezanContactWrites.Upsert(phone, winners with { Tags = [] }, mapping, optOutTag: null), cancellationToken).ConfigureAwait(false);
        delivery.StepsRun++;
        var fields = winners.DescribeMembers();
        ConflictWriteBackLog.Written(_logger, delivery.EventId, delivery.AccountId, ghlContactId, "Roezan", fields);
    }
}
