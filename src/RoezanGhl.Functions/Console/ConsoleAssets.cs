using System.Collections.Frozen;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// The console's static files (its own script and style, and the vendored libraries with their licences), embedded
/// in this assembly from <c>Console/Assets</c>: served by the function app itself, same origin, so the CSP can say
/// <c>script-src 'self'</c>.
/// </summary>
public static class ConsoleAssets
{
    private const string Prefix = "RoezanGhl.Functions.Console.Assets.";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    /// <summary>The names served, such as <c>console.js</c> and <c>vendor.htmx.min.js</c> (folders become dots).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys;

    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        contentType = Types.GetValueOrDefault(Path.GetExtension(name ?? string.Empty), "application/octet-stream");
        return Files.Value.TryGetValue((name ?? string.Empty).Replace('/', '.'), out content!);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[Prefix.Length..].Replace('/', '.').Replace('\\', '.')] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
