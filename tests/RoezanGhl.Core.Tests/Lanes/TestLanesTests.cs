using System.Reflection;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Sdk;

namespace RoezanGhl.Core.Tests.Lanes;

/// <summary>The lanes scripts/test.sh runs: what puts a test in the integration lane, and what fails one that is not there.</summary>
public sealed class TestLanesTests
{
    [Fact]
    public void In_the_unit_lane_an_integration_resource_fails_saying_where_the_test_belongs()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => TestLanes.RequireIntegration("Azurite", TestLanes.Unit));

        Assert.StartsWith("Azurite is not available in the unit lane", failure.Message, StringComparison.Ordinal);
        Assert.Contains("belongs to the integration lane", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[IntegrationLane]", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("integration")]
    public void Outside_the_unit_lane_an_integration_resource_is_allowed(string? lane) =>
        Assert.Null(Record.Exception(() => TestLanes.RequireIntegration("Azurite", lane)));

    [Fact]
    public void A_class_marked_for_the_integration_lane_carries_the_trait_the_lanes_filter_on()
    {
        var attribute = Reflector.Wrap(CustomAttributeData.GetCustomAttributes(typeof(Marked)).Single(data => data.AttributeType == typeof(IntegrationLaneAttribute)));

        var traits = new IntegrationLaneDiscoverer().GetTraits(attribute);

        Assert.Equal([new KeyValuePair<string, string>("Lane", "Integration")], traits);
        var discoverer = Assert.Single(typeof(IntegrationLaneAttribute).GetCustomAttributesData(), data => data.AttributeType == typeof(TraitDiscovererAttribute));
        Assert.Equal([typeof(IntegrationLaneDiscoverer).FullName, typeof(IntegrationLaneDiscoverer).Assembly.GetName().Name], discoverer.ConstructorArguments.Select(argument => (string?)argument.Value));
    }

    [IntegrationLane]
    private sealed class Marked;
}
