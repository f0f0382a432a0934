using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// After a conflict is settled, the winning values to write back to the system the settling side did not write: both
/// systems must end holding the winner (issue 14: "ends with both systems holding the same mapped state").
/// </summary>
/// <remarks>
/// <para>Why a write-back is needed (the lost update): a contact is changed in GHL (G) and in Roezan (R) close together.
/// GHL → Roezan upserts G into Roezan, overwriting R, before R's webhook is processed; Roezan → GHL then processes R
/// and writes R to GHL (or, with GHL winning, keeps G there). Without a write-back GHL holds R and Roezan G.</para>
/// <para>Which value the other side holds cannot be known for sure: the incoming event carries its sender's state when
/// it was sent, and whether that change came before or after our last write to the sender is a comparison of two
/// clocks (the sender's event time, ours for the write). So whenever a field was contested, the winner is written to
/// the side the settling direction does not otherwise write: Roezan → GHL writes the winner to GHL through its plan
/// (or keeps GHL's, which GHL holds) and to Roezan here; GHL → Roezan writes it to Roezan through its upsert (or keeps
/// Roezan's, which the link records we wrote) and to GHL here. When that side already held the winner the write is
/// redundant: one call, nothing changes.</para>
/// <para>Why it converges and cannot loop: the write-back's fingerprint (the state the side holds after it) is stored
/// before the write, as for every write, so its webhook is Skipped as an echo; and the link records the winner as the
/// state both systems hold, so even an echo that missed the history plans as "no change". The next change on either
/// side is an ordinary change again. A write-back only follows a conflict, and a conflict needs a person's change on
/// each side within the window: an echo is never one.</para>
/// </remarks>
public static class ConflictWriteBack
{
    /// <summary>The winning value of each contested field (names and email); empty when nothing was contested.</summary>
    public static ContactFields Winners(IReadOnlyList<FieldConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var winners = ContactFields.Empty;
        foreach (var conflict in conflicts)
        {
            var value = conflict.GhlWon ? conflict.GhlValue : conflict.RoezanValue;
            winners = conflict.Field switch
            {
                "firstName" => winners with { FirstName = value },
                "lastName" => winners with { LastName = value },
                "email" => winners with { Email = value },
                _ => winners,
            };
        }

        return winners;
    }
}
