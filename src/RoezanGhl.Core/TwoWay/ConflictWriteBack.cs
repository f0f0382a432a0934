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
/// <para>Which value the sender of the settled event (the side the settling direction does not write) holds now
/// follows from the order of its event and our last write to it: an event sent after that write carries what the
/// sender holds; an event sent before it was overwritten, in the fields that write carried, by the other side's value.
/// So the winner is written back when the sender lost and sent its event after our write (it holds its own value,
/// GHL's for <c>ghl-wins</c> on the Roezan side), or when the sender won and sent it before our write (our write
/// overwrote its value with the loser: the lost update). In the other two cases the sender already holds the winner,
/// and writing to it could only undo a field it did not change (its event carries its whole contact, values it held
/// before our write included). The two times come from two clocks (the sender's event time, ours for the write): the
/// same comparison the conflict window already relies on.</para>
/// <para>Why it converges and cannot loop: the write-back's fingerprint (the state the side holds after it) is stored
/// before the write, as for every write, so its webhook is Skipped as an echo; and the link records the winner as the
/// state both systems hold, so even an echo that missed the history plans as "no change". The next change on either
/// side is an ordinary change again. A write-back only follows a conflict, and a conflict needs a person's change on
/// each side within the window: an echo is never one.</para>
/// </remarks>
public static class ConflictWriteBack
{
    /// <summary>
    /// Whether the winner must be written back to the sender of the settled event (see the remarks): it sent the
    /// event at <paramref name="sentAt"/>; we last wrote to it at <paramref name="ourLastWriteToSender"/> (null: not
    /// within the echo history's window, so before the event).
    /// </summary>
    public static bool Needed(bool senderWon, DateTimeOffset sentAt, DateTimeOffset? ourLastWriteToSender)
    {
        var senderHoldsItsOwn = ourLastWriteToSender is not { } written || sentAt >= written;
        return senderHoldsItsOwn ? !senderWon : senderWon;
    }

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
