using System.Globalization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>
/// Puts the profiles of one run into an earlier results file (<c>--merge-into</c>): the run's profiles replace theirs,
/// the others stay with a line saying which run measured them, and the targets are checked again over all of them.
/// </summary>
public static class ResultsMerger
{
    public static HarnessReport Merge(HarnessReport earlier, HarnessReport run)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(run);
        var profiles = new Dictionary<string, ProfileResult>(StringComparer.Ordinal);
        foreach (var (key, profile) in earlier.Profiles)
        {
            profiles[key] = run.Profiles.GetValueOrDefault(key) ?? profile;
        }

        foreach (var (key, profile) in run.Profiles)
        {
            profiles[key] = profile;
        }

        var kept = earlier.Profiles.Keys.Where(key => !run.Profiles.ContainsKey(key)).ToList();
        var ingest = run.Ingest ?? earlier.Ingest;
        var note = kept.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", run.Profiles.Keys)} measured by this run; {string.Join(", ", kept)} as measured by the run of {earlier.GeneratedAt:yyyy-MM-dd HH:mm} UTC (load average {earlier.LoadAverage}){(run.Ingest is null && ingest is not null ? ", ingest too" : "")}");
        return run with { Profiles = profiles, Ingest = ingest, Targets = TargetEvaluation.Evaluate(profiles, ingest), EarlierProfiles = note };
    }
}
