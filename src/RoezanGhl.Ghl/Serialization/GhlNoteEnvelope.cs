using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ note }</c> and <c>{ notes }</c>.</summary>
internal sealed class GhlNoteEnvelope
{
    public GhlNote? Note { get; set; }

    public List<GhlNote>? Notes { get; set; }
}
