using System.Globalization;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>
/// Generated cases per property: a few thousand by default (the normal test run), more with
/// <c>ROEZANGHL_PROPERTY_ITERATIONS</c> (the long lane sets 100000; docs/testing.md).
/// </summary>
internal static class PropertyIterations
{
    public const string VariableName = "ROEZANGHL_PROPERTY_ITERATIONS";
    private const long Default = 3_000;

    public static long Count { get; } =
        long.TryParse(Environment.GetEnvironmentVariable(VariableName), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : Default;
}
