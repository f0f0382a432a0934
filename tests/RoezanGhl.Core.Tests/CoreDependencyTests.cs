using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Tests;

/// <summary>The core stays pure: it references no Azure SDK, no HTTP, no DI container and none of our other projects.</summary>
public class CoreDependencyTests
{
    // BouncyCastle.Cryptography: Ed25519 for GHL's webhook signatures, which .NET lacks. It is pure managed
    // computation (no I/O, no native library), so the GHL door's checks stay testable in memory like the rest.
    private static readonly string[] Allowed =
    [
        "System.", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives", "NodaTime", "PhoneNumbers",
        "BouncyCastle.Cryptography",
    ];

    [Fact]
    public void The_core_references_only_the_runtime_options_nodatime_libphonenumber_and_bouncycastle()
    {
        var references = typeof(SyncPlanner).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!);

        var outside = references.Where(name => name != "System" && !Allowed.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

        Assert.Empty(outside);
    }

    [Fact]
    public void The_core_references_no_network_assembly()
    {
        var references = typeof(SyncPlanner).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("System.Net", StringComparison.Ordinal));
    }
}
