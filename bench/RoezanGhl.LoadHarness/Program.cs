using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RoezanGhl.LoadHarness;
using RoezanGhl.LoadHarness.Conversations;
using RoezanGhl.LoadHarness.Sms;
using RoezanGhl.LoadHarness.Reporting;
using RoezanGhl.TestSupport;

// dotnet run -c Release --project bench/RoezanGhl.LoadHarness -- --help   (./scripts/bench.sh runs it with Azurite)
var profiles = new Option<string[]>("--profiles") { Description = $"Profiles to run: {string.Join(", ", HarnessOptions.AllProfiles)} (the default), and {string.Join(", ", HarnessOptions.OnRequestProfiles)}, {SmsAutomationsResults.Profile}, {ConversationsResults.Profile} when named.", DefaultValueFactory = _ => [.. HarnessOptions.AllProfiles], AllowMultipleArgumentsPerToken = true };
var systems = new Option<string[]>("--systems") { Description = "Systems to run: ours, baseline.", DefaultValueFactory = _ => [LoadHarnessRunner.Ours, LoadHarnessRunner.Baseline], AllowMultipleArgumentsPerToken = true };
var smoke = new Option<bool>("--smoke") { Description = "A few seconds of each profile instead of the full run." };
var steadySeconds = new Option<double?>("--steady-seconds") { Description = "Load time of the steady profile (default 60)." };
var burstSeconds = new Option<double?>("--burst-seconds") { Description = "Load time of the burst (default 30)." };
var burstFactor = new Option<double?>("--burst-factor") { Description = "Burst load as a multiple of the limit (default 10)." };
var twoSeconds = new Option<double?>("--two-locations-seconds") { Description = "Load time of the two-location profile (default 10)." };
var twoFactor = new Option<double?>("--two-locations-factor") { Description = "Load on each of the two locations as a multiple of the limit (default 2)." };
var multiSeconds = new Option<double?>("--multi-burst-seconds") { Description = "Load time of the two- and five-location bursts (default 10)." };
var multiFactor = new Option<double?>("--multi-burst-factor") { Description = "Load on each location of the two- and five-location bursts as a multiple of the limit (default 3)." };
var seed = new Option<int?>("--seed") { Description = "Seed of the event script (default 9)." };
var drain = new Option<double?>("--drain-limit-seconds") { Description = "Longest drain after the load (default: sized from the events)." };
var ingestReport = new Option<string?>("--ingest-report") { Description = "BenchmarkDotNet JSON report of IngestBenchmark, for ours' ingest figures." };
var settings = new Option<string[]>("--setting") { Description = "An app setting for ours, key=value (repeatable), e.g. Ghl:RateLimitMaxWait=00:00:02.", DefaultValueFactory = _ => [] };
var twoWayChanges = new Option<int?>("--two-way-changes") { Description = "Changes the two_way profile makes on both sides (default 1000)." };
var twoWayRate = new Option<double?>("--two-way-rate") { Description = "Changes per second of the two_way profile (default 10)." };
var twoWayFaults = new Option<bool>("--two-way-faults") { Description = "two_way under faults on both sides: 5xx, ghost writes, 429 storms and both webhook doors answering 429 now and then." };
var output = new Option<string?>("--output") { Description = "Where to write results.json." };
var markdown = new Option<string?>("--markdown") { Description = "Where to write the Markdown table." };
var mergeInto = new Option<string?>("--merge-into") { Description = "An earlier results.json: this run's profiles replace its ones, the others are kept (written to --output)." };
var fromResults = new Option<string?>("--from-results") { Description = "Use this results.json as the run instead of running (with --merge-into)." };

var root = new RootCommand("Load harness: our pipeline and an n8n-style baseline against the GHL simulator with GHL's real limits.")
{
    profiles, systems, smoke, steadySeconds, burstSeconds, burstFactor, twoSeconds, twoFactor, multiSeconds, multiFactor, seed, drain, ingestReport, settings, twoWayChanges, twoWayRate, twoWayFaults, output, markdown, mergeInto, fromResults,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var options = parse.GetValue(smoke) ? HarnessOptions.Smoke : new HarnessOptions();
    options = options with
    {
        Profiles = parse.GetValue(profiles)!,
        Systems = parse.GetValue(systems)!,
        SteadyDuration = parse.GetValue(steadySeconds) is { } s ? TimeSpan.FromSeconds(s) : options.SteadyDuration,
        BurstDuration = parse.GetValue(burstSeconds) is { } b ? TimeSpan.FromSeconds(b) : options.BurstDuration,
        BurstFactor = parse.GetValue(burstFactor) ?? options.BurstFactor,
        TwoLocationsDuration = parse.GetValue(twoSeconds) is { } t ? TimeSpan.FromSeconds(t) : options.TwoLocationsDuration,
        TwoLocationsFactor = parse.GetValue(twoFactor) ?? options.TwoLocationsFactor,
        MultiBurstDuration = parse.GetValue(multiSeconds) is { } m ? TimeSpan.FromSeconds(m) : options.MultiBurstDuration,
        MultiBurstFactor = parse.GetValue(multiFactor) ?? options.MultiBurstFactor,
        Seed = parse.GetValue(seed) ?? options.Seed,
        TwoWayChanges = parse.GetValue(twoWayChanges) ?? options.TwoWayChanges,
        TwoWayChangesPerSecond = parse.GetValue(twoWayRate) ?? options.TwoWayChangesPerSecond,
        TwoWayFaults = parse.GetValue(twoWayFaults),
        DrainLimit = parse.GetValue(drain) is { } d ? TimeSpan.FromSeconds(d) : options.DrainLimit,
        IngestReportPath = parse.GetValue(ingestReport),
        Settings = parse.GetValue(settings)!.Select(pair => pair.Split('=', 2)).ToDictionary(
            pair => pair[0],
            pair => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--setting {pair[0]}: give key=value."),
            StringComparer.Ordinal),
    };

    if (options.Profiles.Contains(SmsAutomationsResults.Profile, StringComparer.Ordinal))
    {
        var figures = await SmsAutomationsRun.RunAsync(options.Seed, Console.Out, cancellationToken);
        await SmsAutomationsResults.WriteAsync(figures, parse.GetValue(output), parse.GetValue(markdown), Console.Out, cancellationToken);
        options = options with { Profiles = [.. options.Profiles.Where(profile => profile != SmsAutomationsResults.Profile)] };
        if (options.Profiles.Count == 0)
        {
            return figures.SmsSentTwice + figures.SmsToOptedOut + figures.SmsInQuietHours == 0 ? 0 : 1;
        }
    }

    if (options.Profiles.Contains(ConversationsResults.Profile, StringComparer.Ordinal))
    {
        var figures = await ConversationsRun.RunAsync(Console.Out, cancellationToken);
        await ConversationsResults.WriteAsync(figures, parse.GetValue(output), parse.GetValue(markdown), Console.Out, cancellationToken);
        options = options with { Profiles = [.. options.Profiles.Where(profile => profile != ConversationsResults.Profile)] };
        if (options.Profiles.Count == 0)
        {
            return figures.InboundMessagesNotOnce + figures.RepliesNotDelivered == 0 && figures.RoezanTextsPerReply == 1 ? 0 : 1;
        }
    }

    var report = parse.GetValue(fromResults) is { } runPath
        // Read like --merge-into's file: profiles in their own shape are left out (the merged-into file keeps its own).
        ? await new OwnShapeProfiles().ReadWithoutAsync(runPath, cancellationToken)
        : await LoadHarnessRunner.RunAsync(options, Console.Out, cancellationToken);
    // Profiles written in their own shape (sms_automations) are set aside while merging and put back after.
    var foreign = new OwnShapeProfiles();
    if (parse.GetValue(mergeInto) is { } earlierPath)
    {
        report = ResultsMerger.Merge(await foreign.ReadWithoutAsync(earlierPath, cancellationToken), report);
    }

    var json = foreign.PutBack(JsonSerializer.Serialize(report, ResultsJsonContext.Default.HarnessReport));
    var table = MarkdownReport.Write(report) + foreign.MarkdownSections;
    if (parse.GetValue(output) is { } jsonPath)
    {
        await File.WriteAllTextAsync(jsonPath, json + Environment.NewLine, cancellationToken);
    }

    if (parse.GetValue(markdown) is { } markdownPath)
    {
        await File.WriteAllTextAsync(markdownPath, table, cancellationToken);
    }

    Console.WriteLine();
    Console.WriteLine(table);
    var missed = report.Targets.Count(target => target.Met == false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Targets.Count(target => target.Met == true)} targets met, {missed} missed, {report.Targets.Count(target => target.Met is null)} not measured."));
    return 0;
});

return await root.Parse(args).InvokeAsync();

