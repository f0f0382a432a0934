namespace RoezanGhl.TestSupport.Lanes;

/// <summary>
/// The two test lanes. The unit lane (<c>scripts/test.sh --unit</c>) runs every test not marked
/// <see cref="IntegrationLaneAttribute"/>, with <see cref="LaneVariable"/> set to <see cref="Unit"/>: no Azurite,
/// no simulator, no server on a socket, no child process. The integration lane runs the marked ones. The helpers
/// that reach those resources call <see cref="RequireIntegration"/>, so a test that needs one and is not marked
/// fails in the unit lane with a message that says where it belongs, instead of passing by luck or hanging.
/// </summary>
public static class TestLanes
{
    /// <summary>The trait name the lanes filter on: <c>dotnet test --filter "Lane!=Integration"</c>.</summary>
    public const string Trait = "Lane";

    /// <summary>The trait value of the integration lane.</summary>
    public const string Integration = "Integration";

    /// <summary>The environment variable scripts/test.sh sets while the unit lane runs.</summary>
    public const string LaneVariable = "ROEZANGHL_TEST_LANE";

    /// <summary>The value of <see cref="LaneVariable"/> in the unit lane.</summary>
    public const string Unit = "unit";

    /// <summary>Throws when the unit lane runs: <paramref name="resource"/> (Azurite, a simulator, a child process…) is for the integration lane only.</summary>
    public static void RequireIntegration(string resource) =>
        RequireIntegration(resource, Environment.GetEnvironmentVariable(LaneVariable));

    /// <summary>The same rule for a given value of <see cref="LaneVariable"/> (null: not set).</summary>
    public static void RequireIntegration(string resource, string? lane)
    {
        if (string.Equals(lane, Unit, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{resource} is not available in the unit lane ({LaneVariable}={Unit}): this test belongs to the integration lane. " +
                "Mark its class [IntegrationLane], or give it an in-process fake instead.");
        }
    }
}
