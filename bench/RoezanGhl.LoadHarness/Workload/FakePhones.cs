using System.Globalization;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// The run's (fictional, 555) phone numbers, in blocks that cannot collide: known contacts, people created
/// by <c>contact.created</c>, and new numbers that text first.
/// </summary>
public static class FakePhones
{
    public const int KnownBase = 0;
    public const int CreatedBase = 4000;
    public const int NewNumberBase = 7000;
    public const int BlockSize = 3000;

    public static string Local(int areaCode, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"({areaCode}) 555-{number:0000}");

    public static string E164(int areaCode, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"+1{areaCode}555{number:0000}");
}
