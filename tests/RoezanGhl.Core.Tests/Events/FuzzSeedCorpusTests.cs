using System.Text;
using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Core.Tests.Events;

/// <summary>
/// The fuzz harness's seed corpus (tests/RoezanGhl.Fuzz/corpus/seeds, read by scripts/fuzz.sh) is the sample
/// events and the schema agreement bodies, so that AFL starts from every shape the contract knows. After a
/// change to those, rewrite it with <c>ROEZANGHL_WRITE_FUZZ_SEEDS=1 dotnet test --filter FuzzSeedCorpusTests</c>.
/// </summary>
public class FuzzSeedCorpusTests
{
    private static readonly string SeedFolder = RepositoryRoot.Combine("tests", "RoezanGhl.Fuzz", "corpus", "seeds");

    [Fact]
    public void The_fuzz_seed_corpus_holds_the_sample_events_and_the_schema_agreement_bodies()
    {
        var expected = ExpectedSeeds();
        if (Environment.GetEnvironmentVariable("ROEZANGHL_WRITE_FUZZ_SEEDS") == "1")
        {
            Write(expected);
        }

        var actual = Directory.EnumerateFiles(SeedFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, seed => Assert.Equal(seed.Value, actual[seed.Key]));
    }

    private static Dictionary<string, string> ExpectedSeeds()
    {
        var seeds = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(seeds, "valid", RoezanEventSchemaAgreementTests.ValidBodies());
        Add(seeds, "invalid", RoezanEventSchemaAgreementTests.InvalidBodies());

        // Shapes the schema tests do not send: a name given twice, and a first line the harness reads as a signature header.
        seeds["extra-01.json"] = """{"id":"e","type":"note.created","id":"e2","data":{"note":{"id":"n","body":"a","body":"b"}}}""";
        var signed = RoezanSignatureVerifier.CreateHeader("fuzz-secret-1", 1795600000, Encoding.UTF8.GetBytes("{}"));
        seeds["extra-02.json"] = signed + "\n{}";
        return seeds;
    }

    private static void Add(Dictionary<string, string> seeds, string kind, IEnumerable<object[]> bodies)
    {
        var number = 0;
        foreach (var row in bodies)
        {
            seeds[$"{kind}-{++number:00}.json"] = (string)row[0];
        }
    }

    private static void Write(Dictionary<string, string> seeds)
    {
        Directory.CreateDirectory(SeedFolder);
        foreach (var stale in Directory.EnumerateFiles(SeedFolder).Where(f => !seeds.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, body) in seeds)
        {
            File.WriteAllText(Path.Combine(SeedFolder, name), body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
