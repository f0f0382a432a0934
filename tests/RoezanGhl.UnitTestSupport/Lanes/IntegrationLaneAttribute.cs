using Xunit.Sdk;

namespace RoezanGhl.TestSupport.Lanes;

/// <summary>
/// Puts a test class (or one test) in the integration lane: the trait <c>Lane=Integration</c>. Tests that use
/// Azurite, a simulator, a server on 127.0.0.1 or a child process need it; everything else stays unmarked and
/// runs in the fast unit lane. See <see cref="TestLanes"/>.
/// </summary>
[TraitDiscoverer("RoezanGhl.TestSupport.Lanes.IntegrationLaneDiscoverer", "RoezanGhl.UnitTestSupport")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class IntegrationLaneAttribute : Attribute, ITraitAttribute
{
}
