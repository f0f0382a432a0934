using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Tests;

/// <summary>The core stays pure: it references no Azure SDK, no HTTP, no DI container and none of our other projects.</summary>
public class CoreDependencyTests
{
    private static readonly string[] Allowed =
    [
        "System.", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives", "NodaTime", "PhoneNumbers",
    ];

    [Fact]
    public void The_core_references_only_the_runtime_options_nodatime_and_libphonenumber()
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
