using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ task }</c> and <c>{ tasks }</c>.</summary>
internal sealed class GhlTaskEnvelope
{
    public GhlTask? Task { get; set; }

    public List<GhlTask>? Tasks { get; set; }
}
