using Xunit.Abstractions;
using Xunit.Sdk;

namespace RoezanGhl.TestSupport.Lanes;

/// <summary>xunit's discoverer for <see cref="IntegrationLaneAttribute"/>: the trait <c>Lane=Integration</c>.</summary>
public sealed class IntegrationLaneDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new KeyValuePair<string, string>(TestLanes.Trait, TestLanes.Integration);
    }
}
