using System.Text.Json.Nodes;
using RoezanGhl.LoadHarness.Conversations;
using RoezanGhl.LoadHarness.Reporting;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class ProfileSectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("profile-section").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_profile_run_alone_replaces_its_own_section_and_leaves_the_other_profiles_byte_for_byte()
    {
        var json = Path.Combine(_folder, "results.json");
        var markdown = Path.Combine(_folder, "results.md");
        const string Earlier = "{\n  \"generated_at\": \"2026-12-04T22:01:14+00:00\",\n  \"profiles\": {\n    \"burst\": {\n      \"title\": \"Burst of 10\\u00D7 the limit\"\n    }\n  }\n}\n";
        await File.WriteAllTextAsync(json, Earlier);
        await File.WriteAllTextAsync(markdown, "# Results\n\n## conversations\n\nold figures\n\n## sms_automations\n\nkept\n");

        await ProfileSection.WriteAsync("conversations", new JsonObject { ["replies"] = 40, ["scenario"] = "12 × 5" }, "## conversations\n\nnew figures\n", json, markdown, TextWriter.Null, default);

        var written = await File.ReadAllTextAsync(json);
        Assert.StartsWith(Earlier[..Earlier.IndexOf("\n  }\n}", StringComparison.Ordinal)], written, StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"12 \\u00D7 5\"", written, StringComparison.Ordinal);
        Assert.Equal(40, (int)JsonNode.Parse(written)!["profiles"]!["conversations"]!["replies"]!);
        var table = await File.ReadAllTextAsync(markdown);
        Assert.DoesNotContain("old figures", table, StringComparison.Ordinal);
        Assert.Contains("## sms_automations\n\nkept", table, StringComparison.Ordinal);
        Assert.EndsWith("## conversations\n\nnew figures\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_percentiles_are_nearest_rank()
    {
        var figures = LatencyFigures.Of([.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        Assert.Equal((50, 99, 100), (figures.P50, figures.P99, figures.Max));
        Assert.Equal(new LatencyFigures(0, 0, 0), LatencyFigures.Of([]));
    }
}
