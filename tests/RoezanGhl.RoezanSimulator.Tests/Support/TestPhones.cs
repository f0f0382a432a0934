namespace RoezanGhl.RoezanSimulator.Tests.Support;

/// <summary>Numbers from the 555-01xx fiction range, in E.164 and as people type them.</summary>
internal static class TestPhones
{
    public const string Ana = "+12015550123";
    public const string AnaTyped = "(201) 555-0123";
    public const string Bo = "+12015550145";
    public const string Cy = "+12015550167";
}
